def joinAll(String... parts) {
    "${parts.length}: ${parts.join('-')}"
}
echo joinAll('a')
echo joinAll('a', 'b', 'c')
echo joinAll()
def sum(int first, int... rest) {
    first + (rest ? rest.sum() : 0)
}
echo "sum(1): ${sum(1)} sum(1,2,3): ${sum(1, 2, 3)}"
def objs(Object[] xs) { xs.length }
echo "Object[] varargs: ${objs(1, 'a', null)}"
echo "array passed: ${joinAll(['x', 'y'] as String[])}"
echo "list spread: ${joinAll(*['p', 'q'])}"
