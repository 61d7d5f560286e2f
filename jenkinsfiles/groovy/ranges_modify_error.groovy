def r = 1..3
echo "range: ${r}"
echo "range + list: ${r + [4]}"
echo "range is immutable, adding next:"
r << 4
