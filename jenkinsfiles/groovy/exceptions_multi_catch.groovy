def run(kind) {
    try {
        if (kind == 'io') throw new IOException('io failed')
        if (kind == 'state') throw new IllegalStateException('state failed')
        if (kind == 'arg') throw new IllegalArgumentException('arg failed')
        return 'no exception'
    } catch (IOException | IllegalStateException e) {
        return "multi-catch caught ${e.getClass().simpleName}: ${e.message}"
    } catch (e) {
        return "untyped catch caught ${e.getClass().simpleName}"
    }
}
['io', 'state', 'arg', 'none'].each { echo run(it) }
