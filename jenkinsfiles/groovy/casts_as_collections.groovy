def s = [3, 1, 3, 2] as Set
echo "as Set: ${s} ${s.getClass().getSimpleName()}"
def l = s as List
echo "as List: ${l} ${l.getClass().getSimpleName()}"
def arr = [1, 2] as int[]
echo "as int[]: ${arr} ${arr.getClass().getSimpleName()}"
def sorted = [3, 1, 2] as SortedSet
echo "as SortedSet: ${sorted}"
def strs = [1, 2] as String[]
echo "as String[]: ${strs} first class ${strs[0].getClass().getSimpleName()}"
echo "map entries as List: ${[a: 1].entrySet() as List}"
echo "toList of string as Set: ${('hello'.toList() as Set).size()}"
echo "linked list: ${([1, 2] as LinkedList).getClass().getSimpleName()}"
