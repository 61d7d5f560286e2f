def s = 'abcdefgh'
echo "substring(3): ${s.substring(3)}"
echo "substring(2, 5): ${s.substring(2, 5)}"
echo "substring(0, 0): [${s.substring(0, 0)}]"
echo "take(3): ${s.take(3)} take(100): ${s.take(100)}"
echo "drop(3): ${s.drop(3)} drop(100): [${s.drop(100)}]"
echo "getAt(0): ${s[0]} getAt(-1): ${s[-1]} getAt(-2): ${s[-2]}"
echo "range: ${s[1..3]} ${s[-3..-1]} ${s[1..<3]}"
echo "reverse range: ${s[3..1]}"
echo "list of indices: ${s[0, 2, 4]}"
echo "charAt(4): ${s.charAt(4)}"
try {
    s.substring(5, 20)
} catch (e) {
    echo "substring out of range: ${e}"
}
