def s = 'CamelCaseString'
echo "snake: ${s.replaceAll(/([a-z])([A-Z])/, '$1_$2').toLowerCase()}"
echo "kebab: ${s.replaceAll(/(?<!^)([A-Z])/, '-$1').toLowerCase()}"
echo "squash: ${'a   b    c'.replaceAll(/ +/, ' ')}"
echo "strip non-alnum: ${'feat/ABC-1: fix!'.replaceAll(/[^A-Za-z0-9]/, '')}"
echo "closure upper: ${'hello world'.replaceAll(/\b\w/) { it.toUpperCase() }}"
echo "pattern object: ${'a.b.c'.replaceAll(~/\./, '/')}"
echo "quoteReplacement: ${'x'.replaceAll('x', java.util.regex.Matcher.quoteReplacement('$1'))}"
