def x = 1
def block = { ->
    def x2 = 2
    echo "inside closure block: ${x} ${x2}"
}
block()
if (true) {
    def inner = 'scoped'
    echo "inner: ${inner}"
}
for (int i = 0; i < 1; i++) {
    def loopVar = i
    echo "loopVar: ${loopVar}"
}
def inner = 'outer declaration after the if block is allowed'
echo inner
echo "outer x still: ${x}"
