def config = [name: 'svc']
echo "name: ${config.name}"
echo "missing key is null: ${config.nam}"
echo "now a typo in a variable name:"
echo "${confg.name}"
