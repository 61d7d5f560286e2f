def g() {
    try {
        return 'try value'
    } finally {
        echo 'finally ran'
    }
}
echo "g: ${g()}"
def h() {
    def x = 1
    try {
        return x
    } finally {
        x = 2
    }
}
echo "h returns value computed before finally: ${h()}"
def k() {
    try {
        throw new RuntimeException('lost')
    } finally {
        return 'finally return swallows the exception'
    }
}
echo "k: ${k()}"
