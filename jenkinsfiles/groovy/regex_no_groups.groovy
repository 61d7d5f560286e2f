def m = 'tags: v1 v2 v10' =~ /v\d+/
echo "size: ${m.size()}"
echo "m[0]: ${m[0]} (a plain String when there are no groups)"
echo "m[2]: ${m[2]}"
echo "collect: ${m.collect { it }}"
def words = ('one two three' =~ /\w+/).collect { it.toUpperCase() }
echo "words: ${words}"
echo "iterate groups:"
('k1=v1;k2=v2' =~ /(\w+)=(\w+)/).each { all, k, v -> echo "  ${k} -> ${v}" }
