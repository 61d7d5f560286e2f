def s = '  one  two,three '
echo "tokenize(): ${s.tokenize()}"
echo "tokenize(','): ${s.tokenize(',')}"
echo "tokenize(' ,'): ${s.tokenize(' ,')}"
echo "tokenize char: ${'a/b//c'.tokenize('/' as char)}"
echo "tokenize class: ${s.tokenize().getClass().getSimpleName()}"
echo "tokenize vs split: ${'a,,b'.tokenize(',')} vs ${'a,,b'.split(',') as List}"
echo "tokenize empty: ${''.tokenize(',')}"
echo "tokenize multi-char delims are a set: ${'a-b_c'.tokenize('_-')}"
