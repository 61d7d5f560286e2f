def stage(name, Closure body) {
    echo "stage ${name} start"
    body()
    echo "stage ${name} end"
}
stage('build') { echo 'compiling' }
stage('test') {
    error 'tests failed: 3 of 10'
}
stage('deploy') { echo 'never' }
