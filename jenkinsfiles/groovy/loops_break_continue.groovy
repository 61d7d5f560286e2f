def out = []
for (i in 1..10) {
    if (i % 2 == 0) continue
    if (i > 7) break
    out << i
}
echo "odd up to 7: ${out}"
def j = 0
def evens = []
while (j < 10) {
    j++
    if (j % 2) {
        continue
    }
    evens << j
}
echo "evens: ${evens}"
