def xs = [1, 2, 1, 3, 2]
def r = xs.unique()
echo "unique: ${r}"
echo "receiver changed: ${xs}"
def ys = [1, 2, 1, 3]
echo "unique(false): ${ys.unique(false)} receiver: ${ys}"
def words = ['a', 'B', 'A', 'b', 'c']
words.unique { it.toLowerCase() }
echo "unique closure: ${words}"
def nums = [1, 5, 2, 6, 9]
nums.unique { a, b -> a % 2 <=> b % 2 }
echo "unique comparator: ${nums}"
echo "toUnique: ${[3, 3, 1].toUnique()}"
echo "unique of mixed numbers: ${[1, 1L, 1.0].unique()}"
