def values = [null, false, 0, 0L, 0.0, 0G, '', [], [:], 'false', '0', ' ', [null], [0]]
values.each { v ->
    def shown = v == null ? 'null' : v.inspect()
    echo "${shown.padRight(8)} is ${v ? 'TRUE' : 'false'}"
}
def noMatch = 'abc' =~ /x/
echo "non-matching matcher is ${noMatch ? 'TRUE' : 'false'}"
echo "a String 'false' parameter is truthy: ${'false' ? 'TRUE' : 'false'}"
