def describe(String s) { "String ${s}" }
def describe(Integer i) { "Integer ${i}" }
def describe(List l) { "List of ${l.size()}" }
def describe(Object o) { "Object ${o}" }
echo describe('x')
echo describe(5)
echo describe([1, 2])
echo describe(2.5)
echo describe("g${1}")
echo describe(null)
