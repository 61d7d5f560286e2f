def inputs = ['12', ' 7 ', 'v1.2']
inputs.each { s ->
    echo "parsing [${s}]"
    echo "value: ${s.trim().toInteger()}"
}
echo "never printed"
