def branches = [:]
['linux', 'mac', 'windows'].each { os ->
    branches["test-${os}"] = { -> "running tests on ${os}" }
}
echo "branch names: ${branches.keySet()}"
branches.each { name, body ->
    echo "${name}: ${body()}"
}
def results = branches.collectEntries { name, body -> [(name): body().size()] }
echo "result sizes: ${results}"
