def opts = [retries: 0, label: '', tags: []]
echo "retries ?: 3 -> ${opts.retries ?: 3} (0 is false)"
echo "label ?: 'any' -> ${opts.label ?: 'any'}"
echo "tags ?: ['x'] -> ${opts.tags ?: ['x']}"
echo "null check keeps 0: ${opts.retries != null ? opts.retries : 3}"
echo "containsKey keeps 0: ${opts.containsKey('retries') ? opts.retries : 3}"
