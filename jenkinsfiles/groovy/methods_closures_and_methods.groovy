def twice(Closure c) { c(); c() }
def hits = 0
twice { hits++ }
echo "hits: ${hits}"
def mapValues(Map m, Closure f) { m.collectEntries { k, v -> [(k): f(v)] } }
echo "mapValues: ${mapValues([a: 1, b: 2]) { it * 100 }}"
def compose(f, g) { return { x -> g(f(x)) } }
def inc = { it + 1 }
def sq = { it * it }
echo "compose: ${compose(inc, sq)(3)}"
def makeAdder(n) { { x -> x + n } }
echo "makeAdder: ${makeAdder(10)(5)}"
