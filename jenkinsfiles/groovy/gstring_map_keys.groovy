def k = 'name'
def m = [:]
m["${k}"] = 'gstring key'
m[k] = 'string key'
echo "map: ${m}"
echo "size: ${m.size()}"
echo "m.name: ${m.name}"
echo "m[\"\${k}\"]: ${m["${k}"]}"
def m2 = [("${k}"): 1]
echo "literal with gstring key: ${m2} containsKey(String): ${m2.containsKey('name')}"
def m3 = ["${k}": 2]
echo "quoted gstring key: ${m3.containsKey('name')}"
