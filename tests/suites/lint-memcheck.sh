#!/usr/bin/env bash
# Valgrind memcheck of jrnc lint: no leak and no memory error in any output form, with
# suppressions, relocated findings, compile errors and unreadable files in the run.
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "lint memcheck" "valgrind is missing"; exit 0; fi

memcheck() {
    local name=$1; shift
    valgrind --quiet --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect "$@" > /dev/null 2> valgrind.txt
    local status=$?
    if [ "$status" -eq 97 ] || grep -q '==[0-9]*==' valgrind.txt; then
        fail "$name" "$(head -c 3000 valgrind.txt)"
    elif [ "$status" -gt 2 ]; then
        fail "$name" "exit $status" "$(head -c 2000 valgrind.txt)"
    else
        pass "$name"
    fi
}

cases="$JRN_ROOT/tests/lint/cases"
files=("$JRN_ROOT"/examples/*.jrn "$cases"/trapped-loop-fires.jrn "$cases"/effort-spike-fires.jrn
       "$cases"/bad-suppression-fires.jrn "$cases"/unknown-rule-fires.jrn "$cases"/suppress-use-line.jrn
       "$cases"/compile-error.jrn "$TMP_DIR/no-such-map.jrn")
for format in gcc json sarif; do
    memcheck "lint --format $format" "$JRNC" lint --today 2026-11-23 -W unused-suppression --format "$format" "${files[@]}"
done
