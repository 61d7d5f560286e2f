echo "!true: ${!true} !null: ${!null} !'': ${!''} !'x': ${!'x'} ![]: ${![]} !0: ${!0}"
echo "true && null: ${true && null}"
echo "false || 'x': ${false || 'x'}"
echo "precedence: ${true || false && false}"
echo "(true || false) && false: ${(true || false) && false}"
def x = null
echo "short-circuit guard: ${x && x.size()}"
echo "not not: ${!!'value'} ${!![]}"
