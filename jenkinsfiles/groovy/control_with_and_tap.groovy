def m = [a: 1, b: 2]
def r = m.with { a + b }
echo "with: ${r}"
def sb = new StringBuilder()
sb.with {
    append('x')
    append('y')
}
echo "with on builder: ${sb}"
echo "identity: ${[1, 2].identity { it.size() }}"
echo "tap-like via each: ${[3].each { it }}"
