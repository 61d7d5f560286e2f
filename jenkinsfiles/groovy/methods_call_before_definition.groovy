echo "calling a method defined later: ${later(2)}"
def later(n) {
    "later got ${n * 10}"
}
def value = 'variable'
def value() { 'method' }
echo "value: ${value}"
try {
    echo "value(): ${value()}"
} catch (MissingMethodException e) {
    echo "value() calls the local variable: method=${e.method} type=${e.type.name}"
}
echo "this.value(): ${this.value()}"
