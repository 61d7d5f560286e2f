def m = 'abc' =~ /z/
if (m) {
    echo "never"
} else {
    echo "no match is falsy"
}
def m2 = 'abc' =~ /b/
echo "match is truthy: ${m2 as boolean}"
echo "asBoolean twice: ${m2.asBoolean()} ${m2.asBoolean()}"
def version = 'v2.3'
def vm = version =~ /v(\d+)\.(\d+)/
echo vm ? "major=${vm[0][1]} minor=${vm[0][2]}" : 'no version'
