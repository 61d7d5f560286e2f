def bump(String version, String part) {
    def (maj, min, pat) = version.tokenize('.').collect { it.toInteger() }
    switch (part) {
        case 'major': return "${maj + 1}.0.0"
        case 'minor': return "${maj}.${min + 1}.0"
        case 'patch': return "${maj}.${min}.${pat + 1}"
        default: error "unknown part: ${part}"
    }
}
echo bump('1.9.9', 'patch')
echo bump('1.9.9', 'minor')
echo bump('1.9.9', 'major')
def tags = ['v1.2.0', 'v1.10.0', 'v1.9.3', 'not-a-tag']
def latest = tags.findAll { it ==~ /v\d+\.\d+\.\d+/ }.collect { it.substring(1) }.max { a, b ->
    [a, b]*.tokenize('.').transpose().collect { x, y -> x.toInteger() <=> y.toInteger() }.find { it != 0 } ?: 0
}
echo "latest tag: ${latest}"
echo bump(latest, 'build')
