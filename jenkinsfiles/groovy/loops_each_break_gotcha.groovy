def seen = []
[1, 2, 3, 4].each { x ->
    if (x == 2) return
    seen << x
}
echo "return in each only skips: ${seen}"
def firstBig = [1, 5, 10].find { it > 3 }
echo "find stops at first: ${firstBig}"
def upTo = []
[1, 2, 3, 4].any { x ->
    if (x > 2) return true
    upTo << x
    false
}
echo "any used as break: ${upTo}"
