def m = 'abc' =~ /\d+/
echo "size: ${m.size()}"
echo "truth: ${m ? 'match' : 'no match'}"
echo "about to index an empty matcher"
echo "${m[0]}"
