def m = 'a1b2c3' =~ /\d/
echo "find 1: ${m.find()} ${m.group()}"
echo "find 2: ${m.find()} ${m.group()}"
echo "getAt(0): ${m[0]}"
echo "getAt(2): ${m[2]}"
echo "find after getAt: ${m.find()}"
m.reset()
echo "after reset find: ${m.find()} ${m.group()}"
echo "matches whole: ${m.matches()}"
echo "size: ${m.size()}"
echo "find after size: ${m.find()}"
