#!/usr/bin/env bash
# A map edited while jrnc reads it: jrnc reads a file from disk at each parse instead of
# holding its text, so it must notice a file that is not the one it first read, say so
# and exit 2, never act on a mix of the two. A preloaded open() (tests/changing/) edits
# the file just before jrnc's Nth opening of it. A clean map is opened twice: 1 looks at
# it, 2 is the single pass (src/sema_one_pass.c), which reads and indexes it. A map with
# an error is opened six times: the single pass gives up at the error and two passes
# start again: 3 reads and indexes it, 4 is their loading parse, 5 their applying parse,
# 6 reads the text for a diagnostic's source line.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
have cc || { skip "changing input" "no C compiler"; exit 0; }
cc -shared -fPIC -o change_on_open.so "$JRN_ROOT/tests/changing/change_on_open.c" -ldl 2> cc.txt ||
    { fail "the open() double builds" "$(cat cc.txt)"; exit 0; }
# The sanitizer runtime wants to be first; the double only wraps open().
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"

write_map() {
    printf 'stage s "S" {\n  touchpoint t "T" { channel: web%s }\n}\n' "$1" > map.jrn
}

run_changing() { # AT -> exit status in $status, stderr in err.txt
    CHANGE_PATH="$PWD/map.jrn" CHANGE_AT="$1" LD_PRELOAD="$PWD/change_on_open.so" \
        "$JRNC" check "$PWD/map.jrn" > out.txt 2> err.txt
    status=$?
}

write_map ""
run_changing 99
if [ "$status" -eq 0 ]; then pass "a map left alone checks clean"
else fail "a map left alone checks clean" "exit $status" "$(cat err.txt)"; fi

for case in ":2" "  effort: 9:2" "  effort: 9:4" "  effort: 9:5"; do
    write_map "${case%:*}"
    at=${case##*:}
    run_changing "$at"
    kind="a clean map"; [ -n "${case%:*}" ] && kind="a map with an error"
    name="edited before read $at of $kind: exit 2, and it says so"
    if [ "$status" -eq 2 ] && grep -q "map.jrn' changed while jrnc was reading it" err.txt; then pass "$name"
    else fail "$name" "exit $status" "$(cat err.txt)"; fi
done

# Edited between the single pass and the two passes: they read the edited file, whole.
write_map "  effort: 9"
run_changing 3
name="edited before two passes start: they check the edited file"
if [ "$status" -eq 1 ] && grep -q "map.jrn:2:.*error: effort 9 is out of range" err.txt; then pass "$name"
else fail "$name" "exit $status" "$(cat err.txt)"; fi

# An error found in a file that is then edited: the message still says where.
write_map "  effort: 9"
run_changing 6
name="edited before a diagnostic reads its line: still a located error"
if [ "$status" -eq 1 ] && grep -q "map.jrn:2:.*error: effort 9 is out of range" err.txt; then pass "$name"
else fail "$name" "exit $status" "$(cat err.txt)"; fi
