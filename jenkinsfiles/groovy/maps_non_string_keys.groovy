def m = [1: 'one', 2: 'two']
echo "map: ${m}"
echo "m[1]: ${m[1]}"
echo "m['1']: ${m['1']}"
echo "key class: ${m.keySet().first().getClass().getSimpleName()}"
def v = 'k'
def literal = [v: 1]
echo "[v: 1] uses the literal name: ${literal}"
def evaluated = [(v): 1]
echo "[(v): 1] uses the value: ${evaluated}"
def bools = [(true): 'yes', (false): 'no']
echo "boolean keys: ${bools[true]} ${bools}"
def lk = [([1, 2]): 'list key']
echo "list key lookup: ${lk[[1, 2]]}"
echo "long vs int key: ${[(1L): 'long'][1]}"
