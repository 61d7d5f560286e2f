def params = [DEPLOY: 'true', REPLICAS: '3', TARGETS: 'eu, us ,ap', DRY_RUN: false, TAG: '']
def deploy = params.DEPLOY.toBoolean()
def replicas = params.REPLICAS.toInteger()
def targets = params.TARGETS.split(',')*.trim()
def tag = params.TAG ?: 'latest'
echo "deploy=${deploy} replicas=${replicas} targets=${targets} tag=${tag}"
echo "dry run: ${params.DRY_RUN ? 'yes' : 'no'}"
echo "string 'false' gotcha: ${'false' ? 'truthy' : 'falsy'} vs ${'false'.toBoolean()}"
def missing = params.NOT_DEFINED
echo "undefined param: ${missing}"
targets.eachWithIndex { t, i -> echo "target ${i + 1}/${targets.size()}: ${t.toUpperCase()}" }
