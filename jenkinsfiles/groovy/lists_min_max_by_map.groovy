def builds = [
    [id: 1, ms: 3400, ok: true],
    [id: 2, ms: 1200, ok: false],
    [id: 3, ms: 5100, ok: true],
]
echo "slowest: ${builds.max { it.ms }.id}"
echo "fastest: ${builds.min { it.ms }.id}"
echo "total ms: ${builds.sum { it.ms }}"
echo "ok ids: ${builds.findAll { it.ok }*.id}"
echo "sorted by ms desc: ${builds.sort(false) { -it.ms }*.id}"
echo "average: ${builds.sum { it.ms } / builds.size()}"
echo "any failed: ${builds.any { !it.ok }}"
echo "index of failed: ${builds.findIndexOf { !it.ok }}"
