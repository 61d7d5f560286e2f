def m = [a: 1]
echo "map: ${m}"
echo "size(): ${m.size()}"
echo "calling a method the map does not have:"
m.foo('x', 2)
