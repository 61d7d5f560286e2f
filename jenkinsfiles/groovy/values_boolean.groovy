def t = true
def f = false
echo "t=${t} f=${f}"
echo "class: ${t.getClass().getName()}"
echo "t && f: ${t && f}, t || f: ${t || f}, !t: ${!t}"
echo "t ^ f: ${t ^ f}"
echo "t & f: ${t & f}, t | f: ${t | f}"
echo "Boolean.TRUE: ${Boolean.TRUE}"
echo "compare: ${true.compareTo(false)} ${false <=> true}"
echo "parse: ${Boolean.parseBoolean('TRUE')} ${Boolean.parseBoolean('yes')}"
echo "toString: " + true.toString()
echo "[true, false]: ${[true, false]}"
