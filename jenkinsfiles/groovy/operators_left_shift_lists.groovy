def xs = [1]
xs << 2
xs << [3, 4]
echo "<< : ${xs}"
def ys = [1] + [2, 3]
echo "+ list: ${ys}"
def zs = [1, 2, 3, 2, 1] - [1]
echo "- list: ${zs}"
def sb = new StringBuilder('a')
sb << 'b' << 1
echo "StringBuilder <<: ${sb}"
def s = 'x'
s <<= 'y'
echo "String <<= : ${s} ${s.getClass().getSimpleName()}"
def m = [:]
m << [k: 'v']
echo "map << : ${m}"
def set = [] as Set
set << 1 << 1 << 2
echo "set << : ${set}"
