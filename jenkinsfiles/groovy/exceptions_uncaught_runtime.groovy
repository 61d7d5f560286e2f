def validate(cfg) {
    if (!cfg.name) {
        throw new IllegalArgumentException("config is missing 'name': ${cfg}")
    }
    "valid ${cfg.name}"
}
echo validate(name: 'ok')
echo validate(version: 2)
