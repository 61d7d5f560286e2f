def greet(String name, String greeting = 'Hello', int times = 1) {
    return ("${greeting}, ${name}! " * times).trim()
}
echo greet('Ann')
echo greet('Bob', 'Hi')
echo greet('Cy', 'Yo', 2)
def tag(image, version = null) {
    version ? "${image}:${version}" : "${image}:latest"
}
echo tag('app')
echo tag('app', '1.2')
echo tag('app', '')
