def samples = [
    { Integer.parseInt('x1') },
    { [1, 2].get(5) },
    { [:].a.b },
    { 'abc'.substring(10) },
    { throw new Exception() },
    { throw new Exception('plain') },
    { 1 / 0 },
]
samples.eachWithIndex { c, i ->
    try {
        c()
    } catch (e) {
        echo "${i}: ${e.getClass().name} | ${e.message}"
    }
}
