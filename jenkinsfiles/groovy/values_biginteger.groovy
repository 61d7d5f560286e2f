def a = 2G
echo "2G: ${a} ${a.getClass().getName()}"
def p = 1G
(1..30).each { p *= it }
echo "30! = ${p}"
echo "class: ${p.getClass().getName()}"
def q = 12345678901234567890 * 98765432109876543210
echo "product: ${q}"
echo "2G ** 100: ${2G ** 100}"
echo "big + int: ${(2G + 1).getClass().getName()}"
echo "big / int: ${10G / 4} ${(10G / 4).getClass().getName()}"
echo "big intdiv: ${10G.intdiv(4)}"
echo "Long.MAX_VALUE * 2G: ${Long.MAX_VALUE * 2G}"
