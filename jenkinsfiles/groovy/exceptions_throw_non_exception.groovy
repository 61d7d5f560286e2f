try {
    throw new RuntimeException("code ${404}")
} catch (e) {
    echo "GString message: ${e.message} ${e.message.getClass().getSimpleName()}"
}
def e2 = new IllegalArgumentException('stored')
try {
    throw e2
} catch (IllegalArgumentException e) {
    echo "same object: ${e.is(e2)}"
}
def err = null
try {
    [1, 2, 3].each { if (it == 2) throw new RuntimeException("stop at ${it}") }
} catch (RuntimeException e) {
    err = e.message
}
echo "break out of each with exception: ${err}"
