def x = 1
def eager = "x=${x}"
def lazy = "x=${-> x}"
x = 2
echo "eager: ${eager}"
echo "lazy: ${lazy}"
x = 3
echo "lazy again: ${lazy}"
def list = [1]
def g = "list=${list}"
list << 2
echo "mutated object shows: ${g}"
def s = 'a'
def g2 = "s=${s}"
s = 'b'
echo "rebound variable does not: ${g2}"
