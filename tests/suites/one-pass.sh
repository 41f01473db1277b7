#!/usr/bin/env bash
# jrnc parses a map once when it can (src/sema_one_pass.c): each item is declared and
# applied as the parse meets it, an item naming something declared later is applied at the
# end, and anything else makes the single pass give up and start again with two passes.
# tests/passes/passes_oracle.c compiles each map both ways and compares every message
# (as printed), the JSON model and the lint findings: every map in the tree (the error
# cases included), the maps in tests/passes/ (one for each way of giving up, one of
# forward references, one of extends), and generated maps. Each map of ours must also
# have gone the way it was written for, so a single pass that always gave up could not
# pass. The sanitizer run uses the oracle built with the sanitizers.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
case "$JRNC" in
*/build/sanitize/*) oracle="$JRN_ROOT/build/sanitize/passes_oracle" ;;
*) oracle="$JRN_ROOT/build/release/passes_oracle" ;;
esac
if [ ! -x "$oracle" ]; then fail "passes oracle" "$oracle is not built (make check builds it)"; exit 0; fi

python3 "$JRN_ROOT/tests/bench/generate.py" 1000 bench1000 > /dev/null
# Every touchpoint names teams declared at the end: under the limit of syntax put aside,
# then over it (the single pass gives up rather than keep the whole tree).
python3 - <<'PY'
def forward_map(name, count):
    with open(name, "w") as out:
        out.write('map "Owners last" { owner: team_0 }\nstage s "S" {\n')
        for i in range(count):
            out.write(f'  touchpoint t{i} "T {i}" {{ channel: web  owner: team_{i % 3}  emotion: pleased }}\n')
        out.write('}\nstage u "U" {\n')
        for i in range(count):
            out.write(f'  touchpoint u{i} "U {i}" {{ owner: team_{i % 3} }}\n')
        out.write('}\n')
        for i in range(count):
            out.write(f'touchpoint v{i} "V {i}" in s {{ owner: team_{i % 3}  effort: 3 }}\n')
        out.write('team team_0 "Zero"\nteam team_1 "One"\nteam team_2 "Two"\n')
forward_map("forward-few.jrn", 50)
forward_map("forward-many.jrn", 6000)
PY

maps=()
while IFS= read -r file; do maps+=("$file"); done < <(cd "$JRN_ROOT" &&
    find examples stdlib tests docs -name '*.jrn' ! -path '*/node_modules/*' ! -path 'tests/passes/*' | sort)
(cd "$JRN_ROOT" && "$oracle" "${maps[@]}") > tree.txt
grep -E '^(PASS|FAIL): |^  ' tree.txt
one_pass=$(grep -c '(one pass)$' tree.txt)
[ "$one_pass" -ge 50 ] && pass "the single pass kept to the end on $one_pass of ${#maps[@]} maps in the tree" \
    || fail "the single pass keeps to the end on most maps in the tree" "only $one_pass of ${#maps[@]}"

# expect_way MAP WAY: the oracle's verdict on MAP, which must have gone WAY.
expect_way() {
    local map=$1 way=$2 line
    line=$("$oracle" "$map")
    echo "$line"
    case "$line" in
    "PASS: "*"($way)") pass "$(basename "$map") went this way: $way" ;;
    *) fail "$(basename "$map") went this way: $way" "$line" ;;
    esac
}
expect_way bench1000.jrn "one pass"
expect_way forward-few.jrn "one pass"
expect_way forward-many.jrn "gave up"
for map in forward extend; do expect_way "$JRN_ROOT/tests/passes/$map.jrn" "one pass"; done
for map in forward-error late-use extend-metric metric-after-emotion stage-deferred; do
    expect_way "$JRN_ROOT/tests/passes/$map.jrn" "gave up"
done
