def workspace = '/var/jenkins/workspace/app_main'
def rel = 'build/libs/app-1.2.3.jar'
def full = "${workspace}/${rel}"
echo "full: ${full}"
def name = full.tokenize('/').last()
echo "name: ${name}"
def base = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name
echo "base: ${base}"
def ver = (name =~ /-(\d+(?:\.\d+)*)\.jar$/)[0][1]
echo "version from file name: ${ver}"
def parts = full.split('/').findAll { it }
echo "depth: ${parts.size()} parent: ${parts[-2]}"
def normalized = '/a//b/./c/../d/'.tokenize('/').inject([]) { acc, p ->
    if (p == '..') { acc.pop() } else if (p != '.') { acc << p }
    acc
}.join('/')
echo "normalized: /${normalized}"
