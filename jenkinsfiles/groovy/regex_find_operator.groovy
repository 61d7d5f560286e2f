def m = 'version 1.2.3 build 45' =~ /(\d+)\.(\d+)\.(\d+)/
echo "class: ${m.getClass().getName()}"
echo "found: ${m.find()}"
echo "m[0]: ${m[0]}"
echo "m[0][1]: ${m[0][1]}"
echo "m[0][3]: ${m[0][3]}"
echo "size: ${m.size()}"
echo "groupCount: ${m.groupCount()}"
def all = 'a1 b22 c333' =~ /[a-z](\d+)/
echo "all matches: ${all.size()}"
echo "second: ${all[1]} ${all[1][1]}"
echo "last: ${all[-1]}"
