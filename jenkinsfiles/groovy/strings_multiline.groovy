def text = '''first line
  second line
third'''
echo "lines: ${text.readLines()}"
echo "line count: ${text.readLines().size()}"
def n = 0
text.eachLine { line -> n++; echo "line ${n}: [${line}]" }
text.eachLine { line, idx -> if (idx == 2) { echo "eachLine index ${idx}: ${line}" } }
def trailing = 'a\nb\n'
echo "trailing newline lines: ${trailing.readLines()}"
echo "split on newline: ${trailing.split('\n') as List}"
echo "denormalize: ${'x\r\ny'.readLines()}"
