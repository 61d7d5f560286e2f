def p = ~/(\w+)@(\w+)\.com/
echo "class: ${p.getClass().getName()}"
echo "pattern: ${p.pattern()}"
echo "toString: ${p}"
def m = p.matcher('mail bob@example.com now')
echo "find: ${m.find()}"
echo "group(): ${m.group()}"
echo "group(1): ${m.group(1)} group(2): ${m.group(2)}"
echo "start/end: ${m.start()} ${m.end()}"
echo "matches(): ${p.matcher('bob@example.com').matches()}"
echo "isCase: ${p.isCase('x@y.com')} ${'nope' in p}"
echo "grep: ${['a@b.com', 'c', 'd@e.com'].grep(p)}"
echo "split: ${(~/,\s*/).split('a, b,c') as List}"
