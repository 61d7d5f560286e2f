def found = null
[1, 2, 3, 4].each { x ->
    if (x == 2) {
        return
    }
    echo "each body runs for ${x}"
    if (x == 3 && found == null) {
        found = x
    }
}
echo "found: ${found}"
def r = [1, 2, 3].collect { x ->
    if (x == 2) {
        return 'two'
    }
    x * 10
}
echo "return in collect: ${r}"
def firstEven = [1, 3, 4, 6].find { it % 2 == 0 }
echo "use find to stop early: ${firstEven}"
