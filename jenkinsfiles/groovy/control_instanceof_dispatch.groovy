def describe(x) {
    if (x instanceof String) return "String(${x.size()})"
    if (x instanceof Integer) return "Integer(${x})"
    if (x instanceof Number) return "Number(${x})"
    if (x instanceof List) return "List(${x.size()})"
    if (x instanceof Map) return "Map(${x.keySet()})"
    if (x instanceof Closure) return 'Closure'
    if (x == null) return 'null'
    return "other ${x.getClass().getSimpleName()}"
}
['s', 1, 2.5, 3L, [1], [k: 1], { -> }, null, true, "g${1}"].each { echo describe(it) }
echo "GString instanceof String: ${"g${1}" instanceof String}"
echo "null instanceof Object: ${null instanceof Object}"
echo "!instanceof style: ${!(5 instanceof String)}"
