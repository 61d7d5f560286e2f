def x = null
echo "x is ${x}"
println x
echo "class of null map lookup: ${[a: 1].b}"
def list = [null, 1, null]
echo "list with nulls: ${list}"
echo "map with null value: ${[k: null]}"
echo "null == null: ${null == null}"
echo "null string concat: " + null
echo "null in gstring: ${null}!"
echo "x == null: ${x == null}, x != null: ${x != null}"
echo "null.toString(): ${null.toString()}"
echo "String.valueOf(null as Object): ${String.valueOf((Object) null)}"
