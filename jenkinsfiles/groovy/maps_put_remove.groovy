def m = [a: 1]
echo "put new returns: ${m.put('b', 2)}"
echo "put existing returns previous: ${m.put('a', 10)}"
echo "map: ${m}"
echo "remove returns value: ${m.remove('a')}"
echo "remove missing: ${m.remove('zz')}"
m.putAll([c: 3, d: 4])
echo "putAll: ${m}"
m << [e: 5]
echo "<< map: ${m}"
m['f'] = 6
m.g = 7
echo "assignments: ${m}"
m.putIfAbsent('c', 99)
echo "putIfAbsent: ${m.c}"
m.clear()
echo "clear: ${m}"
