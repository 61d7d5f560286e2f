import groovy.json.JsonOutput
echo JsonOutput.toJson([quote: 'say "hi"', backslash: 'C:\\path', newline: 'a\nb', tab: 'a\tb'])
echo JsonOutput.toJson([unicode: 'café ✓', slash: 'a/b', ctrl: '\u0001'])
echo JsonOutput.toJson(['<html>', '&', "'single'"])
def v = 3
echo JsonOutput.toJson([gstring: "v${v}"])
echo JsonOutput.toJson([(1): 'int key', (true): 'bool key'])
