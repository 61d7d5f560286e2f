Integer code = '7'
echo "Integer code = '7' gives the char code: ${code}"
echo "(int) ('7' as char): ${(int) ('7' as char)}"
echo "'7' as Integer parses: ${'7' as Integer}"
echo "'7'.toInteger() parses: ${'7'.toInteger()}"
echo "Integer.parseInt('7'): ${Integer.parseInt('7')}"
