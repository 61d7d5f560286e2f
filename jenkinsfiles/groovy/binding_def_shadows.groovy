y = 'binding'
def y = 'local'
echo "at top level: ${y}"
def readY() { y }
echo "method sees binding: ${readY()}"
echo "binding variable: ${binding.getVariable('y')}"
