def local = 5
def useLocal() {
    return local
}
echo "local at top level: ${local}"
echo "calling a method that reads a def-declared script variable:"
useLocal()
