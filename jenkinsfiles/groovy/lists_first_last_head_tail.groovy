def xs = [10, 20, 30, 40]
echo "first: ${xs.first()} last: ${xs.last()}"
echo "head: ${xs.head()} tail: ${xs.tail()}"
echo "init: ${xs.init()}"
echo "take(2): ${xs.take(2)} drop(2): ${xs.drop(2)}"
echo "take(10): ${xs.take(10)} drop(10): ${xs.drop(10)}"
echo "takeWhile: ${xs.takeWhile { it < 25 }} dropWhile: ${xs.dropWhile { it < 25 }}"
echo "takeRight: ${xs.takeRight(1)} dropRight: ${xs.dropRight(1)}"
echo "subList(1, 3): ${xs.subList(1, 3)}"
echo "tail of one: ${[1].tail()}"
echo "xs[0]: ${xs[0]} xs[-1]: ${xs[-1]} xs[10]: ${xs[10]}"
try {
    [].first()
} catch (e) {
    echo "first of empty: ${e}"
}
