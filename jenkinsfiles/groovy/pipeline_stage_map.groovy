def services = ['api', 'web', 'worker']
def envs = [dev: 1, prod: 3]
def plan = [:]
services.each { svc ->
    envs.each { env, replicas ->
        plan["${svc}@${env}".toString()] = [service: svc, env: env, replicas: replicas, critical: env == 'prod']
    }
}
echo "plan size: ${plan.size()}"
plan.each { name, p -> echo "${name.padRight(12)} replicas=${p.replicas} critical=${p.critical}" }
def byEnv = plan.values().groupBy { it.env }
echo "per env: ${byEnv.collectEntries { k, v -> [k, v*.service] }}"
echo "total replicas: ${plan.values().sum { it.replicas }}"
