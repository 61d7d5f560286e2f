def xs = [1, 2, 3, 4, 5, 6]
echo "removeAll(list): ${xs.removeAll([2, 4])} ${xs}"
echo "removeAll(closure): ${xs.removeAll { it > 4 }} ${xs}"
def ys = [1, 2, 3, 4]
echo "retainAll(list): ${ys.retainAll([2, 3, 9])} ${ys}"
def zs = [1, 2, 3, 4]
echo "retainAll(closure): ${zs.retainAll { it % 2 == 0 }} ${zs}"
echo "removeAll nothing: ${zs.removeAll([99])}"
zs.clear()
echo "clear: ${zs} ${zs.isEmpty()}"
def ws = [1, 2, 3]
ws.removeIf { it == 2 }
echo "removeIf: ${ws}"
