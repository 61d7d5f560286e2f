def out = []
for (x in [1, 2, 3]) {
    out << x * 2
}
echo "list: ${out}"
out = []
for (c in 'abc') {
    out << c.toUpperCase()
}
echo "string: ${out}"
for (e in [a: 1, b: 2]) {
    echo "map entry: ${e.key} = ${e.value}"
}
for (i in 0..2) {
    echo "range: ${i}"
}
for (def v : [7, 8]) {
    echo "colon form: ${v}"
}
for (String s in ['x']) {
    echo "typed: ${s}"
}
