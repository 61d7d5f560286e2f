def version = '1.x'
def pattern = /\d+\.\d+/
echo "validating ${version}"
assert '1.2' ==~ pattern : 'sanity check'
echo 'sanity check passed'
assert version ==~ pattern : "bad version: ${version}"
