def m = [inner: null]
m.other = [:]
m.other.x = 1
echo "m: ${m}"
echo "about to assign m.inner.x"
m.inner.x = 1
