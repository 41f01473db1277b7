#!/usr/bin/env bash
# Valgrind memcheck: no leak and no memory error on a full compile of every example.
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "memcheck" "valgrind is missing"; exit 0; fi

# Commands here may exit 0 or with the input-error status; only valgrind decides.
MEMCHECK_MAX_STATUS=1

for example in "$JRN_ROOT"/examples/*.jrn; do
    base=$(basename "$example")
    memcheck "check $base" "$JRNC" check "$example"
done
memcheck "check with errors" "$JRNC" check "$JRN_ROOT/tests/check/errors/syntax-errors.jrn"
memcheck "check with resolution errors" "$JRNC" check "$JRN_ROOT/tests/check/errors/wrong-kind.jrn"
