echo 'single \'quoted\' with \\ backslash'
echo "double \"quoted\" with \$dollar"
echo "tab[\t]"
echo 'no ${interpolation} here'
echo "unicode: \u00e9 \u2713"
echo "slashy: ${/a\b\d+/}"
echo "dollar slashy: ${$/path\to\file $$5/$}"
echo "octal-ish: ${'\0'.size()}"
echo 'line1\nline2'
echo "size of escaped: ${'a\tb'.size()}"
