def original = [3, 1, 2, 1]
def sorted = original.sort()
echo "sorted: ${sorted}"
echo "original was mutated: ${original}"
def names = ['b', 'a', 'b']
def uniq = names.unique()
echo "unique: ${uniq} and names: ${names}"
def safeList = [3, 1, 2]
def copy = safeList.sort(false)
echo "sort(false) copy: ${copy} original: ${safeList}"
def params = [c: 1, a: 2]
def ms = params.sort()
echo "Map.sort() returns a new map: ${ms} original: ${params}"
def rev = [1, 2, 3]
rev.reverse()
echo "reverse() does not mutate: ${rev}"
