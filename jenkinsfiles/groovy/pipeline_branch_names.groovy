def branches = ['main', 'master', 'develop', 'release/1.4', 'feature/ABC-12-x', 'hotfix/urgent', 'PR-17', 'dependabot/npm/lodash-4.17']
branches.each { b ->
    def kind
    if (b in ['main', 'master']) {
        kind = 'production'
    } else if (b.startsWith('release/')) {
        kind = "release ${b - 'release/'}"
    } else if (b ==~ /PR-\d+/) {
        kind = "pull request #${b.split('-')[1]}"
    } else if (b.contains('/')) {
        kind = "${b.tokenize('/')[0]} work"
    } else {
        kind = 'other'
    }
    def deploy = kind == 'production' || kind.startsWith('release')
    echo "${b.padRight(28)}${kind} deploy=${deploy}"
}
