def stages = [checkout: 2100, build: 65400, test: 123450, deploy: 9800]
def totalMs = stages.values().sum()
def fmt = { long ms ->
    def s = ms.intdiv(1000)
    String.format('%dm %02ds', s.intdiv(60), s % 60)
}
stages.each { name, ms ->
    def pct = (ms * 100 / totalMs).setScale(1, java.math.RoundingMode.HALF_UP)
    echo "${name.padRight(10)}${fmt(ms).padLeft(8)} ${pct.toString().padLeft(5)}%"
}
echo "${'total'.padRight(10)}${fmt(totalMs).padLeft(8)}"
echo "-" * 25
