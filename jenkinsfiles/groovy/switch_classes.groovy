def typeOf(x) {
    switch (x) {
        case String: return 'String'
        case Integer: return 'Integer'
        case Number: return 'some Number'
        case List: return 'List'
        case Map: return 'Map'
        case Closure: return 'Closure'
        default: return 'unknown'
    }
}
['s', 5, 5L, 1.5, [], [:], { }, null, "g${1}"].each { echo "${it instanceof Closure ? 'closure' : it} -> ${typeOf(it)}" }
