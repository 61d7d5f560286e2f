def s = 'release-2.10.1'
echo "=~ truthy: ${(s =~ /\d+/) as boolean}"
echo "==~ whole: ${s ==~ /release-[\d.]+/}"
echo "==~ part fails: ${s ==~ /\d+/}"
def m = s =~ /(\d+)\.(\d+)\.(\d+)/
echo "groups: ${m[0][1..3]}"
echo "~ makes Pattern: ${(~/x/).getClass().getSimpleName()}"
echo "~ on string var: ${(~s).pattern()}"
echo "=~ with string pattern: ${('a.c' =~ 'a.c').matches()}"
echo "!(x =~ y): ${!(s =~ /zzz/)}"
