def id = 42
def key = "job-${id}"
echo "== String: ${key == 'job-42'}"
echo ".equals String: ${key.equals('job-42')}"
def map = ['job-42': 'found']
echo "map lookup with GString: ${map[key]}"
def set = ['job-42'] as Set
echo "set contains GString: ${set.contains(key)}"
echo "set contains toString: ${set.contains(key.toString())}"
def keys = [:]
keys.put(key, 1)
echo "put with GString then get with String: ${keys.get('job-42')}"
