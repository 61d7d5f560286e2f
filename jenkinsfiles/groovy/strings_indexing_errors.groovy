def s = 'abc'
echo "s[2]: ${s[2]}"
echo "s[-3]: ${s[-3]}"
echo "s.getAt(1): ${s.getAt(1)}"
echo "about to read s[3]:"
echo "${s[3]}"
