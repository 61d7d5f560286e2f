def expected = [a: 1]
def actual = [:]
actual.a = 2
echo "expected: ${expected} actual: ${actual}"
echo 'comparing maps'
assert actual == expected
