def vals = [null, false, true, 0, 1, -1, 0.0, 0.1, 0L, 0d, '', ' ', 'false', '0', [], [0], [:], [a: null], 0G]
vals.each { v ->
    echo "${v == null ? 'null' : v.inspect()} -> ${v ? 'truthy' : 'falsy'}"
}
def m1 = 'abc' =~ /x/
def m2 = 'abc' =~ /b/
echo "non-matching matcher: ${m1 ? 'truthy' : 'falsy'}"
echo "matching matcher: ${m2 ? 'truthy' : 'falsy'}"
echo "char 0: ${((char) 0) ? 'truthy' : 'falsy'}"
echo "!!'x': ${!!'x'}"
echo "as boolean: ${'' as boolean} ${[1] as boolean}"
