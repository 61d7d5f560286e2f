def items = [3, 1, 2]
echo "sorted: ${items.sort(false)}"
echo "doubled: ${items.collect { it * 2 }}"
echo "nested gstring: ${items.collect { "#${it}" }.join(' ')}"
echo "ternary: ${items.size() > 2 ? "many (${items.size()})" : 'few'}"
echo "elvis: ${null ?: 'default'}"
echo "safe nav: ${null?.size()}"
echo "original untouched: ${items}"
