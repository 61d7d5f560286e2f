def xs = ['a', 'b', 'c', 'd', 'e']
echo "xs[1..3]: ${xs[1..3]}"
echo "xs[1..<3]: ${xs[1..<3]}"
echo "xs[-2..-1]: ${xs[-2..-1]}"
echo "xs[-1..0]: ${xs[-1..0]}"
echo "xs[3..1]: ${xs[3..1]}"
echo "xs[0, 2, 4]: ${xs[0, 2, 4]}"
echo "xs[0..1, 3]: ${xs[0..1, 3]}"
echo "xs.getAt(2): ${xs.getAt(2)}"
echo "xs[2..<2]: ${xs[2..<2]}"
echo "xs[-5]: ${xs[-5]}"
try {
    xs[3..7]
} catch (e) {
    echo "out of range slice: ${e}"
}
