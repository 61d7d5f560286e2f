def m = [a: 1, b: 2, c: 3]
m.each { entry -> echo "entry: ${entry.key}=${entry.value}" }
m.each { k, v -> echo "k,v: ${k} -> ${v}" }
m.each { echo "it: ${it}" }
m.eachWithIndex { entry, i -> echo "eachWithIndex entry: ${i} ${entry.key}" }
m.eachWithIndex { k, v, i -> echo "eachWithIndex k,v,i: ${i} ${k}=${v}" }
for (e in m) {
    echo "for-in: ${e.key}:${e.value} (${e.getClass().getSimpleName().contains('Entry')})"
}
