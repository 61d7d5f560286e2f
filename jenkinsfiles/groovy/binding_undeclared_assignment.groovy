x = 5
def show() { "x in method: ${x}" }
echo show()
x = 6
echo show()
def change() { x = 100 }
change()
echo "x after method assigns: ${x}"
echo "binding.x: ${binding.x} binding['x']: ${binding.getVariable('x')}"
