def arr = [5, 3, 9] as int[]
Arrays.sort(arr)
echo "Arrays.sort: ${arr}"
echo "Arrays.toString: ${Arrays.toString(arr)}"
echo "Arrays.asList: ${Arrays.asList('a', 'b')}"
echo "array length: ${arr.length} size: ${arr.size()}"
echo "array index: ${arr[0]} ${arr[-1]}"
String[] names = ['x', 'y']
echo "String[]: ${names} ${names.join('+')}"
echo "array collect: ${names.collect { it * 2 }}"
echo "array contains: ${names.contains('y')}"
def grid = new int[2][3]
echo "int[2][3]: ${grid}"
echo "new String[2]: ${new String[2]}"
