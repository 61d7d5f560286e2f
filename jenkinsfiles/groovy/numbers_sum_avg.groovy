def xs = [4, 8, 15, 16, 23, 42]
def total = xs.sum()
echo "sum: ${total}"
def avg = total / xs.size()
echo "avg: ${avg} ${avg.getClass().getSimpleName()}"
echo "avg rounded: ${avg.setScale(1, java.math.RoundingMode.HALF_UP)}"
def doubles = [0.5d, 0.25d]
echo "double sum: ${doubles.sum()}"
echo "double avg: ${doubles.sum() / doubles.size()}"
def pct = 3 * 100 / 7
echo "pct: ${pct}"
echo "pct int: ${(int) pct}"
echo "pct 2dp: ${String.format('%.2f', pct)}"
