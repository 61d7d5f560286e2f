def inner() {
    try {
        throw new IllegalStateException('inner problem')
    } catch (IllegalStateException e) {
        echo "inner caught: ${e.message}"
        throw e
    }
}
try {
    inner()
} catch (e) {
    echo "outer caught the same: ${e.message}"
}
try {
    try {
        throw new IOException('low level')
    } catch (IOException e) {
        throw new RuntimeException('wrapped', e)
    }
} catch (RuntimeException e) {
    echo "wrapped: ${e.message}, cause: ${e.cause.getClass().name}: ${e.cause.message}"
}
