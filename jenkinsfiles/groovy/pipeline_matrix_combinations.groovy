def axes = [os: ['linux', 'windows'], jdk: ['11', '17'], db: ['pg']]
def combos = axes.values().toList().combinations()
echo "combination count: ${combos.size()}"
def cells = combos.collect { values -> [axes.keySet().toList(), values].transpose().collectEntries() }
def excluded = cells.findAll { !(it.os == 'windows' && it.jdk == '11') }
excluded.each { cell ->
    def name = cell.collect { k, v -> "${k}=${v}" }.join(', ')
    echo "cell: ${name}"
}
echo "kept ${excluded.size()} of ${cells.size()}"
