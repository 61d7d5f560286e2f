def minMax(List xs) {
    [xs.min(), xs.max()]
}
def (lo, hi) = minMax([4, 9, 1, 7])
echo "lo=${lo} hi=${hi}"
def (a, b, c) = [1, 2]
echo "missing gets null: a=${a} b=${b} c=${c}"
def (x, y) = [10, 20, 30]
echo "extra is dropped: x=${x} y=${y}"
def stats(List xs) {
    [count: xs.size(), sum: xs.sum()]
}
def s = stats([1, 2, 3])
echo "map result: ${s.count} ${s.sum}"
