def m = [name: 'x']
echo "m.class is a key lookup: ${m.class}"
echo "m.getClass() is the type: ${m.getClass().simpleName}"
def cfg = [size: 3, empty: false]
echo "cfg.size: ${cfg.size} cfg.size(): ${cfg.size()}"
echo "cfg.empty: ${cfg.empty} cfg.isEmpty(): ${cfg.isEmpty()}"
echo "'k' in [k: null]: ${'k' in [k: null]} containsKey: ${[k: null].containsKey('k')}"
