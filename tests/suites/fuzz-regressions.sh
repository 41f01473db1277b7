#!/usr/bin/env bash
# Every input the fuzzer ever crashed on (tests/fuzz/regressions/) stays fixed: the whole
# pipeline ends in a located error or a clean result, and the formatter is idempotent.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
for file in "$JRN_ROOT"/tests/fuzz/regressions/*; do
    name="fuzz regression $(basename "$file")"
    problems=()
    for command in check lint flow; do
        timeout 60 "$JRNC" $command "$file" > /dev/null 2> err.txt; status=$?
        [ "$status" -le 1 ] || problems+=("$command: exit $status" "$(head -c 800 err.txt)")
    done
    if timeout 60 "$JRNC" fmt - < "$file" > once.jrn 2> err.txt; then
        timeout 60 "$JRNC" fmt - < once.jrn > twice.jrn 2>> err.txt
        cmp -s once.jrn twice.jrn || problems+=("fmt is not idempotent" "$(diff once.jrn twice.jrn | head -20)")
    else
        status=$?
        [ "$status" -le 1 ] || problems+=("fmt: exit $status" "$(head -c 800 err.txt)")
    fi
    if [ ${#problems[@]} -eq 0 ]; then pass "$name"; else fail "$name" "${problems[@]}"; fi
done
