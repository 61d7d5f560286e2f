[1e3, 1e-3, 1.0e-10, 1E+5, 2.5e-7, 1000.0, 0.0000001, 12e0, 1e0].each { v ->
    echo "${v} plain=${v.toPlainString()} scale=${v.scale()}"
}
echo "list: ${[1e3, 0.5]}"
echo "1e3 * 1: ${1e3 * 1}"
echo "1e3 + 0: ${1e3 + 0}"
echo "1e3 == 1000: ${1e3 == 1000}"
