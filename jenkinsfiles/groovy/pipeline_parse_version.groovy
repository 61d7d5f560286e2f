def versions = ['1.2.3', 'v2.0.0-rc.1', '10.4', 'release-3.1.4+build.5', 'garbage']
versions.each { v ->
    def m = v =~ /(\d+)\.(\d+)(?:\.(\d+))?(?:-([\w.]+))?/
    if (m.find()) {
        def major = m.group(1) as int
        def minor = m.group(2) as int
        def patch = (m.group(3) ?: '0') as int
        def pre = m.group(4)
        def bumped = "${major}.${minor + 1}.0"
        echo "${v}: major=${major} minor=${minor} patch=${patch} pre=${pre} next-minor=${bumped}"
    } else {
        echo "${v}: not a version"
    }
}
