def m = new LinkedHashMap()
m.put('one', 1)
m.putAt('two', 2)
echo "putAt: ${m}"
echo "getAt: ${m.getAt('two')}"
echo "get: ${m.get('one')}"
echo "get missing: ${m.get('three')}"
echo "TreeMap sorted: ${new TreeMap([c: 3, a: 1, b: 2])}"
echo "TreeMap firstKey: ${new TreeMap([c: 3, a: 1]).firstKey()}"
echo "HashMap of ints: ${new HashMap([1: 'a', 2: 'b'])}"
echo "asImmutable: ${[a: 1].asImmutable()}"
try {
    [a: 1].asImmutable().b = 2
} catch (e) {
    echo "modify an immutable map: ${e}"
}
