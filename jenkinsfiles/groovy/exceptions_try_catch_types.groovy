def attempt(Closure c) {
    try {
        c()
        return 'ok'
    } catch (IllegalArgumentException e) {
        return "IAE: ${e.message}"
    } catch (IllegalStateException e) {
        return "ISE: ${e.message}"
    } catch (RuntimeException e) {
        return "RTE ${e.getClass().name}: ${e.message}"
    } catch (Exception e) {
        return "Exception ${e.getClass().name}: ${e.message}"
    }
}
echo attempt { throw new IllegalArgumentException('bad arg') }
echo attempt { throw new IllegalStateException('bad state') }
echo attempt { throw new UnsupportedOperationException('nope') }
echo attempt { throw new IOException('disk') }
echo attempt { 1 / 0 }
echo attempt { null.foo() }
echo attempt { 'fine' }
