def calls = []
def t = { calls << "t"; true }
def f = { calls << "f"; false }
echo "f() && t(): ${f() && t()} calls=${calls}"
calls.clear()
echo "t() || f(): ${t() || f()} calls=${calls}"
calls.clear()
echo "t() && f(): ${t() && f()} calls=${calls}"
def m = null
echo "guard: ${m != null && m.size() > 0}"
echo "&& returns boolean: ${('a' && 'b').getClass().getSimpleName()} ${'a' && 'b'}"
echo "|| returns boolean: ${null || 'x'}"
