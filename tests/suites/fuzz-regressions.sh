#!/usr/bin/env bash
# Every input a fuzzer ever crashed on stays fixed, replayed through jrnc itself (plain and,
# under make check, the sanitizer build): a map (tests/fuzz/regressions/) ends in a located
# error or a clean result through check, lint and flow, and the formatter is idempotent; a
# --data CSV file (tests/fuzz/regressions-csv/) against examples/acme_post_sales.jrn, and
# two maps for jrnc diff (tests/fuzz/regressions-diff/, split at the line "==> new <=="),
# end the same way, the diff's text holding no terminal control and its Markdown no HTML.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1

# A run that crashed, hung or drew a sanitizer report: exit above limit (98, 99, a signal,
# 124 for timeout) or a report on stderr.
crashed() { [ "$1" -gt "$2" ] || grep -q 'runtime error\|Sanitizer' err.txt; }

for file in "$JRN_ROOT"/tests/fuzz/regressions/*; do
    name="fuzz regression $(basename "$file")"
    problems=()
    for command in check lint flow; do
        timeout 60 "$JRNC" $command "$file" > /dev/null 2> err.txt; status=$?
        crashed "$status" 1 && problems+=("$command: exit $status" "$(head -c 800 err.txt)")
    done
    if timeout 60 "$JRNC" fmt - < "$file" > once.jrn 2> err.txt; then
        timeout 60 "$JRNC" fmt - < once.jrn > twice.jrn 2>> err.txt
        cmp -s once.jrn twice.jrn || problems+=("fmt is not idempotent" "$(diff once.jrn twice.jrn | head -20)")
    else
        status=$?
        crashed "$status" 1 && problems+=("fmt: exit $status" "$(head -c 800 err.txt)")
    fi
    if [ ${#problems[@]} -eq 0 ]; then pass "$name"; else fail "$name" "${problems[@]}"; fi
done

map="$JRN_ROOT/examples/acme_post_sales.jrn"
for file in "$JRN_ROOT"/tests/fuzz/regressions-csv/*; do
    name="fuzz regression csv $(basename "$file")"
    problems=()
    for command in "lint --today 2026-11-23" "-f json" "-f md" "-f csv" "flow" "flow --format json"; do
        # shellcheck disable=SC2086
        timeout 60 "$JRNC" $command --data "$file" "$map" > /dev/null 2> err.txt; status=$?
        crashed "$status" 1 && problems+=("$command: exit $status" "$(head -c 800 err.txt)")
        [[ "$(cat err.txt)" == *$'\033'* ]] && problems+=("$command: an ESC reached the terminal")
    done
    if [ ${#problems[@]} -eq 0 ]; then pass "$name"; else fail "$name" "${problems[@]}"; fi
done

for file in "$JRN_ROOT"/tests/fuzz/regressions-diff/*; do
    name="fuzz regression diff $(basename "$file")"
    problems=()
    python3 - "$file" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
separator = b"\n==> new <==\n"
at = data.find(separator)
old, new = (data, data) if at < 0 else (data[:at + 1], data[at + len(separator):])
open("old.jrn", "wb").write(old)
open("new.jrn", "wb").write(new)
PY
    for format in text md json; do
        timeout 60 "$JRNC" diff --format "$format" old.jrn new.jrn > out.txt 2> err.txt; status=$?
        crashed "$status" 2 && problems+=("diff --format $format: exit $status" "$(head -c 800 err.txt)")
        if [ "$format" = text ] && LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' out.txt; then
            problems+=("diff text: a control character on the terminal" "$(cat -A out.txt | head -5)")
        fi
        if [ "$format" = md ] && grep -q '<[^b]\|<b[^r]' out.txt; then
            problems+=("diff md: raw HTML" "$(grep '<[^b]\|<b[^r]' out.txt | head -5)")
        fi
    done
    if [ ${#problems[@]} -eq 0 ]; then pass "$name"; else fail "$name" "${problems[@]}"; fi
done
