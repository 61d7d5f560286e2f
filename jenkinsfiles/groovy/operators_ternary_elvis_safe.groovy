def user = [name: 'ann', address: null]
echo "safe: ${user.address?.city}"
echo "safe with elvis: ${user.address?.city ?: 'unknown city'}"
echo "ternary: ${user.name ? user.name.capitalize() : 'nobody'}"
echo "elvis with method: ${user.nick ?: user.name.toUpperCase()}"
echo "chain: ${[a: [b: null]].a?.b?.c ?: 'deep default'}"
echo "safe call on string: ${user.name?.size()}"
echo "safe index via getAt: ${null?.getAt(0)}"
echo "elvis chain: ${null ?: false ?: 0 ?: 'last'}"
