def name = 'jeeves'
def single = '''no $name here
second'''
def dbl = """Hello ${name}
  indented ${name.size()}"""
echo single
echo dbl
echo """${'"'}quoted${'"'}"""
echo '''it's "fine"'''
def empty = """"""
echo "empty: [${empty}] ${empty.isEmpty()}"
