def acc = []
3.times { acc << it }
echo "times: ${acc}"
acc = []
2.upto(5) { acc << it }
echo "upto: ${acc}"
acc = []
5.downto(2) { acc << it }
echo "downto: ${acc}"
acc = []
0.step(10, 3) { acc << it }
echo "step: ${acc}"
acc = []
10.step(0, -4) { acc << it }
echo "step down: ${acc}"
acc = []
1.5.upto(4) { acc << it }
echo "BigDecimal upto: ${acc}"
acc = []
0.times { acc << it }
echo "0.times: ${acc}"
