counter = 0
def local = 10
def bump() {
    counter++
    return counter
}
echo "bump: ${bump()} ${bump()}"
echo "counter (binding): ${counter}"
def readLocal() {
    try {
        return local
    } catch (MissingPropertyException e) {
        return "MissingPropertyException: ${e.message}"
    }
}
echo "def local from a method: ${readLocal()}"
