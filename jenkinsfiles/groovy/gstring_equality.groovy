def a = 'job-1'
def g = "job-${1}"
echo "== : ${a == g}"
echo "equals: ${a.equals(g)} ${g.equals(a)}"
echo "toString equals: ${a.equals(g.toString())}"
echo "compareTo: ${a <=> g}"
echo "in list of strings: ${g in [a]}"
echo "list contains: ${[a].contains(g)}"
echo "list contains toString: ${[a].contains(g.toString())}"
echo "switch:"
switch (g) {
    case 'job-1':
        echo "  matched a String case"
        break
    default:
        echo "  no match"
}
