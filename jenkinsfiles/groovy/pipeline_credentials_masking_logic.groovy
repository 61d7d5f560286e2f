def secrets = ['s3cr3t', 'hunter2']
def mask = { String line -> secrets.inject(line) { acc, s -> acc.replace(s, '****') } }
echo mask('login with s3cr3t and hunter2')
echo mask('nothing to hide')
def url = 'https://user:s3cr3t@git.example.com/repo.git'
def redacted = url.replaceAll(/(https?:\/\/[^:]+:)[^@]+@/, '$1****@')
echo "redacted url: ${redacted}"
def userInfo = (url =~ /https?:\/\/([^:]+):/)[0][1]
echo "user: ${userInfo}"
