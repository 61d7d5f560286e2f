def stack = [1, 2, 3]
stack.push(4)
echo "after push(4): ${stack}"
def p = stack.pop()
echo "pop returned: ${p} list: ${stack}"
echo "last: ${stack.last()}"
def q = []
q.push('a')
q.push('b')
echo "push onto empty: ${q}"
echo "pop: ${q.pop()} then ${q}"
echo "remove(size - 1): ${q.remove(q.size() - 1)} then ${q}"
try {
    [].pop()
} catch (e) {
    echo "pop empty: ${e}"
}
