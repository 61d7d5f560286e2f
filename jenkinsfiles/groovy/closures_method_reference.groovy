def words = ['b', 'a', 'c']
def str = String.&valueOf
echo "static method pointer on class: ${[1, true].collect(str)}"
def s = 'hello'
def sz = s.&size
echo "bound method pointer: ${sz()}"
def twice(x) { x * 2 }
def tw = this.&twice
echo "script method pointer: ${[1, 2].collect(tw)}"
def parse = Integer.&parseInt
echo "static pointer: ${['1', '22'].collect(parse)}"
echo "pointer is closure: ${tw instanceof Closure}"
