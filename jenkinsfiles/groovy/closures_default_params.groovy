def f = { a, b = 10 -> "${a}+${b}=${a + b}" }
echo f(1)
echo f(1, 2)
def g = { String s = 'dflt', int n = 2 -> s * n }
echo g()
echo g('ab')
echo g('ab', 3)
echo "params: ${f.maximumNumberOfParameters}"
try {
    f(1, 2, 3)
} catch (MissingMethodException e) {
    echo "wrong arity: ${e.getClass().name}"
}
