def m = null
echo "m?.size(): ${m?.size()}"
echo "m?.a?.b: ${m?.a?.b}"
def cfg = [db: [host: 'localhost']]
echo "cfg.db?.host: ${cfg.db?.host}"
echo "cfg.cache?.host: ${cfg.cache?.host}"
echo "cfg?.db?.port ?: 5432: ${cfg?.db?.port ?: 5432}"
def list = null
echo "list?.first(): ${list?.first()}"
echo "list?.size() ?: 0: ${list?.size() ?: 0}"
echo "safe index: ${list?.getAt(0)}"
try {
    list.size()
} catch (e) {
    echo "without safe navigation: ${e}"
}
