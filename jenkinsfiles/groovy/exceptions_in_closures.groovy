def results = [1, 0, 2].collect { n ->
    try {
        10 / n
    } catch (ArithmeticException e) {
        "div by zero (${e.message})"
    }
}
echo "results: ${results}"
def failures = []
['a', '1', 'b'].each { s ->
    try {
        s.toInteger()
    } catch (NumberFormatException e) {
        failures << s
    }
}
echo "failures: ${failures}"
def safe = { c -> try { c() } catch (e) { "failed: ${e.message}" } }
echo safe { throw new RuntimeException('inside') }
