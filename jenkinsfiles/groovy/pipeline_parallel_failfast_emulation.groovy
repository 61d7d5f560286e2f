def branches = [
    unit       : { -> 'passed' },
    integration: { -> error 'integration tests failed' },
    e2e        : { -> 'passed' },
]
def outcome = [:]
branches.each { name, body ->
    try {
        outcome[name] = body()
    } catch (e) {
        outcome[name] = "FAILED: ${e.message}"
    }
}
outcome.each { k, v -> echo "${k}: ${v}" }
def failed = outcome.findAll { k, v -> v.startsWith('FAILED') }.keySet()
if (failed) {
    error "branches failed: ${failed.join(', ')}"
}
