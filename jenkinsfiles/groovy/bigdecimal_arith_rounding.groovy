def a = 10.0
def b = 3
echo "a / b: ${a / b}"
echo "a.divide(b, 2, HALF_UP): ${a.divide(b, 2, java.math.RoundingMode.HALF_UP)}"
echo "a.remainder(3.0): ${a.remainder(3.0)}"
echo "a * b: ${a * b}"
echo "a ** 2: ${a ** 2}"
echo "(a / b) * b: ${(a / b) * b}"
try {
    echo "2.5.round(): ${2.5.round()}"
} catch (NullPointerException e) {
    echo "2.5.round() calls BigDecimal.round(MathContext) with null: ${e.getClass().name}"
}
echo "Math.round(2.5): ${Math.round(2.5)}"
echo "abs: ${(-2.75).abs()}"
