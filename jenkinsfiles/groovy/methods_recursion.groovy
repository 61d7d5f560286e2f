def fact(n) {
    n <= 1 ? 1G : n * fact(n - 1)
}
echo "fact(25) = ${fact(25)}"
int fib(int n) {
    if (n < 2) {
        return n
    }
    return fib(n - 1) + fib(n - 2)
}
echo "fib(20) = ${fib(20)}"
def depth(x) {
    x instanceof Map ? 1 + (x.values().collect { depth(it) }.max() ?: 0) : 0
}
echo "depth = ${depth([a: [b: [c: 1]], d: 2])}"
def hanoi(int n, String from, String to, String via, List moves) {
    if (n == 0) return
    hanoi(n - 1, from, via, to, moves)
    moves << "${from}->${to}"
    hanoi(n - 1, via, to, from, moves)
}
def moves = []
hanoi(3, 'A', 'C', 'B', moves)
echo "hanoi: ${moves.size()} moves, first ${moves.take(3)}"
