def run(Closure c) { c() }
def x = 1
def hits = []
def body = { -> hits << 'body' }
body()
echo "hits: ${hits}"
try {
    def y = x
    { -> hits << 'parsed as argument' }
} catch (MissingMethodException e) {
    echo "a block on the line after an expression is passed to it: ${e.method} on ${e.type.simpleName}"
}
echo "hits after: ${hits}"
