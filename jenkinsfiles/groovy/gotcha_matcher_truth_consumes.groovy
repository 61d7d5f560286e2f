def m = 'one two' =~ /\w+/
echo "first check: ${m ? 'match' : 'none'}"
echo "second check: ${m ? 'match' : 'none'}"
echo "third check: ${m ? 'match' : 'none'}"
echo "getAt still works: ${m[0]} ${m[1]}"
def m2 = 'x1' =~ /\d/
if (m2) {
    echo "inside if: group() is ${m2.group()}"
}
