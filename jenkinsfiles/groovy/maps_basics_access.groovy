def m = [name: 'api', port: 8080, 'with space': true]
echo "map: ${m}"
echo "m.name: ${m.name}"
echo "m['port']: ${m['port']}"
echo "m.\"with space\": ${m.'with space'}"
def k = 'name'
echo "m[k]: ${m[k]} m.\"\$k\": ${m."$k"}"
echo "missing key: ${m.nope} ${m['nope']}"
echo "get: ${m.get('port')}"
echo "class: ${m.getClass().getName()}"
echo "m.class is a key lookup: ${m.class}"
echo "size: ${m.size()}"
