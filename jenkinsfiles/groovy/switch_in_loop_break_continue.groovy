def out = []
for (i in 1..6) {
    switch (i) {
        case 2:
            continue
        case 5:
            break
        default:
            out << i
    }
    out << "after-${i}"
}
echo "out: ${out}"
