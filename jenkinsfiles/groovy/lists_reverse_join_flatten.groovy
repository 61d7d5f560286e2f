def xs = [1, 2, 3]
echo "reverse: ${xs.reverse()} receiver: ${xs}"
echo "reverse(true) mutates: ${xs.reverse(true)} receiver: ${xs}"
echo "join: ${['a', 'b'].join('/')}"
echo "flatten: ${[1, [2, [3, [4]]], []].flatten()}"
echo "flatten with nulls: ${[null, [null, 1]].flatten()}"
echo "flatten of maps: ${[[a: 1], [[b: 2]]].flatten()}"
echo "reverse of empty: ${[].reverse()}"
