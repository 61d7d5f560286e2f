def add3 = { a, b, c -> "${a}${b}${c}" }
def c1 = add3.curry('x')
echo "curry 1: ${c1('y', 'z')}"
def c2 = add3.curry('x', 'y')
echo "curry 2: ${c2('z')}"
def r1 = add3.rcurry('z')
echo "rcurry: ${r1('x', 'y')}"
def n1 = add3.ncurry(1, 'M')
echo "ncurry: ${n1('a', 'c')}"
def mult = { a, b -> a * b }
def double_ = mult.curry(2)
echo "double: ${[1, 2, 3].collect(double_)}"
echo "curried params: ${c2.maximumNumberOfParameters}"
