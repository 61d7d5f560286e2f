def s = new TreeSet([30, 10, 20])
s.each { echo "each: ${it}" }
s.eachWithIndex { v, i -> echo "eachWithIndex: ${i}:${v}" }
echo "first: ${s.first()} last: ${s.last()}"
echo "collect: ${s.collect { it / 10 }}"
echo "sum: ${s.sum()} max: ${s.max()}"
echo "join: ${s.join('|')}"
echo "toList: ${s.toList()}"
echo "getAt on a set (iterates):"
echo "${s[0]}"
