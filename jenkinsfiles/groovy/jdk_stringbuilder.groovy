def sb = new StringBuilder()
sb.append('a').append(1).append(true).append(null)
echo "sb: ${sb}"
sb.insert(0, '[')
sb << ']'
echo "insert and <<: ${sb}"
echo "length: ${sb.length()}"
echo "substring: ${sb.toString().substring(1, 4)}"
echo "reverse: ${new StringBuilder('abc').reverse()}"
echo "toString class: ${sb.toString().getClass().getSimpleName()}"
def lines = new StringBuilder()
['one', 'two'].each { lines.append(it).append('\n') }
echo "multi-line builder:"
echo lines.toString().trim()
