def deploy(Map args) {
    def env = args.env ?: 'dev'
    def replicas = args.get('replicas', 1)
    return "deploy ${args.app} to ${env} x${replicas} (keys: ${args.keySet().sort()})"
}
echo deploy(app: 'api')
echo deploy(app: 'web', env: 'prod', replicas: 3)
echo deploy([app: 'batch', env: 'qa'])
def mixed(Map opts, String target) {
    "${target} with ${opts}"
}
echo mixed('t1', verbose: true)
echo mixed(verbose: false, 't2')
def withClosure(Map opts, Closure body) {
    "${opts.name}: ${body()}"
}
echo withClosure(name: 'stage') { 'body ran' }
