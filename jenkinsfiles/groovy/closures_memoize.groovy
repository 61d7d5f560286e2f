def calls = 0
def slowSquare = { n -> calls++; n * n }
def fast = slowSquare.memoize()
echo "fast(4): ${fast(4)} ${fast(4)} ${fast(5)}"
echo "underlying calls: ${calls}"
def fib
fib = { n -> n < 2 ? n : fib(n - 1) + fib(n - 2) }.memoize()
echo "fib(60): ${fib(60)}"
