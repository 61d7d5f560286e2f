def tryCast(label, Closure c) {
    try {
        echo "${label}: ${c()}"
    } catch (e) {
        echo "${label}: ${e.getClass().name}: ${e.message}"
    }
}
tryCast('abc as Integer') { 'abc' as Integer }
tryCast('[1] as Integer') { [1] as Integer }
tryCast('(Integer) "5"') { (Integer) '5' }
tryCast('(Map) [1]') { (Map) [1] }
tryCast('int x = null') { int x = null; x }
tryCast('Integer x = "7"') { Integer x = '7'; x }
