def xs = [1, 2, 3].asImmutable()
echo "immutable: ${xs}"
echo "reads work: ${xs.size()} ${xs[0]} ${xs.collect { it * 2 }}"
echo "plus makes a new list: ${xs + 4}"
try {
    xs << 4
} catch (UnsupportedOperationException e) {
    echo "caught: ${e.getClass().name} ${e.message}"
}
def ys = Collections.unmodifiableList([1])
echo "unmodifiable: ${ys}"
echo "now add to it:"
ys.add(2)
