echo "Math.max(1, 2L): ${Math.max(1, 2L)} ${Math.max(1, 2L).getClass().getSimpleName()}"
echo "Math.min(-1, 0): ${Math.min(-1, 0)}"
echo "Math.abs(-2.5): ${Math.abs(-2.5)}"
echo "Math.pow(2, 0.5): ${Math.pow(2, 0.5)}"
echo "Math.sqrt(144): ${Math.sqrt(144)}"
echo "Math.floor(-1.5): ${Math.floor(-1.5)} Math.ceil(-1.5): ${Math.ceil(-1.5)}"
echo "Math.round(-1.5): ${Math.round(-1.5)} Math.round(1.5): ${Math.round(1.5)}"
echo "Math.round(2.5f): ${Math.round(2.5f)} ${Math.round(2.5f).getClass().getSimpleName()}"
echo "Math.E: ${Math.E}"
echo "Math.toIntExact ok: ${Math.toIntExact(5L)}"
try {
    Math.addExact(Integer.MAX_VALUE, 1)
} catch (e) {
    echo "Math.addExact overflow: ${e}"
}
