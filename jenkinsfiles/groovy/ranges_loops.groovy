def total = 0
for (i in 0..<5) {
    total += i
}
echo "total 0..<5: ${total}"
def n = 3
def rows = []
for (r in 1..n) {
    rows << (1..r).collect { '*' }.join('')
}
echo "triangle: ${rows}"
def empty = []
for (i in 1..0) {
    empty << i
}
echo "1..0 iterates downward: ${empty}"
def none = []
for (i in 0..<0) {
    none << i
}
echo "0..<0 iterates nothing: ${none}"
