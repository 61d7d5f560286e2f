def a = '''
    def x = 1
      nested
    end
'''
echo "[${a.stripIndent()}]"
def b = '''|first
           |  second
           |third'''
echo b.stripMargin()
def c = '''#one
  #two'''
echo c.stripMargin('#')
def d = '''
    a
      b'''
echo "[${d.stripIndent()}]"
echo "stripIndent on single: [${'   x'.stripIndent()}]"
