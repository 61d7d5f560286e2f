def m = [:]
m.a = [:]
m.a.b = 1
m.a.c = [d: 2]
echo "nested: ${m}"
echo "deep read: ${m.a.c.d}"
m.list = []
m.list << 'x'
m.list += 'y'
echo "list in map: ${m.list}"
def cfg = [stages: [build: [timeout: 10]]]
cfg.stages.test = [timeout: 5]
cfg.stages.build.timeout += 1
echo "cfg: ${cfg}"
echo "safe nav missing: ${cfg.stages.deploy?.timeout}"
echo "missing without safe nav next:"
echo "${cfg.stages.deploy.timeout}"
