def check(n) {
    switch (n) {
        case { it % 15 == 0 }: return 'FizzBuzz'
        case { it % 3 == 0 }: return 'Fizz'
        case { it % 5 == 0 }: return 'Buzz'
        default: return n.toString()
    }
}
echo((1..15).collect { check(it) }.join(' '))
def truthy = 'x'
switch (truthy) {
    case { it }:
        echo 'closure case uses Groovy truth of its result'
}
