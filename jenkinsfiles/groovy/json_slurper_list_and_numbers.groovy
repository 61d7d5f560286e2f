import groovy.json.JsonSlurperClassic
def slurper = new JsonSlurperClassic()
def list = slurper.parseText('[1, 2.0, -3, 1e2, 1.5E-3, "s", true, null, [], {}]')
list.each { v ->
    echo "${v} -> ${v == null ? 'null' : v.getClass().getSimpleName()}"
}
def nums = slurper.parseText('{"a": 10, "b": 2.50}')
echo "sum: ${nums.a + nums.b}"
echo "division: ${nums.a / 4}"
