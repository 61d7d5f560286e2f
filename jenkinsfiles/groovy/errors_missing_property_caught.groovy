try {
    echo "${notThere}"
} catch (MissingPropertyException e) {
    echo "caught: ${e.message}"
    echo "property: ${e.property}"
}
try {
    'text'.nosuch
} catch (MissingPropertyException e) {
    echo "on a String: ${e.message}"
}
try {
    5.weight
} catch (MissingPropertyException e) {
    echo "on an Integer: ${e.message}"
}
echo "map keys never throw: ${[:].anything}"
