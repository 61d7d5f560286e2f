def closures = []
for (i in 1..3) {
    closures << { -> "for-in i=${i}" }
}
closures.each { echo it() }
def fromEach = []
(1..3).each { i ->
    fromEach << { -> "each i=${i}" }
}
fromEach.each { echo it() }
def cStyle = []
for (int i = 0; i < 3; i++) {
    cStyle << { -> "c-style i=${i}" }
}
cStyle.each { echo it() }
