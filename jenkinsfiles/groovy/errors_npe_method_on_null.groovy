def result = [a: null]
echo "value: ${result.a}"
echo "safe call: ${result.a?.bar()}"
echo "unsafe call:"
result.a.bar()
