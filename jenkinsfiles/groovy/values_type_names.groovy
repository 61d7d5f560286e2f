def vals = [1, 1L, 1G, 1.0, 1d, 1f, 'a', "${1}", [1], [a: 1], [1] as Set, 1..2, { -> }, true, null, 'x' as char]
vals.each { v ->
    def name = v == null ? 'null' : v.getClass().simpleName
    if (v instanceof Closure) {
        name = 'a closure'
    }
    echo "${name}"
}
