def m = [a: 1]
echo "get(k, default) on missing: ${m.get('b', 42)}"
echo "map after get with default (it STORED it): ${m}"
echo "get(k, default) on present: ${m.get('a', 99)} ${m}"
echo "getOrDefault does not store: ${m.getOrDefault('c', 7)} ${m}"
def counts = [:]
['x', 'y', 'x'].each { w -> counts[w] = counts.get(w, 0) + 1 }
echo "counting with get default: ${counts}"
def groups = [:]
[['a', 1], ['b', 2], ['a', 3]].each { k, v -> groups.get(k, []) << v }
echo "grouping with get default list: ${groups}"
echo "elvis default: ${m.zzz ?: 'fallback'} ${m}"
