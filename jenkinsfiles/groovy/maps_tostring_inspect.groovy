def m = [s: 'str', n: 1, l: [1, 'a'], nested: [k: null], e: [:], g: "g${1}"]
echo "toString: ${m.toString()}"
echo "inspect: ${m.inspect()}"
echo "gstring: ${m}"
echo "empty: ${[:].toString()}"
echo "keys with spaces: ${['a b': 1]}"
echo "map of lists: ${[x: [], y: [[]]]}"
echo "println:"
println m
