def xs = [3, 1, 2]
Collections.sort(xs)
echo "Collections.sort: ${xs}"
Collections.reverse(xs)
echo "Collections.reverse: ${xs}"
echo "Collections.max/min: ${Collections.max(xs)} ${Collections.min(xs)}"
echo "Collections.emptyList: ${Collections.emptyList()}"
echo "Collections.singletonList: ${Collections.singletonList('one')}"
echo "Collections.nCopies: ${Collections.nCopies(3, 'ab')}"
echo "Collections.frequency: ${Collections.frequency([1, 2, 1], 1)}"
Collections.swap(xs, 0, 2)
echo "Collections.swap: ${xs}"
echo "Collections.unmodifiableMap: ${Collections.unmodifiableMap([a: 1])}"
