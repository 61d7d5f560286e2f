def fact
fact = { n -> n <= 1 ? 1 : n * fact(n - 1) }
echo "5! = ${fact(5)}"
echo "20! = ${fact(20)}"
echo "25! = ${fact(25G)}"
def fib
fib = { n -> n < 2 ? n : fib(n - 1) + fib(n - 2) }
echo "fib: ${(0..10).collect { fib(it) }}"
def flatten
flatten = { x -> x instanceof List ? x.collectMany { flatten(it) } : [x] }
echo "flatten: ${flatten([1, [2, [3, [4]]]])}"
def tramp
tramp = { n, acc = 0 -> n == 0 ? acc : tramp.trampoline(n - 1, acc + n) }.trampoline()
echo "trampoline sum: ${tramp(1000)}"
