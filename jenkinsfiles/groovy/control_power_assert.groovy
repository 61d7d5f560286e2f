def items = ['a', 'b']
def expected = 3
echo "checking the item count"
assert items.size() == 2
echo "first check passed"
assert items.size() == expected
