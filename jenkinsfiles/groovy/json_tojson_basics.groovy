import groovy.json.JsonOutput
echo JsonOutput.toJson([name: 'api', port: 8080, tags: ['a', 'b'], enabled: true, extra: null])
echo JsonOutput.toJson([1, 'two', 3.5, null, false])
echo JsonOutput.toJson('plain string')
echo JsonOutput.toJson(42)
echo JsonOutput.toJson(null)
echo JsonOutput.toJson([:])
echo JsonOutput.toJson([])
echo JsonOutput.toJson([nested: [deep: [deeper: [1, [2]]]]])
