def cache = [:]
def v = cache.get('missing', 'fallback')
echo "returned: ${v}"
echo "map now holds the default: ${cache}"
def peek = [:]
peek.getOrDefault('k', 'd')
echo "getOrDefault leaves it alone: ${peek}"
def safe = [:]
def w = safe.k ?: 'elvis default'
echo "elvis leaves it alone too: ${safe} ${w}"
