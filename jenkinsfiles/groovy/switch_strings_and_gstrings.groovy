def env = 'prod'
def g = "pr${'od'}"
switch (g) {
    case 'prod':
        echo 'GString matches String case'
        break
    default:
        echo 'no match'
}
switch ('PROD'.toLowerCase()) {
    case env:
        echo 'case can be a variable'
        break
}
def result = 'none'
switch ('x') {
    case 'y':
        result = 'y'
        break
}
echo "no default, no match: ${result}"
