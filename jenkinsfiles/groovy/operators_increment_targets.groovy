def m = [n: 1]
m.n++
++m.n
echo "map entry ++: ${m.n}"
m['n']--
echo "map entry -- with subscript: ${m.n}"
def xs = [10, 20]
xs[0]++
xs[1] += 5
--xs[1]
echo "list elements: ${xs}"
def a = 1
def b = a++ + ++a
echo "a++ + ++a: ${b} a=${a}"
def c = 5
c -= 2
c *= 3
echo "c: ${c}"
def d = 2
echo "postfix in expression: ${d++ * 10} then ${d}"
