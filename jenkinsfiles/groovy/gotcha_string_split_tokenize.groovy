def line = 'a,,b,'
echo "split keeps empty middle, drops trailing: ${line.split(',') as List}"
echo "tokenize drops all empties: ${line.tokenize(',')}"
echo "split takes a regex: ${'1.2.3'.split('.').size()} parts"
echo "tokenize takes characters: ${'1.2.3'.tokenize('.')}"
echo "split returns an array: ${line.split(',').getClass().simpleName}"
echo "tokenize returns a List: ${line.tokenize(',').getClass().simpleName}"
