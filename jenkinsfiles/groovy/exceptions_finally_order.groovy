def log = []
def f() {
    try {
        echo 'in try'
        return 'from try'
    } finally {
        echo 'in finally (runs after return expression)'
    }
}
echo "f returned: ${f()}"
try {
    echo 'try'
    throw new RuntimeException('x')
} catch (e) {
    echo "catch ${e.message}"
} finally {
    echo 'finally'
}
echo 'after'
