def steps = ['lint', 'compile', 'package']
steps.each { s ->
    echo "step ${s}"
    if (s == 'compile') {
        error "step ${s} failed with exit code 2"
    }
}
echo 'not reached'
