def level3() { throw new IllegalStateException('deep failure at level 3') }
def level2() { level3() }
def level1() {
    try {
        level2()
    } finally {
        echo 'level1 finally'
    }
}
echo 'start'
level1()
