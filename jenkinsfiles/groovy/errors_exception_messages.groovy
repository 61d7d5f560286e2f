def show = { label, Closure c ->
    try {
        c()
    } catch (e) {
        echo "${label} -> ${e}"
    }
}
show('npe method') { null.size() }
show('npe property') { null.name }
show('npe set') { def n = null; n.x = 1 }
show('npe plus') { null + 1 }
show('missing prop') { undefinedVar }
show('div zero') { 1 / 0 }
show('int div zero') { 1.intdiv(0) }
show('bad cast') { 'x' as Integer }
show('illegal arg') { throw new IllegalArgumentException('bad value: 7') }
show('error step') { error 'from error step' }
