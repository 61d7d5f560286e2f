def m = [size: 'big', empty: 'no', class: 'c']
echo "m.size is the key: ${m.size}"
echo "m.size() is the method: ${m.size()}"
echo "m.empty key: ${m.empty}"
echo "m.isEmpty(): ${m.isEmpty()}"
echo "m.class key: ${m.class}"
echo "m.getClass(): ${m.getClass().getSimpleName()}"
def n = [:]
echo "empty map .class: ${n.class}"
echo "metaClass-free keys: ${[keySet: 1].keySet}"
