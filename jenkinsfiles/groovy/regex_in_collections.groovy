def names = ['app-api', 'app-web', 'lib-core', 'app-worker']
echo "grep regex: ${names.grep(~/app-.*/)}"
echo "findAll ==~: ${names.findAll { it ==~ /lib-.*/ }}"
echo "collect groups: ${names.collect { (it =~ /^(\w+)-/)[0][1] }.unique()}"
echo "any =~: ${names.any { it =~ /work/ }}"
echo "count: ${names.count { it.startsWith('app') }}"
echo "split by pattern: ${names.groupBy { (it =~ /^(\w+)-/)[0][1] }}"
