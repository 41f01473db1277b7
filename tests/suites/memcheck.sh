#!/usr/bin/env bash
# Valgrind memcheck: no leak and no memory error on a full compile of every example.
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "memcheck" "valgrind is missing"; exit 0; fi

# Graphviz keeps plugin tables for the life of the process: those are "still reachable",
# never "definitely" or "indirectly lost", so only real leaks and errors fail.
memcheck() {
    local name=$1; shift
    valgrind --quiet --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect "$@" > /dev/null 2> valgrind.txt
    local status=$?
    if [ "$status" -eq 97 ] || grep -q '==[0-9]*==' valgrind.txt; then
        fail "$name" "$(head -c 3000 valgrind.txt)"
    elif [ "$status" -gt 1 ]; then
        fail "$name" "exit $status" "$(head -c 2000 valgrind.txt)"
    else
        pass "$name"
    fi
}

for example in "$JRN_ROOT"/examples/*.jrn; do
    base=$(basename "$example")
    memcheck "check $base" "$JRNC" check "$example"
done
memcheck "check with errors" "$JRNC" check "$JRN_ROOT/tests/check/errors/syntax-errors.jrn"
memcheck "check with resolution errors" "$JRNC" check "$JRN_ROOT/tests/check/errors/wrong-kind.jrn"
