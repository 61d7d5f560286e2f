try {
    error 'deployment failed'
} catch (e) {
    echo "caught error step: ${e.message}"
    echo "class: ${e.getClass().name}"
    echo "toString: ${e}"
    echo "is IOException: ${e instanceof IOException}"
}
try {
    error "failed with ${42}"
} catch (hudson.AbortException e) {
    echo "typed catch: ${e.message}"
}
echo 'continuing'
