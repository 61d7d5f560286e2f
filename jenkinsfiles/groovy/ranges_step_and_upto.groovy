def evens = (0..10).step(2)
echo "evens: ${evens}"
echo "class of step: ${evens.getClass().getSimpleName()}"
echo "countdown: ${(10..0).step(5)}"
def out = []
1.upto(3) { out << "u${it}" }
3.downto(1) { out << "d${it}" }
echo "upto/downto: ${out}"
def chars = []
('a'..'g').step(2) { chars << it }
echo "char step: ${chars}"
