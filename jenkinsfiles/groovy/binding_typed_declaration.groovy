String s = 'typed local'
int n = 3
def readTyped() {
    s
}
echo "top: ${s} ${n}"
echo "typed locals are also invisible to methods:"
readTyped()
