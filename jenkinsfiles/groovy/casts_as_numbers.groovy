echo "'42' as Integer: ${'42' as Integer}"
echo "'42' as Long: ${('42' as Long).getClass().getSimpleName()}"
echo "'3.7' as Double: ${'3.7' as Double}"
echo "'3.7' as BigDecimal: ${('3.7' as BigDecimal).getClass().getSimpleName()}"
echo "3.7 as int: ${3.7 as int}"
echo "3.7 as Integer: ${3.7 as Integer}"
echo "(int) 3.7: ${(int) 3.7}"
echo "(Integer) 3: ${(Integer) 3}"
echo "-3.7 as int: ${-3.7 as int}"
echo "3.7d as long: ${3.7d as long}"
echo "1e10 as int overflow: ${1e10 as int}"
try {
    true as int
} catch (e) {
    echo "true as int: ${e}"
}
