echo "next: ${'a'.next()} ${'az'.next()} ${'9'.next()}"
echo "previous: ${'b'.previous()}"
def s = 'x'
s++
echo "after ++: ${s}"
echo "range of strings: ${('aa'..'ad')}"
echo "letters: ${('a'..'e').join()}"
echo "collect over range: ${('a'..'c').collect { it.toUpperCase() }}"
