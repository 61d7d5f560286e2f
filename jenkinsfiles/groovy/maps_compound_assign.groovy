def m = [count: 0, names: []]
m.count += 5
m.count++
m['count'] *= 2
echo "count: ${m.count}"
m.names << 'a'
m.names += ['b']
echo "names: ${m.names}"
m.total = (m.total ?: 0) + 1
echo "total from null: ${m.total}"
def counts = [:]
counts.x = counts.x ? counts.x + 1 : 1
counts.x = counts.x ? counts.x + 1 : 1
echo "counts: ${counts}"
try {
    m.missing++
} catch (e) {
    echo "missing key ++: ${e}"
}
