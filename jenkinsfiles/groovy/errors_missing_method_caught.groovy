def probes = [
    { 'abc'.nope() },
    { [1, 2].bogus(3) },
    { 5.frobnicate('a', null) },
    { [k: 'v'].k.missing() },
]
probes.eachWithIndex { c, i ->
    try {
        c()
    } catch (MissingMethodException e) {
        echo "${i}: ${e.message.readLines()[0]}"
        echo "${i}: method=${e.method} type=${e.type.name} args=${e.arguments.toList()}"
    }
}
