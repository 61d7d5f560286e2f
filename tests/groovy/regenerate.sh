#!/bin/sh
# Rewrites the expected outputs of the interpreter conformance suite: runs every
# jenkinsfiles/groovy/*.groovy through real Groovy 2.4.21 (tests/groovy/RunSnippets.java, one JVM) and
# stores what each printed in NAME.out beside NAME.groovy. Never edit a .out file by hand.
#
# Usage: tests/groovy/regenerate.sh [jenkinsfiles/groovy/NAME.groovy...]   (paths from the repository root;
#        all snippets when none are named)
# Groovy's jars come from JEEVES_GROOVY_LIB, else /usr/share/groovy/lib (`apt-get install -y groovy`).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
lib=${JEEVES_GROOVY_LIB:-/usr/share/groovy/lib}
for jar in groovy-2.4.21.jar antlr.jar asm.jar; do
    if [ ! -f "$lib/$jar" ]; then
        echo "regenerate.sh: $lib/$jar is missing;" \
            "install Groovy (apt-get install -y groovy) or set JEEVES_GROOVY_LIB" >&2
        exit 1
    fi
done
classpath="$lib/groovy-2.4.21.jar:$lib/antlr.jar:$lib/asm.jar"

if [ "$#" -eq 0 ]; then
    set -- jenkinsfiles/groovy/*.groovy
fi

output=$(mktemp)
trap 'rm -f "$output"' EXIT
java -cp "$classpath" tests/groovy/RunSnippets.java "$@" >"$output"

# Split the "=== <path>" sections into <path minus .groovy>.out (a section may be empty). A header is only
# taken as one when it names the next snippet, so a snippet printing "=== " cannot cut its own output.
paths=$(mktemp)
trap 'rm -f "$output" "$paths"' EXIT
printf '%s\n' "$@" >"$paths"
awk -v paths="$paths" '
    BEGIN { while ((getline p < paths) > 0) expected[++n] = p }
    $0 == "=== " expected[count + 1] {
        if (file != "") close(file)
        file = expected[++count]
        sub(/\.groovy$/, ".out", file)
        printf "" > file
        next
    }
    file != "" { print > file }
    END {
        if (count != n) {
            printf "regenerate.sh: Groovy answered for %d of %d snippets\n", count, n > "/dev/stderr"
            exit 1
        }
        printf "%d expected outputs written\n", count > "/dev/stderr"
    }
' "$output"
