def n = 0
def ran = []
while (true) {
    ran << n
    n++
    if (!(n < 3)) break
}
echo "emulated do-while: ${ran}"
def attempts = 0
def ok = false
while (!ok) {
    attempts++
    ok = attempts >= 2
}
echo "retry loop attempts: ${attempts}"
