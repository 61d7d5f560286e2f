def i = 5
def a = i++
echo "post: a=${a} i=${i}"
def b = ++i
echo "pre: b=${b} i=${i}"
def c = i--
echo "post dec: c=${c} i=${i}"
def d = --i
echo "pre dec: d=${d} i=${i}"
def x = 1.5
x++
echo "BigDecimal ++: ${x}"
def y = Integer.MAX_VALUE
y++
echo "int max ++: ${y} ${y.getClass().getName()}"
def z = 'a'
z++
echo "string ++: ${z}"
