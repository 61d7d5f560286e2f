def xs = [1, 2, 3]
echo "xs[5] reads null: ${xs[5]}"
echo "xs[-1] reads the last: ${xs[-1]}"
echo "xs.get(2): ${xs.get(2)}"
echo "xs.get(5) throws:"
xs.get(5)
