def helper() {
    return notDefinedAnywhere + 1
}
echo "before"
helper()
echo "never printed"
