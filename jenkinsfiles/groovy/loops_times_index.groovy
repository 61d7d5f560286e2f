def out = []
3.times { i -> out << "step${i}" }
echo "times: ${out}"
def sum = 0
10.times { sum += it }
echo "sum 0..9: ${sum}"
def table = (1..3).collect { r -> (1..3).collect { c -> r * c } }
echo "table: ${table}"
for (i in (1..10).step(4)) {
    echo "stepped: ${i}"
}
