def bad = 'abc'
echo "isInteger: ${bad.isInteger()}"
try {
    Integer.parseInt(bad)
} catch (NumberFormatException e) {
    echo "parseInt: ${e.message}"
}
try {
    bad.toInteger()
} catch (NumberFormatException e) {
    echo "toInteger: ${e.message}"
}
try {
    new BigDecimal('1.2.3')
} catch (NumberFormatException e) {
    echo "BigDecimal: ${e.getClass().name}"
}
echo "' 42 '.trim().toInteger(): ${' 42 '.trim().toInteger()}"
try {
    Integer.parseInt('12x')
} catch (e) {
    echo "Integer.parseInt('12x'): ${e}"
}
