def xs = ['a', 'bb', 'cc', 'ddd', 'a']
echo "count value: ${xs.count('a')}"
echo "count closure: ${xs.count { it.size() == 2 }}"
echo "countBy: ${xs.countBy { it.size() }}"
echo "groupBy: ${xs.groupBy { it.size() }}"
echo "groupBy class: ${xs.groupBy { it.size() }.getClass().getSimpleName()}"
echo "groupBy first letter: ${['apple', 'avocado', 'banana'].groupBy { it[0] }}"
echo "groupBy two levels: ${[1, 2, 3, 4, 5, 6].groupBy({ it % 2 }, { it > 3 })}"
echo "count numbers: ${[1, 1.0, 1L].count(1)}"
