def attempt(name, Closure body) {
    try {
        body()
        echo "${name}: ok"
    } catch (e) {
        echo "${name}: caught '${e.message}'"
    }
}
attempt('first') { error 'first failure' }
attempt('second') { echo 'working' }
echo 'now an uncaught error step:'
error 'pipeline aborted by script'
echo 'never printed'
