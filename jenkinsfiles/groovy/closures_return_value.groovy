def implicitLast = { x ->
    def y = x * 2
    y + 1
}
echo "implicit last expression: ${implicitLast(5)}"
def explicit = { x -> return x * 3 }
echo "explicit return: ${explicit(5)}"
def ifLast = { x -> if (x > 0) { 'positive' } else { 'non-positive' } }
echo "if as last statement: ${ifLast(1)} ${ifLast(-1)}"
def assignLast = { x -> def z = x }
echo "declaration as last statement: ${assignLast(7)}"
def empty = { }
echo "empty closure returns: ${empty()}"
def eachLast = { [1, 2].each { } }
echo "each as last: ${eachLast()}"
