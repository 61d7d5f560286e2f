def describe(x) {
    switch (x) {
        case 1:
            return 'one'
        case 2:
        case 3:
            return 'two or three'
        case 'a':
            return 'letter a'
        case null:
            return 'null'
        default:
            return "other: ${x}"
    }
}
[1, 2, 3, 'a', null, 4, 1L, 1.0].each { echo "${it} -> ${describe(it)}" }
