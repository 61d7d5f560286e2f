def n = null
echo "null + string: ${n + 'x'}"
echo "string + null: ${'x' + n}"
echo "null == false: ${n == false}"
echo "null ?: 0: ${n ?: 0}"
echo "null?.toString(): ${n?.toString()}"
echo "[n].size(): ${[n].size()}"
echo "null in if: ${n ? 'yes' : 'no'}"
echo "null compared: ${n < 0} ${n > 0}"
try {
    n + 1
} catch (e) {
    echo "null + 1: ${e}"
}
