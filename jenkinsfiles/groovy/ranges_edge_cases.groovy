echo "(5..1).toList(): ${(5..1).toList()}"
echo "(1..<5).reverse(): ${(1..<5).reverse()}"
echo "(0..<3)*.toString(): ${(0..<3)*.toString()}"
echo "range sum of BigDecimal: ${(1..4).sum() / 4}"
echo "range max/min: ${(3..9).max()} ${(3..9).min()}"
echo "range any/every: ${(1..5).any { it > 4 }} ${(1..5).every { it > 0 }}"
echo "range find: ${(1..10).find { it * it > 20 }}"
echo "range groupBy: ${(1..6).groupBy { it % 3 }}"
echo "range collate: ${(1..5).collate(2)}"
echo "range toString: ${(1..3).toString()} inspect: ${(1..3).inspect()}"
echo "string plus range: " + (1..3)
println(1..3)
println(1..<3)
echo "reverse range toString: ${(3..1).toString()}"
