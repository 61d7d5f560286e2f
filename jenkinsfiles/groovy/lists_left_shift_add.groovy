def xs = []
xs << 1
xs << 2 << 3
echo "after <<: ${xs}"
xs.add(4)
echo "add returns: ${xs.add(5)}"
xs.add(0, 0)
echo "add at index: ${xs}"
xs.addAll([6, 7])
echo "addAll: ${xs}"
xs.addAll(0, [-2, -1])
echo "addAll at index: ${xs}"
xs << [8, 9]
echo "<< list adds one element: ${xs}"
xs += [10]
echo "+= list: ${xs}"
echo "size: ${xs.size()}"
