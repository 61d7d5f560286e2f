def items = [1, 2]
List ok = items
echo "List variable: ${ok}"
echo "items: ${items}"
echo "assigning a list to a Map variable:"
Map m = items
