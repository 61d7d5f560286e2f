def e = new IllegalStateException('bad state')
echo "exception: ${e}"
echo "message: ${e.message}"
echo "class: ${e.getClass().name}"
def list = [e, new RuntimeException('r')]
echo "list: ${list}"
def wrapped = new RuntimeException('outer', e)
echo "cause: ${wrapped.cause.message}"
echo "no message: ${new RuntimeException()}"
echo "message null: ${new RuntimeException().message}"
echo "instanceof: ${e instanceof RuntimeException}"
