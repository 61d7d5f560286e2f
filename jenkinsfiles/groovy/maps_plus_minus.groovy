def a = [x: 1, y: 2]
def b = [y: 20, z: 30]
echo "plus: ${a + b}"
echo "plus order: ${b + a}"
echo "receiver unchanged: ${a}"
echo "minus map: ${[x: 1, y: 2, z: 3] - [y: 2]}"
echo "minus map value differs: ${[x: 1, y: 2] - [y: 3]}"
echo "plus entry list: ${a + [w: 0]}"
a += [q: 9]
echo "+=: ${a}"
echo "subMap: ${[a: 1, b: 2, c: 3].subMap(['a', 'c'])}"
echo "subMap missing key: ${[a: 1].subMap(['a', 'zz'])}"
echo "intersect: ${[a: 1, b: 2].intersect([b: 2, c: 3])}"
