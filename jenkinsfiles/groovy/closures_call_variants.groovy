def c = { a, b -> "${a}/${b}" }
echo c(1, 2)
echo c.call(1, 2)
echo c.call([1, 2])
echo c([3, 4])
def one = { x -> "got ${x}" }
echo one([5, 6])
echo one(null)
def v = { Object[] args -> "varargs ${args.length}" }
echo v(1, 2, 3)
echo "doCall via call(): ${({ it * 2 }).call(21)}"
