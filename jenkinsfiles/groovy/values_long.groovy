def a = 5L
echo "5L: ${a} ${a.getClass().getName()}"
def b = a + 1
echo "5L + 1: ${b} ${b.getClass().getName()}"
def c = 3000000000
echo "3000000000: ${c.getClass().getName()}"
echo "long * int: ${(10L * 3).getClass().getName()}"
echo "long / int: ${10L / 4} ${(10L / 4).getClass().getName()}"
echo "long intdiv: ${10L.intdiv(4)} ${10L.intdiv(4).getClass().getName()}"
echo "Long.parseLong: ${Long.parseLong('123456789012')}"
echo "equal: ${5L == 5} ${5L.equals(5)}"
