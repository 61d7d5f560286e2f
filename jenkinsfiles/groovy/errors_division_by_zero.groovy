def total = 10
def count = 0
echo "integer division by 2: ${total / 2}"
echo "computing average of ${total} over ${count}"
echo "avg: ${total / count}"
