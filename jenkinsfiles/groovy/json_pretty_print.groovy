import groovy.json.JsonOutput
def data = [app: 'web', replicas: 2, ports: [80, 443], meta: [owner: 'team-a', empty: [:], none: []]]
echo JsonOutput.prettyPrint(JsonOutput.toJson(data))
echo JsonOutput.prettyPrint('[1,2,{"a":null}]')
echo JsonOutput.prettyPrint('{}')
