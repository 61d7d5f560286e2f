def words = ['one', 'three', null]
echo "spread size: ${words*.size()}"
echo "spread toUpperCase: ${words*.toUpperCase()}"
def people = [[name: 'a', age: 3], [name: 'b', age: 5]]
echo "spread property: ${people*.name} ${people*.age}"
echo "spread sum: ${people*.age.sum()}"
def f(a, b, c) { "${a}|${b}|${c}" }
echo "spread args: ${f(*[1, 2, 3])}"
echo "partial spread: ${f(0, *[8, 9])}"
echo "spread list literal: ${[*[1, 2], *[3]]}"
echo "spread map literal: ${[*: [a: 1], b: 2]}"
echo "spread on set: ${([1, 2] as Set)*.plus(10)}"
echo "spread on range: ${(1..3)*.multiply(2)}"
