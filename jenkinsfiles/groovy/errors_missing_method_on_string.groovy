def s = 'hello'
echo "size: ${s.size()}"
echo "upper: ${s.toUpperCase()}"
echo "calling a method String does not have:"
s.shout()
