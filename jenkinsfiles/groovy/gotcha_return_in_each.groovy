def findFirstEven(list) {
    list.each { n ->
        if (n % 2 == 0) {
            return n
        }
    }
    return 'none (return only left the closure)'
}
echo "each: ${findFirstEven([1, 2, 3])}"
def findFirstEvenFor(list) {
    for (n in list) {
        if (n % 2 == 0) {
            return n
        }
    }
    return 'none'
}
echo "for: ${findFirstEvenFor([1, 2, 3])}"
echo "find: ${[1, 2, 3].find { it % 2 == 0 }}"
