def s = 'abc'
echo "toList: ${s.toList()}"
echo "toList class: ${s.toList()[0].getClass().getSimpleName()}"
echo "toSet size: ${'aabbc'.toSet().size()}"
echo "toCharArray: ${s.toCharArray()} size ${s.toCharArray().length}"
echo "chars: ${s.chars}"
def out = []
s.each { c -> out << c.toUpperCase() }
echo "each: ${out}"
echo "collect: ${s.collect { it * 2 }}"
echo "findAll: ${'a1b2'.findAll { it.isNumber() }}"
echo "any: ${s.any { it == 'b' }} every: ${s.every { it < 'd' }}"
echo "eachWithIndex:"
'xy'.eachWithIndex { c, i -> echo "  ${i}=${c}" }
echo "join chars: ${s.toList().reverse().join('-')}"
