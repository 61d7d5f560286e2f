def plus1 = { it + 1 }
def times2 = { it * 2 }
def p_then_t = plus1 >> times2
def t_then_p = plus1 << times2
echo "plus1 >> times2 on 5: ${p_then_t(5)}"
echo "plus1 << times2 on 5: ${t_then_p(5)}"
def pipeline = [plus1, times2, { "result=${it}" }].inject { a, b -> a >> b }
echo pipeline(3)
def trim = { it.trim() }
def upper = { it.toUpperCase() }
echo "(trim >> upper)('  x '): [${(trim >> upper)('  x ')}]"
