def words = ['b', 'a', 'b', 'c', 'a']
echo "toSet: ${words.toSet().sort()}"
echo "toSet size: ${words.toSet().size()}"
echo "unique keeps list: ${words.unique(false)}"
echo "as Set ordered: ${words as Set}"
echo "LinkedHashSet: ${new LinkedHashSet(words)}"
def seen = [] as Set
def dups = words.findAll { !seen.add(it) }
echo "duplicates: ${dups}"
echo "set collect: ${([1, 2, 3] as Set).collect { it % 2 }}"
echo "set findAll class: ${([1, 2, 3] as Set).findAll { it > 1 }.getClass().getSimpleName()}"
