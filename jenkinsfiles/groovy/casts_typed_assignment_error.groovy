int count = 1
echo "count: ${count}"
count = 2.9
echo "a BigDecimal assigned to an int is truncated: ${count}"
echo "assigning a String to an int variable:"
count = 'many'
