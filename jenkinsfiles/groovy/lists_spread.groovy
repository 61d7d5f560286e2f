def xs = ['alpha', 'beta', null]
echo "spread-dot: ${xs*.toUpperCase()}"
echo "safe spread: ${xs*.size()}"
def maps = [[name: 'a', tags: [1]], [name: 'b', tags: [2, 3]]]
echo "property spread: ${maps*.name}"
echo "nested spread: ${maps*.tags*.size()}"
echo "flatten spread: ${maps*.tags.flatten()}"
def f = { a, b, c -> "${a}-${b}-${c}" }
def args = [1, 2, 3]
echo "spread args: ${f(*args)}"
echo "spread in list literal: ${[0, *args, 4]}"
echo "spread map: ${[a: 1, *: [b: 2, c: 3]]}"
echo "spread on null list: ${null*.size()}"
