def xs = []
echo "empty: ${xs} isEmpty: ${xs.isEmpty()} size: ${xs.size()}"
echo "xs[0] on empty: ${xs[0]}"
echo "xs[-1] on empty next:"
echo "${xs[-1]}"
