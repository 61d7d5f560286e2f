def name = 'world'
def n = 3
echo "Hello, ${name}!"
echo "Hello, $name!"
echo "expr: ${n * 2} ${n > 2 ? 'big' : 'small'}"
echo "method: ${name.toUpperCase()}"
def m = [user: [name: 'bob']]
echo "nested property: $m.user.name"
echo "braces needed for calls: ${m.user.name.capitalize()}"
echo "dollar at end: cost \$"
echo "empty expr: ${}"
echo "list: ${[1, 2]} map: ${[a: 1]}"
