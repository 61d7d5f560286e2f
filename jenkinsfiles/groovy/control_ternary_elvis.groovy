def name = null
echo "ternary: ${name ? name : 'anon'}"
echo "elvis: ${name ?: 'anon'}"
echo "elvis on empty string: ${'' ?: 'was empty'}"
echo "elvis on zero: ${0 ?: 'was zero'}"
echo "elvis on false string: ${'false' ?: 'never'}"
echo "elvis keeps value: ${'set' ?: 'x'}"
echo "nested ternary: ${3 > 2 ? (1 > 2 ? 'a' : 'b') : 'c'}"
def cfg = [timeout: 0]
echo "elvis default hides zero: ${cfg.timeout ?: 30}"
echo "explicit null check keeps zero: ${cfg.timeout != null ? cfg.timeout : 30}"
def n = null
n = n ?: 'assigned'
echo "elvis assignment: ${n}"
