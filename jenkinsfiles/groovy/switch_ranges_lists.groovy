def grade(score) {
    switch (score) {
        case 90..100: return 'A'
        case 80..<90: return 'B'
        case [70, 71, 72, 73, 74, 75, 76, 77, 78, 79]: return 'C'
        case { it < 0 }: return 'invalid'
        default: return 'F'
    }
}
[95, 85, 75, 50, -1, 100, 90].each { echo "${it}: ${grade(it)}" }
def inList = 'b'
switch (inList) {
    case ['a', 'b']:
        echo 'b is in [a, b]'
        break
}
