#!/usr/bin/env bash
# Valgrind memcheck of the reports: -f json, csv, md and html leak nothing and touch no
# memory they should not, on the largest example and on the hostile map.
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "reports memcheck" "valgrind is missing"; exit 0; fi

# Graphviz keeps plugin tables for the life of the process ("still reachable"), and its
# layout and text measuring lose memory of their own (tests/dot/graphviz.supp names
# those libraries): only jrnc's definite and indirect leaks, and memory errors, fail.
MEMCHECK_OPTIONS=("--suppressions=$JRN_ROOT/tests/dot/graphviz.supp")
for map in "$JRN_ROOT/examples/b2b_logistics.jrn" "$JRN_ROOT/tests/reports/hostile.jrn"; do
    for format in json csv md html; do
        memcheck "-f $format $(basename "$map")" "$JRNC" -f "$format" "$map" -o out
    done
done
