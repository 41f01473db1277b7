#!/usr/bin/env bash
# Valgrind memcheck of jrnc lint: no leak and no memory error in any output form, with
# suppressions, relocated findings, compile errors and unreadable files in the run.
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "lint memcheck" "valgrind is missing"; exit 0; fi

# Runs here include broken and unreadable files: exit 0, 1 or 2 is theirs; valgrind decides.
MEMCHECK_MAX_STATUS=2

cases="$JRN_ROOT/tests/lint/cases"
files=("$JRN_ROOT"/examples/*.jrn "$cases"/trapped-loop-fires.jrn "$cases"/effort-spike-fires.jrn
       "$cases"/bad-suppression-fires.jrn "$cases"/unknown-rule-fires.jrn "$cases"/suppress-use-line.jrn
       "$cases"/compile-error.jrn "$TMP_DIR/no-such-map.jrn")
for format in gcc json sarif; do
    memcheck "lint --format $format" "$JRNC" lint --today 2026-11-23 -W unused-suppression --format "$format" "${files[@]}"
done
