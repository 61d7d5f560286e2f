def m = [b: 2, c: 1, a: 3]
def sorted = m.sort()
echo "sort(): ${sorted}"
echo "receiver after sort(): ${m}"
echo "sort by value: ${m.sort { it.value }}"
echo "sort comparator: ${m.sort { x, y -> y.value <=> x.value }}"
echo "sort class: ${m.sort().getClass().getSimpleName()}"
echo "sort by key desc: ${m.sort { x, y -> y.key <=> x.key }}"
echo "toSorted: ${m.toSorted { it.key }}"
echo "keys sorted: ${m.keySet().sort()}"
