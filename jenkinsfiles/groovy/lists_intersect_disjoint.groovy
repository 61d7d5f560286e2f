def a = [1, 2, 3, 4]
def b = [3, 4, 5]
echo "intersect: ${a.intersect(b)}"
echo "disjoint: ${a.disjoint(b)} ${a.disjoint([9])}"
echo "union via plus/unique: ${(a + b).unique()}"
echo "difference: ${a - b}"
echo "symmetric difference: ${(a - b) + (b - a)}"
echo "intersect strings: ${['x', 'y'].intersect(['y', 'z'])}"
echo "intersect keeps receiver order: ${[5, 4, 3].intersect([3, 4])}"
