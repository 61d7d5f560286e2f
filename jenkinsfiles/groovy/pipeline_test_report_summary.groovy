def results = [
    [suite: 'api', tests: 120, failures: 2, skipped: 3, time: 12.5],
    [suite: 'web', tests: 80, failures: 0, skipped: 0, time: 8.25],
    [suite: 'db', tests: 40, failures: 1, skipped: 5, time: 30.0],
]
def total = results.sum { it.tests }
def failed = results.sum { it.failures }
def skipped = results.sum { it.skipped }
def passRate = (total - failed - skipped) * 100 / total
echo "total=${total} failed=${failed} skipped=${skipped}"
echo "pass rate: ${passRate}%"
echo "pass rate rounded: ${passRate.setScale(1, java.math.RoundingMode.HALF_UP)}%"
echo "time: ${results.sum { it.time }}s"
echo "slowest: ${results.max { it.time }.suite}"
def status = failed > 0 ? 'UNSTABLE' : 'SUCCESS'
echo "status: ${status}"
results.findAll { it.failures }.each { echo "  failing suite: ${it.suite} (${it.failures})" }
