def a = 42
def b = 42L
def c = 42G
def d = 42.0
def e = 42d
def f = 42f
[a, b, c, d, e, f].each { v ->
    echo "${v} -> ${v.getClass().getName()}"
}
echo "big literal: ${2147483648.getClass().getName()}"
echo "bigger: ${9223372036854775808.getClass().getName()}"
echo "hex: ${0xFF} octal: ${010} binary: ${0b101}"
echo "underscores: ${1_000_000}"
