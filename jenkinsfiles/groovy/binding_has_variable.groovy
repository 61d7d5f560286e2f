flag = true
echo "hasVariable flag: ${binding.hasVariable('flag')}"
echo "hasVariable nope: ${binding.hasVariable('nope')}"
def localOnly = 1
echo "hasVariable localOnly: ${binding.hasVariable('localOnly')}"
binding.setVariable('injected', 'from binding')
echo "injected: ${injected}"
