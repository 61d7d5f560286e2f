def xs = ['apple', 'kiwi', 'banana']
echo "collectEntries pair list: ${xs.collectEntries { [it, it.size()] }}"
echo "collectEntries map: ${xs.collectEntries { [(it[0]): it] }}"
echo "collectEntries with index: ${xs.withIndex().collectEntries { x, i -> [i, x] }}"
echo "class: ${xs.collectEntries { [it, 1] }.getClass().getSimpleName()}"
echo "duplicate keys keep last: ${['a1', 'a2', 'b1'].collectEntries { [it[0], it] }}"
def m = [a: 1, b: 2].collectEntries { k, v -> [k.toUpperCase(), v * 10] }
echo "from map: ${m}"
