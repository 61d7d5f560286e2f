def (a, b) = [1, 2]
echo "a=${a} b=${b}"
(a, b) = [b, a]
echo "swapped: a=${a} b=${b}"
def (String first, int second) = ['x', 7]
echo "typed: ${first} ${second}"
def (p, q) = 'k=v'.split('=')
echo "from split: ${p} ${q}"
def (major, minor, patch) = '1.22.3'.tokenize('.').collect { it as int }
echo "version parts: ${major} ${minor} ${patch} sum=${major + minor + patch}"
def x, y
(x, y) = [10]
echo "short list: x=${x} y=${y}"
