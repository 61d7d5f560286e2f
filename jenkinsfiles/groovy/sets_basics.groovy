def s = [3, 1, 2, 3, 1] as Set
echo "as Set keeps first-seen order: ${s}"
echo "class: ${s.getClass().getName()}"
echo "size: ${s.size()}"
echo "contains: ${s.contains(2)} ${2 in s} ${9 in s}"
s << 4
s << 1
echo "after <<: ${s}"
echo "add returns: ${s.add(5)} ${s.add(5)}"
echo "remove: ${s.remove(3)} ${s}"
def h = new HashSet([5, 3, 1])
echo "HashSet of small ints: ${h}"
echo "TreeSet: ${new TreeSet(['pear', 'apple', 'fig'])}"
