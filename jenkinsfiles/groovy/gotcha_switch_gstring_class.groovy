def v = "value-${1}"
switch (v) {
    case String:
        echo 'a GString is a String?'
        break
    case GString:
        echo 'a GString is not a String: matched case GString'
        break
}
switch (v.toString()) {
    case String:
        echo 'after toString it is a String'
}
switch (v) {
    case 'value-1':
        echo 'but it equals the String literal case'
}
