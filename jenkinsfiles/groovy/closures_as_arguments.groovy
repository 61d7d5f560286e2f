def applyTwice(f, x) { f(f(x)) }
echo "applyTwice: ${applyTwice({ it * 3 }, 2)}"
def withRetry(int times, Closure body) {
    def attempt = 0
    while (true) {
        attempt++
        try {
            return body(attempt)
        } catch (e) {
            echo "attempt ${attempt} failed: ${e.message}"
            if (attempt >= times) { throw e }
        }
    }
}
def result = withRetry(3) { n ->
    if (n < 3) { throw new IllegalStateException("not yet ${n}") }
    "succeeded on ${n}"
}
echo result
def trailing(a, Closure c) { "${a}:${c()}" }
echo trailing('x') { 'from trailing closure' }
