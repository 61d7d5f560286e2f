def defaults = [REGION: 'eu-west-1', REPLICAS: '1', DEBUG: 'false']
def overrides = [prod: [REPLICAS: '3'], dev: [DEBUG: 'true']]
['dev', 'prod', 'qa'].each { envName ->
    def cfg = defaults + (overrides[envName] ?: [:])
    def lines = cfg.collect { k, v -> "${k}=${v}" }
    echo "${envName}: ${lines.join(' ')}"
    def replicas = cfg.REPLICAS as int
    def debug = cfg.DEBUG.toBoolean()
    echo "  replicas*2=${replicas * 2} debug=${debug} (${debug.getClass().simpleName})"
}
def envList = defaults.collect { k, v -> "${k}=${v}" }
echo "withEnv list: ${envList}"
