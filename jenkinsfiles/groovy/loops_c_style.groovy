for (int i = 0; i < 3; i++) {
    echo "i=${i}"
}
def j = 0
for (int i = 10; i > j; i -= 4) {
    echo "i=${i} j=${j}"
    j++
}
def k = 0
for (; k < 2;) {
    echo "k=${k}"
    k++
}
echo "k after: ${k}"
for (def x = 1; x < 100; x *= 3) {
    echo "x=${x}"
}
def last
for (int i = 0; i < 5; i++) {
    last = i
}
echo "last i: ${last}"
