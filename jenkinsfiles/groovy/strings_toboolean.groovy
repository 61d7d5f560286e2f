['true', 'TRUE', 'True', 'y', 'Y', '1', 'yes', 'false', '0', 'no', 'n', ' true ', 'on', ''].each { s ->
    echo "'${s}'.toBoolean() = ${s.toBoolean()}"
}
echo "Boolean.valueOf('yes'): ${Boolean.valueOf('yes')}"
echo "'false' in if: ${'false' ? 'truthy' : 'falsy'}"
