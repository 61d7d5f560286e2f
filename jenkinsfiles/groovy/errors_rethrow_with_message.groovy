try {
    Integer.parseInt('abc')
} catch (NumberFormatException e) {
    echo "caught ${e.message}, rethrowing wrapped"
    throw new RuntimeException("could not parse version: ${e.message}", e)
}
