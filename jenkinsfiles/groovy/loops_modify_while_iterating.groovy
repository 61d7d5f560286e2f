def xs = [1, 2, 3, 4]
def copy = xs.collect()
for (x in copy) {
    if (x % 2 == 0) xs.remove((Object) x)
}
echo "removed evens via copy: ${xs}"
def ys = [1, 2, 3]
def it = ys.iterator()
while (it.hasNext()) {
    if (it.next() == 2) it.remove()
}
echo "iterator remove: ${ys}"
def zs = [1, 2, 3]
echo "modifying inside each next:"
zs.each { if (it == 1) zs << 99 }
