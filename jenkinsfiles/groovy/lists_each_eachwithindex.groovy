def xs = ['a', 'b', 'c']
xs.each { echo "each: ${it}" }
xs.each { x -> echo "named: ${x}" }
xs.eachWithIndex { x, i -> echo "eachWithIndex: ${i}=${x}" }
def r = xs.each { }
echo "each returns receiver: ${r.is(xs)}"
[[1, 2], [3, 4]].each { a, b -> echo "destructured pair: ${a}+${b}=${a + b}" }
[].each { echo "never" }
echo "done"
