def json = '{"name": "svc", "version": 3, "ratio": 0.25, "big": 12345678901, "ok": true, "none": null, "tags": ["x", "y"], "nested": {"k": "v"}}'
def obj = new groovy.json.JsonSlurperClassic().parseText(json)
echo "parsed (sorted, a HashMap has no stable order): ${obj.sort()}"
echo "class: ${obj.getClass().getName()}"
echo "name: ${obj.name} version: ${obj.version} (${obj.version.getClass().getSimpleName()})"
echo "ratio: ${obj.ratio} (${obj.ratio.getClass().getSimpleName()})"
echo "big: ${obj.big.getClass().getSimpleName()}"
echo "ok: ${obj.ok} (${obj.ok.getClass().getSimpleName()}) none: ${obj.none}"
echo "tags: ${obj.tags} (${obj.tags.getClass().getSimpleName()})"
echo "nested.k: ${obj.nested.k} (${obj.nested.getClass().getSimpleName()})"
echo "keys: ${obj.keySet().sort()}"
echo "one-key map prints plainly: ${new groovy.json.JsonSlurperClassic().parseText('{"only": [1, {"x": null}]}')}"
echo "missing: ${obj.missing}"
