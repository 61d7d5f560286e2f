def acc = []
(1..3).each { acc << it * it }
echo "each: ${acc}"
echo "collect: ${(1..4).collect { it * 2 }}"
echo "findAll: ${(1..10).findAll { it % 3 == 0 }}"
echo "sum: ${(1..100).sum()}"
echo "inject: ${(1..5).inject(1) { a, b -> a * b }}"
echo "step: ${(0..10).step(5)}"
def stepped = []
(1..10).step(3) { stepped << it }
echo "step closure: ${stepped}"
echo "reverse(): ${(1..4).reverse()}"
echo "for in reverse range:"
for (i in 3..1) {
    echo "  i=${i}"
}
