echo "==~ full: ${'abc123' ==~ /[a-z]+\d+/}"
echo "==~ partial: ${'abc123x' ==~ /[a-z]+\d+/}"
echo "=~ partial in if: ${('abc123x' =~ /\d+/) ? 'found' : 'none'}"
echo "==~ class: ${('a' ==~ /a/).getClass().getSimpleName()}"
def branch = 'release/2.4'
if (branch ==~ /release\/.*/) {
    echo "release branch"
}
if (branch =~ /^feature/) {
    echo "feature branch"
} else {
    echo "not a feature branch"
}
echo "matches(): ${branch.matches('release/\\d\\.\\d')}"
