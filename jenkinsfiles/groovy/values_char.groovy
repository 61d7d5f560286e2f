def c = 'a' as char
echo "char: ${c} ${c.getClass().getName()}"
char d = 'b'
echo "d: ${d}"
echo "c + 1: ${c + 1}"
echo "(char)(c + 1): ${(char) (c + 1)}"
echo "list of chars: ${['x' as char, 'y' as char]}"
echo "Character.isDigit: ${Character.isDigit('7' as char)}"
echo "Character.isLetter: ${Character.isLetter(c)}"
echo "compare: ${c < d}"
echo "string charAt: ${'hello'.charAt(1)} ${'hello'.charAt(1).getClass().getSimpleName()}"
echo "toUpperCase: ${Character.toUpperCase(c)}"
