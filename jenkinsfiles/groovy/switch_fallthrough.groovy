def trace(x) {
    def out = []
    switch (x) {
        case 1:
            out << 'one'
        case 2:
            out << 'two'
            break
        case 3:
            out << 'three'
        default:
            out << 'default'
    }
    out
}
(1..4).each { echo "${it}: ${trace(it)}" }
def y = 'z'
switch (y) {
    default:
        echo 'default first'
    case 'a':
        echo 'then a (fall-through)'
}
