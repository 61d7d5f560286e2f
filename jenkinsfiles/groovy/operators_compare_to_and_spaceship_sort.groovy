def versions = ['1.2.10', '1.2.9', '1.10.0', '1.9.3']
def cmp = { a, b ->
    def pa = a.tokenize('.')*.toInteger()
    def pb = b.tokenize('.')*.toInteger()
    for (i in 0..<Math.max(pa.size(), pb.size())) {
        def c = (pa[i] ?: 0) <=> (pb[i] ?: 0)
        if (c != 0) return c
    }
    0
}
echo "sorted semver: ${versions.sort(false, cmp)}"
echo "max semver: ${versions.max(cmp)}"
echo "compareTo: ${'1.2'.compareTo('1.10')}"
echo "spaceship chain: ${[[2, 'b'], [1, 'z'], [2, 'a']].sort { x, y -> x[0] <=> y[0] ?: x[1] <=> y[1] }}"
