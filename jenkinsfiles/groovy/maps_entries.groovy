def m = [a: 1, b: 2]
def entries = m.entrySet().toList()
echo "first entry: ${entries[0]}"
echo "entry key/value: ${entries[0].key} ${entries[0].value}"
echo "entries: ${entries}"
entries[1].value = 20
echo "setValue through entry: ${m}"
echo "sum via entries: ${m.entrySet().sum { it.value }}"
echo "collect entries to list: ${m.collect { it }}"
echo "map from pairs: ${[['k1', 'v1'], ['k2', 'v2']].collectEntries()}"
echo "transpose keys/values: ${[m.keySet().toList(), m.values().toList()].transpose()}"
