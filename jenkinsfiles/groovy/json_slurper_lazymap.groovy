import groovy.json.JsonSlurper
def parsed = new JsonSlurper().parseText('{"b": 1, "a": [1, 2], "c": {"d": "e"}}')
echo "JsonSlurper keys: ${parsed.keySet().sort()}"
echo "JsonSlurper a: ${parsed.a} c.d: ${parsed.c.d}"
echo "JsonSlurper map class: ${parsed.getClass().getSimpleName()}"
echo "JsonSlurper number class: ${parsed.b.getClass().getSimpleName()}"
echo "JsonSlurper decimals: ${new JsonSlurper().parseText('[1.10]')[0]} ${new JsonSlurper().parseText('[1.10]')[0].getClass().getSimpleName()}"
