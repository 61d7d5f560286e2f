echo "as boolean: ${0 as boolean} ${1 as boolean} ${'' as boolean} ${'x' as boolean}"
echo "asBoolean: ${[].asBoolean()} ${[0].asBoolean()} ${null.asBoolean()}"
echo "Boolean cast of list: ${(boolean) []}"
echo "'false'.toBoolean(): ${'false'.toBoolean()} vs as boolean: ${'false' as boolean}"
echo "Boolean.valueOf: ${Boolean.valueOf('TRUE')}"
def flag = 'true'
echo "param string compare: ${flag == 'true'} ${flag == true}"
echo "toBoolean on Boolean-ish: ${'y'.toBoolean()}"
