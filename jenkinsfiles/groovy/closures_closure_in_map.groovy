def handlers = [
    build: { -> 'building' },
    test : { String what -> "testing ${what}" },
]
echo handlers.build()
echo handlers.test('unit')
echo handlers['build'].call()
def op = 'test'
echo handlers[op]('integration')
def m = [f: { x -> x + 1 }]
echo "m.f(1): ${m.f(1)}"
echo "missing closure key next:"
m.g(1)
