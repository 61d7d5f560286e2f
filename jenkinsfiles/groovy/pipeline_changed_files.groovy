def changes = '''M  src/main/App.java
A  src/test/AppTest.java
D  docs/old.md
M  Jenkinsfile
R  charts/app/values.yaml'''
def files = changes.readLines().collect { it.split(/\s+/, 2)[1] }
echo "files: ${files}"
def byTop = files.groupBy { it.contains('/') ? it.tokenize('/')[0] : '(root)' }
echo "by top dir: ${byTop.collectEntries { k, v -> [k, v.size()] }}"
def needsBuild = files.any { it.startsWith('src/') }
def docsOnly = files.every { it.startsWith('docs/') }
def touchesCi = 'Jenkinsfile' in files
echo "needsBuild=${needsBuild} docsOnly=${docsOnly} touchesCi=${touchesCi}"
def statuses = changes.readLines().countBy { it[0] }
echo "status counts: ${statuses}"
