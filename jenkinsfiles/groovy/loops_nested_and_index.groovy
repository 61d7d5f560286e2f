def grid = [[1, 2, 3], [4, 5, 6]]
for (int r = 0; r < grid.size(); r++) {
    def line = ''
    for (int c = 0; c < grid[r].size(); c++) {
        line += grid[r][c] * 10 + ' '
    }
    echo "row ${r}: ${line.trim()}"
}
grid.eachWithIndex { row, r ->
    row.eachWithIndex { v, c -> if (v == 5) echo "5 is at ${r},${c}" }
}
def i = 0
for (x in ['a', 'b']) {
    echo "manual index ${i++}: ${x}"
}
