def xs = [1, 2]
xs[5] = 6
echo "extended with nulls: ${xs} size ${xs.size()}"
xs[-1] = 'last'
echo "negative index set: ${xs}"
xs[1..2] = ['x', 'y', 'z']
echo "range assign: ${xs}"
def ys = []
ys[0] = 'first'
echo "assign into empty: ${ys}"
def zs = [0, 0, 0]
zs[1] += 5
zs[2]++
echo "compound on elements: ${zs}"
