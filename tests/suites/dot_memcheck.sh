#!/usr/bin/env bash
# Valgrind memcheck of the Graphviz back end: writing DOT loses nothing at all; rendering
# in-process (-T) loses nothing of jrnc's own (tests/dot/graphviz.supp names what
# Graphviz, pango and fontconfig keep, which `dot` itself loses too).
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "dot memcheck" "valgrind is missing"; exit 0; fi
data="$JRN_ROOT/tests/dot"

# memcheck NAME VALGRIND-OPTION... -- JRNC-ARGUMENT...
memcheck() {
    local name=$1; shift
    local options=()
    while [ "$1" != "--" ]; do options+=("$1"); shift; done
    shift
    valgrind --quiet --error-exitcode=97 --leak-check=full --num-callers=60 \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        "${options[@]}" "$JRNC" "$@" > /dev/null 2> valgrind.txt
    local status=$?
    if [ "$status" -eq 97 ] || grep -q '==[0-9]*==' valgrind.txt; then
        fail "$name" "$(head -c 3000 valgrind.txt)"
    elif [ "$status" -ne 0 ]; then
        fail "$name" "exit $status" "$(head -c 2000 valgrind.txt)"
    else
        pass "$name"
    fi
}

for map in "$JRN_ROOT"/examples/*.jrn "$data"/hostile.jrn "$data"/sub_stages.jrn; do
    memcheck "DOT of $(basename "$map")" -- "$map"
done
memcheck "DOT, spine view" -- --view spine "$data/sub_stages.jrn"
memcheck "DOT, journey view" -- --view journey=admin_path "$data/acme.jrn"
memcheck "DOT, persona view with nothing to show" -- --view persona=idle "$data/sub_stages.jrn"
supp="--suppressions=$data/graphviz.supp"
memcheck "-T svg" "$supp" -- -T svg "$data/acme.jrn"
memcheck "-T png" "$supp" -- -T png "$data/hostile.jrn"
memcheck "-T pdf" "$supp" -- -T pdf --view spine "$data/sub_stages.jrn"
