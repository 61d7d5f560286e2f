def s = 'ab'
echo "[${s.padLeft(5)}]"
echo "[${s.padRight(5)}]"
echo "[${s.padLeft(5, '*')}]"
echo "[${s.padRight(5, '-')}]"
echo "[${s.padLeft(1)}]"
echo "[${s.padLeft(6, 'xy')}]"
echo "[${s.center(6)}]"
echo "[${s.center(7, '=')}]"
echo "[${'abc'.center(6)}]"
echo "[${'7'.padLeft(3, '0')}]"
['build', 'test', 'deploy'].each { name ->
    echo "|${name.padRight(8)}|${name.size().toString().padLeft(3)}|"
}
