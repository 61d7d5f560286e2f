echo "[1, 2] == [1, 2]: ${[1, 2] == [1, 2]}"
echo "[1, 2] == [2, 1]: ${[1, 2] == [2, 1]}"
echo "[1, 2].equals([1, 2]): ${[1, 2].equals([1, 2])}"
echo "[1] == [1L]: ${[1] == [1L]}"
echo "[1].equals([1L]): ${[1].equals([1L])}"
echo "[[a: 1]] == [[a: 1]]: ${[[a: 1]] == [[a: 1]]}"
echo "list == array: ${[1, 2] == ([1, 2] as Integer[])}"
echo "[] == []: ${[] == []}"
echo "['a'] == [\"\${'a'}\"]: ${['a'] == ["${'a'}"]}"
def a = [1]
def b = a
b << 2
echo "aliasing: ${a}"
echo "is: ${a.is(b)} ${a.is([1, 2])}"
