def recurse(n) { 1 + recurse(n + 1) }
def depthOk(n) { n == 0 ? 0 : 1 + depthOk(n - 1) }
echo "bounded recursion: ${depthOk(100)}"
echo 'recursing without end'
recurse(0)
