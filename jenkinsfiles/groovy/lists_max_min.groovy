def xs = [3, 11, 7]
echo "max: ${xs.max()} min: ${xs.min()}"
def words = ['pear', 'fig', 'banana']
echo "max closure: ${words.max { it.size() }}"
echo "min closure: ${words.min { it.size() }}"
echo "max comparator: ${words.max { a, b -> a.size() <=> b.size() }}"
echo "min comparator: ${words.min({ a, b -> b <=> a } as Comparator)}"
echo "max strings: ${words.max()}"
echo "max empty: ${[].max()}"
echo "max with nulls: ${[null, 2, 1].max()} min with nulls: ${[null, 2, 1].min()}"
echo "max of ties returns first: ${['aa', 'bb'].max { it.size() }}"
echo "min of ties: ${['aa', 'bb'].min { it.size() }}"
