def arr = ['a', 'b'] as String[]
echo "array: ${arr} ${arr.getClass().getSimpleName()}"
echo "toList: ${arr.toList()} ${arr.toList().getClass().getSimpleName()}"
echo "Arrays.asList: ${Arrays.asList(1, 2, 3)}"
echo "asList: ${arr.toList().asList()}"
echo "range toList: ${(1..3).toList()}"
echo "set toList: ${([3, 1] as Set).toList()}"
echo "string toList: ${'ab'.toList()}"
echo "array size/length: ${arr.size()} ${arr.length}"
echo "list as array back: ${[1, 2].toArray().length}"
def fixed = Arrays.asList(1, 2)
fixed[0] = 9
echo "Arrays.asList set: ${fixed}"
try {
    fixed.add(3)
} catch (e) {
    echo "add to Arrays.asList: ${e}"
}
