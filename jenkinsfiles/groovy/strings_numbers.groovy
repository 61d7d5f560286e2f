['42', '-7', '3.14', '1e5', 'abc', '', ' 1', '0x1F', '12L', '9999999999'].each { s ->
    echo "'${s}': isNumber=${s.isNumber()} isInteger=${s.isInteger()} isLong=${s.isLong()} isBigDecimal=${s.isBigDecimal()}"
}
echo "toInteger: ${'42'.toInteger() + 1}"
echo "toLong: ${'9999999999'.toLong() + 1}"
echo "toBigDecimal: ${'3.10'.toBigDecimal()}"
echo "toDouble: ${'3.10'.toDouble()}"
echo "toFloat: ${'2.5'.toFloat()}"
echo "toBigInteger: ${'123456789012345678901'.toBigInteger()}"
