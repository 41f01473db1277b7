#!/usr/bin/env bash
# seconds: 5
# sanitizer seconds: 35
# The model keeps every resolved name's span (src/sema_resolve_name.c): a language server
# goes from any use of a name to its declaration and back with it. Held here on a map that
# uses every kind of name (counted by hand) and on every map in the tree that compiles:
# each reference's text is its target's id, and none is recorded twice
# (tests/model/references_check.c, plain and under the sanitizers).
source "$JRN_ROOT/tests/lib.sh"
check="$JRN_ROOT/build/release/references_check"
case "$JRNC" in */build/sanitize/*) check="$JRN_ROOT/build/sanitize/references_check" ;; esac
if [ ! -x "$check" ]; then fail "references check" "$check is not built (make check builds it)"; exit 0; fi
cd "$JRN_ROOT" || exit 1

map=tests/model/references.jrn
for expected in cs=5 smb=1 admin=3 kiosk=1 web=2 onboarding=3 setup=1 welcome=2 configure=2 csat=1; do
    "$check" "$map:$expected" | sed 's/^\(PASS\|FAIL\): references of /\1: references: /'
done

while IFS= read -r file; do
    "$JRNC" check "$file" > /dev/null 2>&1 && "$check" "$file"
done < <(find examples stdlib tests -name '*.jrn' ! -path '*/node_modules/*' | sort)
exit 0
