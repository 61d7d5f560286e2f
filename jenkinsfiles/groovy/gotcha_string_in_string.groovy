def branch = 'feature/login'
echo "'feature' in branch: ${'feature' in branch}"
echo "branch.contains('feature'): ${branch.contains('feature')}"
echo "'login' in [branch]: ${'login' in [branch]}"
echo "exact: ${'feature/login' in branch}"
echo "in on a list of strings uses equality: ${branch in ['feature/login', 'main']}"
