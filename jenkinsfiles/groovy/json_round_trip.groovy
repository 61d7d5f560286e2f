import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
def original = [build: [number: 7, stages: ['checkout', 'test'], passed: true]]
def text = JsonOutput.toJson(original)
echo "json: ${text}"
def back = new JsonSlurperClassic().parseText(text)
echo "back.build (sorted): ${back.build.sort()}"
echo "equal: ${back == original}"
back.build.number++
back.build.stages << 'deploy'
echo "modified number: ${back.build.number}"
echo "modified stages: ${JsonOutput.toJson(back.build.stages)}"
echo "original untouched: ${original.build.stages}"
def ordered = new LinkedHashMap(back.build).sort()
echo "re-serialised in key order: ${JsonOutput.toJson(ordered)}"
