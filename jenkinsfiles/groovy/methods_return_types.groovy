int asInt() { return 3.99 }
String asString() { return 42 }
long asLong() { 7 }
double asDouble() { 1 }
boolean asBool() { 'non-empty' }
def asDef() { 3.99 }
echo "int f() returning 3.99: ${asInt()} ${asInt().getClass().getSimpleName()}"
echo "String g() returning 42: ${asString()} ${asString().getClass().getSimpleName()}"
echo "long: ${asLong().getClass().getSimpleName()}"
echo "double: ${asDouble()} ${asDouble().getClass().getSimpleName()}"
echo "boolean from string: ${asBool()}"
echo "def keeps type: ${asDef().getClass().getSimpleName()}"
void nothing() { 42 }
echo "void returns null: ${nothing()}"
