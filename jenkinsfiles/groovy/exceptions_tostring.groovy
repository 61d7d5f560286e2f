try {
    throw new IllegalArgumentException('shown via toString')
} catch (e) {
    echo "toString: ${e.toString()}"
    echo "interpolated: ${e}"
    echo "message: ${e.getMessage()}"
    echo "localizedMessage: ${e.localizedMessage}"
    echo "simple name: ${e.class.simpleName}"
    echo "is Exception: ${e instanceof Exception}"
}
def noMsg = new IllegalStateException()
echo "no message toString: ${noMsg}"
echo "cause toString: ${new RuntimeException(new IOException('root'))}"
