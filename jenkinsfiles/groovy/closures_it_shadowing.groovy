def outer = [1, 2].collect { [10, 20].collect { inner -> it + inner } }
echo "outer it inside inner named: ${outer}"
def nested = [1, 2].collect { x -> ['a', 'b'].collect { "${x}${it}" } }
echo "inner it: ${nested}"
def c = { it }
echo "it default null: ${c()}"
def d = { -> it }
echo "explicit no-param closure sees no it next:"
d()
