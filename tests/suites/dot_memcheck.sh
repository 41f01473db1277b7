#!/usr/bin/env bash
# Valgrind memcheck of the Graphviz back end: writing DOT loses nothing at all; rendering
# in-process (-T) loses nothing of jrnc's own (tests/dot/graphviz.supp names what
# Graphviz, pango and fontconfig keep, which `dot` itself loses too).
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "dot memcheck" "valgrind is missing"; exit 0; fi
data="$JRN_ROOT/tests/dot"

for map in "$JRN_ROOT"/examples/*.jrn "$data"/hostile.jrn "$data"/sub_stages.jrn; do
    memcheck "DOT of $(basename "$map")" "$JRNC" "$map"
done
memcheck "DOT, spine view" "$JRNC" --view spine "$data/sub_stages.jrn"
memcheck "DOT, journey view" "$JRNC" --view journey=admin_path "$data/acme.jrn"
memcheck "DOT, persona view with nothing to show" "$JRNC" --view persona=idle "$data/sub_stages.jrn"
memcheck "DOT, canvas of two personas" "$JRNC" --view canvas --persona renter --persona family \
    "$JRN_ROOT/examples/broadband_move.jrn"
MEMCHECK_OPTIONS=("--suppressions=$data/graphviz.supp")
memcheck "-T svg" "$JRNC" -T svg "$data/acme.jrn"
memcheck "-T png" "$JRNC" -T png "$data/hostile.jrn"
memcheck "-T pdf" "$JRNC" -T pdf --view spine "$data/sub_stages.jrn"
memcheck "-T svg --view canvas" "$JRNC" -T svg --view canvas "$JRN_ROOT/tests/canvas/hostile.jrn"
