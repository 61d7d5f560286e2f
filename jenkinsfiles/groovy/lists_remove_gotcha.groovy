def xs = [10, 20, 30, 1, 2]
def r = xs.remove(1)
echo "remove(1) removes index 1: returned ${r}, list ${xs}"
def ys = ['a', 'b', 'c']
echo "remove('b') by value: ${ys.remove('b')} ${ys}"
def zs = [10, 20, 30, 1, 2]
zs.remove((Object) 1)
echo "remove((Object) 1) by value: ${zs}"
def vs = [3, 4, 5]
vs.removeElement(3)
echo "removeElement(3): ${vs}"
def us = [7, 8, 9]
echo "removeAt(0): ${us.removeAt(0)} ${us}"
echo "remove missing value: ${['x'].remove('nope')}"
def ws = [5, 6, 7]
echo "remove(Integer.valueOf(7)) still means index 7:"
ws.remove(Integer.valueOf(7))
