def m = [x: 1, y: 2]
def keys = []
for (k in m.keySet()) keys << k
echo "keys: ${keys}"
def vals = []
for (v in m.values()) vals << v
echo "values: ${vals}"
def nothing = null
def count = 0
for (x in nothing) {
    count++
}
echo "for over null runs zero times: ${count}"
for (x in 42) {
    echo "for over a single object: ${x}"
}
