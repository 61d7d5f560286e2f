total = 0
def add = { n -> total += n }
add(5)
add(7)
echo "total via closure: ${total}"
def local = 1
def addLocal = { local += 10 }
addLocal()
echo "local via closure: ${local}"
def useInMethod() { total * 2 }
echo "method sees binding total: ${useInMethod()}"
