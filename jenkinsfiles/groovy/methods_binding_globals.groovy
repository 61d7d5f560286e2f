counter = 0
def bump() {
    counter++
}
bump()
bump()
echo "global counter: ${counter}"
def readGlobal() { "greeting is ${greeting}" }
greeting = 'hi'
echo readGlobal()
def setGlobal() {
    created = 'made in a method'
}
setGlobal()
echo "created: ${created}"
echo "binding has it: ${binding.hasVariable('created')} ${binding.variables.containsKey('counter')}"
