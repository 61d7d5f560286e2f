def a = 1.0
echo "BigDecimal divide (Java method) works when exact: ${a.divide(4)}"
echo "the / operator never fails: ${a / 3}"
echo "now the Java method with 3:"
echo "${a.divide(3)}"
