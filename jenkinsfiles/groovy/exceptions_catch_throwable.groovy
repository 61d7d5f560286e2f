def deep(n) { deep(n + 1) }
try {
    deep(0)
} catch (StackOverflowError e) {
    echo "caught StackOverflowError"
}
try {
    throw new Error('custom error')
} catch (Throwable t) {
    echo "Throwable catch: ${t}"
}
try {
    assert false
} catch (Throwable t) {
    echo "assert false is an Error: ${t instanceof Error}"
}
try {
    throw new Exception('checked')
} catch (Exception e) {
    echo "checked exception from Groovy: ${e.message}"
}
