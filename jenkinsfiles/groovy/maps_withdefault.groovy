def m = [:].withDefault { k -> k.size() }
echo "withDefault read: ${m['abc']}"
echo "stored after read: ${m}"
def counts = [:].withDefault { 0 }
'hello'.each { c -> counts[c] += 1 }
echo "letter counts: ${counts}"
echo "containsKey missing: ${counts.containsKey('z')}"
echo "get missing: ${counts.get('z')}"
echo "after get: ${counts.containsKey('z')}"
