def matrix = [[1, 2], [3, 4]]
matrix[0][1] = 20
matrix[1] << 5
echo "matrix: ${matrix}"
echo "row sums: ${matrix.collect { it.sum() }}"
echo "cell: ${matrix[1][2]}"
def copy = matrix.collect { it.clone() }
copy[0][0] = 100
echo "deep-ish copy: ${copy} original: ${matrix}"
def shallow = new ArrayList(matrix)
shallow[0][0] = -1
echo "shallow copy shares rows: ${matrix}"
