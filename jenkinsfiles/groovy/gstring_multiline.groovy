def items = ['a', 'b']
def report = """\
Report:
  items: ${items.size()}
  first: ${items[0]}
  joined: ${items.join(', ')}"""
echo report
echo "lines: ${report.readLines().size()}"
def tpl = """${items.collect { "<${it}>" }.join('')}"""
echo tpl
