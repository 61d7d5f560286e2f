def greet = { name -> "Hello, ${name}" }
echo greet('Ann')
echo greet.call('Bob')
def noArgs = { -> 'no args' }
echo noArgs()
def implicit = { "it=${it}" }
echo implicit('x')
echo implicit()
def two = { a, b -> a + b }
echo "two: ${two(1, 2)} ${two('a', 'b')}"
echo "maximumNumberOfParameters: ${two.maximumNumberOfParameters} ${implicit.maximumNumberOfParameters} ${noArgs.maximumNumberOfParameters}"
echo "is Closure: ${greet instanceof Closure}"
