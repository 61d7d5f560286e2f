def xs = [3, 1, 2]
def ys = xs.sort()
echo "sorted: ${ys}"
echo "receiver changed: ${xs}"
echo "same object: ${xs.is(ys)}"
def zs = [3, 1, 2]
def copy = zs.sort(false)
echo "sort(false): ${copy} receiver: ${zs}"
def ws = ['ccc', 'a', 'bb']
ws.sort { it.size() }
echo "sort closure 1 param: ${ws}"
ws.sort { a, b -> b <=> a }
echo "sort closure 2 params: ${ws}"
echo "sort(false) with closure: ${ws.sort(false) { it }} receiver: ${ws}"
echo "toSorted: ${[2, 3, 1].toSorted()}"
def t = [2, 3, 1]
t.toSorted()
echo "toSorted leaves receiver: ${t}"
