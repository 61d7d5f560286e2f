def targets = ['linux', 'windows', 'mac']
def branches = [:]
for (t in targets) {
    def target = t
    branches["build-${target}"] = {
        echo "building on ${target}"
        return "${target}-ok"
    }
}
branches['lint'] = { echo 'linting'; 'lint-ok' }
echo "branches: ${branches.keySet()}"
def results = [:]
branches.each { name, body ->
    results[name] = body()
}
echo "results: ${results}"
echo "all ok: ${results.values().every { it.endsWith('-ok') }}"
