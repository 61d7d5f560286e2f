def classify(n) {
    if (n < 0) {
        return 'negative'
    }
    if (n == 0) return 'zero'
    for (i in [10, 100, 1000]) {
        if (n < i) {
            return "below ${i}"
        }
    }
    'huge'
}
[-5, 0, 7, 50, 999, 5000].each { echo "${it}: ${classify(it)}" }
