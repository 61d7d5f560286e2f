echo "Objects.equals: ${Objects.equals(null, null)} ${Objects.equals('a', 'a')}"
echo "Objects.toString: ${Objects.toString(null, 'dflt')}"
echo "Objects.isNull: ${Objects.isNull(null)}"
echo "Objects.requireNonNull ok: ${Objects.requireNonNull('x')}"
echo "Character.isWhitespace: ${Character.isWhitespace(' ' as char)}"
echo "Character.toChars: ${Character.toChars(65)}"
echo "Boolean.logicalXor: ${Boolean.logicalXor(true, false)}"
echo "System.lineSeparator size: ${System.lineSeparator().size()}"
try {
    Objects.requireNonNull(null, 'value must not be null')
} catch (e) {
    echo "Objects.requireNonNull(null): ${e}"
}
