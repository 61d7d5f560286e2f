def n = 5
def steps = []
while (n > 0) {
    steps << n
    n -= 2
}
echo "while: ${steps}"
def queue = ['a', 'b', 'c']
while (queue) {
    echo "pop ${queue.remove(0)}, left ${queue.size()}"
}
def tries = 0
while (true) {
    tries++
    if (tries == 3) break
}
echo "tries: ${tries}"
