def bd = 0.1 + 0.2
def d = 0.1d + 0.2d
echo "BigDecimal: ${bd} ${bd == 0.3}"
echo "double: ${d} ${d == 0.3d}"
echo "mixed: ${0.1 + 0.2d} ${(0.1 + 0.2d).getClass().getSimpleName()}"
echo "BigDecimal to double: ${(1 / 3).doubleValue()}"
echo "double to BigDecimal: ${new BigDecimal(0.1d).toString().take(20)}"
echo "BigDecimal.valueOf: ${BigDecimal.valueOf(0.1d)}"
echo "1.0 == 1.0d: ${1.0 == 1.0d}"
echo "Math.sqrt(2.25): ${Math.sqrt(2.25)}"
