def xs = [1, 2, 3, 4, 5, 6]
def (evens, odds) = xs.split { it % 2 == 0 }
echo "evens: ${evens} odds: ${odds}"
echo "split result: ${xs.split { it > 4 }}"
echo "grep class: ${[1, 'a', 2.5, 'b'].grep(String)}"
echo "grep range: ${xs.grep(2..4)}"
echo "grep closure: ${xs.grep { it > 4 }}"
echo "grep list: ${xs.grep([1, 6, 9])}"
echo "grep regex: ${['v1', 'x', 'v22'].grep(~/v\d+/)}"
echo "grep no arg: ${[0, 1, null, 'a', ''].grep()}"
