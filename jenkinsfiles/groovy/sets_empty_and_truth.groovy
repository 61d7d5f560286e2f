def s = [] as Set
echo "empty set: ${s} truth: ${s ? 'yes' : 'no'}"
s.addAll([2, 2, 1])
echo "addAll: ${s} truth: ${s ? 'yes' : 'no'}"
echo "isEmpty: ${s.isEmpty()}"
s.clear()
echo "cleared: ${s}"
echo "Collections.emptySet: ${Collections.emptySet()}"
echo "set of lists: ${[[1], [1], [2]] as Set}"
echo "set of maps: ${[[a: 1], [a: 1]] as Set}"
