def a = [1, 2, 3, 4] as Set
def b = [3, 4, 5] as Set
echo "union: ${a + b}"
echo "difference: ${a - b}"
echo "intersect: ${a.intersect(b)}"
echo "disjoint: ${a.disjoint(b)}"
echo "subset: ${a.containsAll([1, 2])}"
echo "plus element: ${a + 9} minus element: ${a - 1}"
echo "class of union: ${(a + b).getClass().getSimpleName()}"
echo "sort set: ${([3, 1, 2] as Set).sort()}"
echo "equality ignores order: ${([1, 2] as Set) == ([2, 1] as Set)}"
echo "set == list: ${([1, 2] as Set) == [1, 2]}"
