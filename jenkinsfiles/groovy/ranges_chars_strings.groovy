def letters = 'a'..'e'
echo "letters: ${letters}"
echo "size: ${letters.size()}"
echo "contains: ${'c' in letters} ${'z' in letters}"
echo "join: ${letters.join('')}"
echo "reverse: ${('a'..'c').reverse()}"
echo "upper: ${('X'..'Z').collect { it }}"
echo "two-letter: ${('aa'..'ad').toList()}"
echo "exclusive: ${'a'..<'d'}"
