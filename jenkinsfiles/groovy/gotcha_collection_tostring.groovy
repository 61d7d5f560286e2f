def list = ['a', 'b c', null, 1]
def map = [x: 'y', n: [1, 2], e: [:]]
echo "list: ${list}"
echo "map: ${map}"
echo "strings are not quoted, so these look alike: ${['1', 1]}"
echo "use inspect() to tell them apart: ${['1', 1].inspect()}"
echo "empty map: ${[:]} empty list: ${[]}"
echo "list + string: " + [1, 2]
echo "nested: ${[[a: [b: [1]]]]}"
