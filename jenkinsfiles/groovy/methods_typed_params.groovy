def area(int w, int h) { w * h }
echo "area(3, 4): ${area(3, 4)}"
def label(String name, boolean upper = false) { upper ? name.toUpperCase() : name }
echo label('x')
echo label('x', true)
def typed(Integer n) { "got ${n}" }
echo typed(5)
try {
    typed('5')
} catch (MissingMethodException e) {
    echo "String to Integer parameter: ${e.message.readLines()[0]}"
}
