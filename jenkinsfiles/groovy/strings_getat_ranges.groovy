def s = 'pipeline'
echo "first 4: ${s[0..3]}"
echo "last 4: ${s[-4..-1]}"
echo "all but last: ${s[0..-2]}"
echo "from 2 to end: ${s[2..-1]}"
echo "reverse whole: ${s[-1..0]}"
echo "exclusive: ${s[0..<0]}|${s[0..<2]}"
echo "empty string getAt range: [${''[0..<0]}]"
echo "getAt with list: ${s[[0, 1, 7]]}"
