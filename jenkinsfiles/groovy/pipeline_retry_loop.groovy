def attempts = 0
def maxAttempts = 4
def flaky = { n -> if (n < 3) { throw new IOException("connection reset (attempt ${n})") }; "deployed on attempt ${n}" }
def result = null
while (attempts < maxAttempts && result == null) {
    attempts++
    try {
        result = flaky(attempts)
    } catch (IOException e) {
        echo "retrying after: ${e.message}"
    }
}
echo result ?: 'gave up'
echo "attempts used: ${attempts}"
