def x = 5
assert x == 5
assert x > 1 : 'x must be big'
assert [1, 2].contains(2)
echo "all asserts passed"
try {
    assert x < 0 : "x was ${x}"
} catch (AssertionError e) {
    echo "caught with message: ${e.message}"
    echo "class: ${e.getClass().name}"
}
try {
    assert x == 6
} catch (AssertionError e) {
    echo "power assert class: ${e.getClass().name}"
}
