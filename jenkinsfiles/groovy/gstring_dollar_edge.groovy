def price = 5
echo "price: \$${price}"
echo 'single: $price'
echo "escaped brace: \${price}"
def map = [a: [b: 'deep']]
echo "path: $map.a.b"
echo "method after path needs braces: ${map.a.b.length()}"
def file = 'x'
echo "dot after var: $file.txt" 
