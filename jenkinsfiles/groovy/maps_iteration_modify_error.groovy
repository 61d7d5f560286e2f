def m = [a: 1, b: 2, c: 3]
def copy = new LinkedHashMap(m)
copy.each { k, v -> if (v == 2) { m.remove(k) } }
echo "removed via copy: ${m}"
def it2 = m.entrySet().iterator()
while (it2.hasNext()) {
    if (it2.next().value == 3) {
        it2.remove()
    }
}
echo "removed via iterator: ${m}"
m = [a: 1, b: 2, c: 3]
echo "removing inside each next:"
m.each { k, v -> if (v == 1) { m.remove(k) } }
