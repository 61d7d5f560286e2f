def kind(branch) {
    switch (branch) {
        case ~/main|master/: return 'mainline'
        case ~/release\/.*/: return 'release'
        case ~/feature\/.+/: return 'feature'
        case ~/(?i)hotfix-.*/: return 'hotfix'
        default: return 'other'
    }
}
['main', 'release/1.2', 'feature/x', 'HOTFIX-9', 'feature/', 'dev'].each {
    echo "${it} -> ${kind(it)}"
}
