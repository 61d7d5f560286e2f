def found = null
outer:
for (i in 1..5) {
    for (j in 1..5) {
        if (i * j == 12) {
            found = [i, j]
            break outer
        }
    }
}
echo "found: ${found}"
def pairs = []
rows:
for (r in 1..3) {
    for (c in 1..3) {
        if (c > r) continue rows
        pairs << "${r}${c}"
    }
}
echo "pairs: ${pairs}"
