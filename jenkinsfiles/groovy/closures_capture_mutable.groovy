def count = 0
def inc = { count++ }
inc()
inc()
inc()
echo "count after 3 calls: ${count}"
def makeCounter = {
    def n = 0
    return { -> ++n }
}
def c1 = makeCounter()
def c2 = makeCounter()
c1(); c1()
echo "c1: ${c1()} c2: ${c2()}"
def list = []
def adder = { x -> list << x }
adder(1); adder(2)
echo "captured list: ${list}"
count = 100
inc()
echo "rebinding visible: ${count}"
