def total = 7
def parts = 2
def each = total / parts
echo "7 / 2 = ${each} (${each.getClass().simpleName}), not 3"
echo "1 / 3 = ${1 / 3}"
echo "use intdiv for integer division: ${total.intdiv(parts)}"
echo "or cast: ${(int) (total / parts)}"
def pages = 10 / 5
echo "even division is still BigDecimal: ${pages} ${pages.getClass().simpleName}"
try {
    echo "index: ${['a', 'b', 'c'][4 / 2]}"
} catch (MissingMethodException e) {
    echo "a BigDecimal is no list index: ${e.message.readLines()[0]}"
}
echo "intdiv index works: ${['a', 'b', 'c'][4.intdiv(2)]}"
