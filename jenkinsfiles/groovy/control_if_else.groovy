def check(n) {
    if (n > 10) {
        'big'
    } else if (n > 5) {
        'medium'
    } else if (n) {
        'small'
    } else {
        'zero or null'
    }
}
[20, 7, 3, 0, null].each { echo "${it}: ${check(it)}" }
def s = ''
if (!s) echo 'empty string is false'
if ('0') echo "'0' is true"
if ([0]) echo '[0] is true'
def x = 5
if (x == 5) echo 'one-line if'
