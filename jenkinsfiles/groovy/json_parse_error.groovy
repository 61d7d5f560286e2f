import groovy.json.JsonSlurperClassic
def slurper = new JsonSlurperClassic()
try {
    slurper.parseText('{"a": }')
} catch (e) {
    echo "caught: ${e.getClass().name}"
}
def ok = slurper.parseText('  {"a" : [ 1 , 2 ] }  ')
echo "whitespace is fine: ${ok}"
echo "strings with escapes: ${slurper.parseText('["a\\"b", "\\u00e9", "x\\ny"]')}"
