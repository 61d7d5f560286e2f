def branch = 'feature/JIRA-42_Add Login!'
def buildNumber = 117
def commit = '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f'
def safeBranch = branch.toLowerCase().replaceAll(/[^a-z0-9._-]+/, '-').replaceAll(/^-+|-+$/, '')
echo "safe branch: ${safeBranch}"
def shortSha = commit.take(7)
def tag = "${safeBranch}-${buildNumber}-${shortSha}"
echo "tag: ${tag}"
if (tag.size() > 40) {
    tag = tag.take(40)
}
echo "truncated: ${tag} (${tag.size()})"
def image = "registry.example.com/team/app:${tag}"
echo "image: ${image}"
def (repo, version) = image.split(':', 2)
echo "repo=${repo} version=${version}"
