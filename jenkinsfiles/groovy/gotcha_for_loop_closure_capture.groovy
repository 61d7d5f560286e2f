def stages = [:]
for (name in ['build', 'test', 'deploy']) {
    stages[name] = { -> "running ${name}" }
}
stages.each { k, body -> echo "${k}: ${body()}" }
def fixed = [:]
for (name in ['build', 'test', 'deploy']) {
    def captured = name
    fixed[name] = { -> "running ${captured}" }
}
fixed.each { k, body -> echo "copied: ${k}: ${body()}" }
def viaEach = [:]
['build', 'test', 'deploy'].each { name ->
    viaEach[name] = { -> "running ${name}" }
}
viaEach.each { k, body -> echo "each: ${k}: ${body()}" }
