def max = Integer.MAX_VALUE
echo "max: ${max}"
echo "max + 1: ${max + 1}"
echo "class of max + 1: ${(max + 1).getClass().getName()}"
echo "min - 1: ${Integer.MIN_VALUE - 1}"
echo "max * 2: ${max * 2}"
echo "max + 1L: ${max + 1L}"
echo "long max: ${Long.MAX_VALUE}"
echo "long max + 1: ${Long.MAX_VALUE + 1}"
def big = 1000000 * 1000000
echo "1000000 * 1000000 = ${big}"
echo "as long: ${1000000L * 1000000}"
