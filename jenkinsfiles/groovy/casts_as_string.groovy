echo "5 as String: ${5 as String}"
echo "[1, 2] as String: ${[1, 2] as String}"
echo "[a: 1] as String: ${[a: 1] as String}"
echo "null as String: ${null as String}"
echo "1.50 as String: ${1.50 as String}"
echo "(String) 5 next:"
try {
    String s = (String) 5
    echo "cast result: ${s}"
} catch (e) {
    echo "cast failed: ${e.getClass().simpleName}"
}
String assigned = 7
echo "assigning int to String variable: ${assigned} ${assigned.getClass().getSimpleName()}"
String fromList = [1]
echo "assigning list to String variable: ${fromList}"
