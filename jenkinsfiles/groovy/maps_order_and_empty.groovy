def m = [:]
echo "empty: ${m} isEmpty: ${m.isEmpty()} size: ${m.size()}"
m.zebra = 1
m.apple = 2
m.mango = 3
echo "insertion order: ${m}"
m.zebra = 10
echo "reassign keeps position: ${m}"
m.remove('apple')
m.apple = 20
echo "remove and re-add goes last: ${m}"
echo "keys: ${m.keySet()} values: ${m.values()}"
echo "keySet().toList(): ${m.keySet().toList()}"
echo "truth: ${[:] ? 'yes' : 'no'} ${m ? 'yes' : 'no'}"
