def xs = null
echo "safe: ${xs?.getAt(0)}"
echo "size via elvis: ${xs?.size() ?: 0}"
echo "about to index null"
echo "${xs[0]}"
