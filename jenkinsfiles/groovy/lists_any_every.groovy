def xs = [2, 4, 6]
echo "any even: ${xs.any { it % 2 == 0 }}"
echo "any odd: ${xs.any { it % 2 == 1 }}"
echo "every even: ${xs.every { it % 2 == 0 }}"
echo "every > 2: ${xs.every { it > 2 }}"
echo "empty any: ${[].any { true }} empty every: ${[].every { false }}"
echo "any no closure: ${[0, null, ''].any()} ${[0, 1].any()}"
echo "every no closure: ${[1, 'a'].every()} ${[1, 0].every()}"
echo "any with truthy strings: ${['', 'x'].any { it }}"
