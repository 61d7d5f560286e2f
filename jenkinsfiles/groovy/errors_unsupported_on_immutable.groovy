def frozen = [1, 2].asImmutable()
echo "frozen: ${frozen}"
try {
    frozen.add(3)
} catch (UnsupportedOperationException e) {
    echo "caught UnsupportedOperationException"
}
def fixedMap = [a: 1].asImmutable()
fixedMap.b = 2
