def text = 'ERROR x=1; WARN y=22; ERROR z=333'
def m = text =~ /(ERROR|WARN) (\w)=(\d+)/
def n = 0
while (m.find()) {
    n++
    echo "match ${n}: level=${m.group(1)} key=${m.group(2)} value=${m.group(3)}"
}
echo "total: ${n}"
def m2 = java.util.regex.Pattern.compile('\\d+').matcher('a1b23')
def found = []
while (m2.find()) {
    found << m2.group()
}
echo "numbers: ${found}"
