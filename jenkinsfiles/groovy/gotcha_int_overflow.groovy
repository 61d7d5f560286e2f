def ms = 30 * 24 * 60 * 60 * 1000
echo "30 days in ms as int overflows: ${ms}"
def msLong = 30L * 24 * 60 * 60 * 1000
echo "with a long literal: ${msLong}"
def big = Integer.MAX_VALUE
big += 1
echo "MAX_VALUE += 1: ${big}"
def sum = [Integer.MAX_VALUE, 1].sum()
echo "sum overflows too: ${sum}"
echo "but ** promotes: ${2 ** 40}"
