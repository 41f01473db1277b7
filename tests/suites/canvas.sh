#!/usr/bin/env bash
# seconds: 40
# sanitizer seconds: 40
# The journey-map canvas (--view canvas): every map renders with the real `dot` (silently,
# well-formed SVG) as a whole, per persona, for all its personas at once and with chosen
# lanes; the grid read back from the DOT has the stage columns in spine order, the lanes
# with content and every touchpoint in its own stage's column (tests/canvas/grid.py);
# golden DOT files; hostile text survives as text; big maps stay bounded and no wider than
# 3:1; usage mistakes are usage errors. UPDATE=1 rewrites the golden files (review the diff!).
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
data="$JRN_ROOT/tests/canvas"
grid="$data/grid.py"

if ! have dot; then skip "canvas" "Graphviz's dot is missing (tests/deps/dot.sh)"; exit 0; fi
if ! have xmllint; then skip "canvas" "xmllint is missing (tests/deps/dot.sh)"; exit 0; fi

# render NAME DOTFILE: dot -Tsvg must succeed silently and give well-formed SVG (render.svg).
render() {
    local name=$1 file=$2
    if ! timeout 60 dot -Tsvg "$file" > render.svg 2> render.err; then
        fail "$name" "dot failed" "$(head -c 2000 render.err)"; return 1
    fi
    if [ -s render.err ]; then fail "$name" "dot wrote to stderr" "$(head -c 2000 render.err)"; return 1; fi
    if ! xmllint --noout render.svg 2> xml.err; then
        fail "$name" "the SVG is not well-formed" "$(head -c 2000 xml.err)"; return 1
    fi
    return 0
}

# canvas_case NAME MAP LANES PERSONAS JRNC-ARGS...: the canvas renders silently, its grid
# holds, and it is no wider than 3:1 (grid.py reads the DOT, model.json and the SVG).
canvas_case() {
    local name=$1 map=$2 lanes=$3 personas=$4; shift 4
    if ! "$JRNC" --view canvas "$@" "$map" > canvas.dot 2> jrnc.err; then
        fail "$name: jrnc" "$(head -c 1000 jrnc.err)"; return
    fi
    if ! timeout 60 dot -Tsvg canvas.dot > render.svg 2> render.err || [ -s render.err ]; then
        fail "$name: dot renders it silently" "$(head -c 2000 render.err)"; return
    fi
    local report
    if report=$(python3 "$grid" canvas.dot model.json "$lanes" ${personas:+--personas "$personas"} --svg render.svg 2>&1); then
        pass "$name: renders, grid holds, $report"
    else fail "$name: grid and aspect" "$report"; fi
}

# ---- every map: whole, per persona, all personas, chosen lanes ----
maps=("$JRN_ROOT"/examples/*.jrn "$data"/small.jrn "$data"/hostile.jrn "$JRN_ROOT"/tests/dot/sub_stages.jrn)
for map in "${maps[@]}"; do
    label=${map#"$JRN_ROOT"/}
    "$JRNC" -f json "$map" > model.json 2> /dev/null || { fail "$label: -f json" "$(head -c 500 model.json)"; continue; }
    canvas_case "$label" "$map" auto ""
    mapfile -t ids < <(python3 -c 'import json,sys; print("\n".join(p["id"] for p in json.load(open(sys.argv[1]))["personas"]))' model.json)
    args=()
    for id in "${ids[@]}"; do
        # each persona of the maps built for it; all personas at once of every map
        case "$label" in examples/broadband_move.jrn|examples/b2c_ebike.jrn|tests/canvas/small.jrn)
            canvas_case "$label --persona $id" "$map" auto "$id" --persona "$id" ;;
        esac
        args+=(--persona "$id")
    done
    if [ "${#ids[@]}" -gt 1 ]; then
        all=$(IFS=,; echo "${ids[*]}")
        canvas_case "$label, all ${#ids[@]} personas" "$map" auto "$all" "${args[@]}"
    fi
done

# Chosen lanes come in the canvas's order, whatever order they are asked in; an asked lane
# with nothing in it is left out like any other.
move="$JRN_ROOT/examples/broadband_move.jrn"
"$JRNC" -f json "$move" > model.json
canvas_case "--lanes pains,doing,feeling,touchpoints" "$move" "Stage,Doing,Touchpoints,Feeling,Pain points" "" \
    --lanes pains,doing,feeling,touchpoints
canvas_case "--lanes stage" "$move" "Stage" "" --lanes stage
"$JRNC" -f json "$JRN_ROOT/examples/acme_post_sales.jrn" > model.json
canvas_case "--lanes thinking,kpis on a map that thinks nothing" "$JRN_ROOT/examples/acme_post_sales.jrn" "Stage,KPIs" "" \
    --lanes thinking,kpis

# The grid check can fail: a touchpoint moved to another stage's column is caught.
"$JRNC" --view canvas "$move" | sed 's/Order confirmation/Address check online/' > moved.dot
"$JRNC" -f json "$move" > model.json
if python3 "$grid" moved.dot model.json auto > moved.txt; then fail "the grid check catches a touchpoint in another column"
elif grep -q "belongs to another stage" moved.txt; then pass "the grid check catches a touchpoint in another column"
else fail "the grid check catches a touchpoint in another column" "$(cat moved.txt)"; fi

# ... and a stage's own note missing from its column (here the order stage's pain).
"$JRNC" --view canvas "$move" | sed 's/The price only shows at the/Another text/' > note.dot
if python3 "$grid" note.dot model.json auto > note.txt; then fail "the grid check catches a stage note out of its column"
elif grep -q "column 'order', lane Pain points: the stage's note" note.txt; then
    pass "the grid check catches a stage note out of its column"
else fail "the grid check catches a stage note out of its column" "$(cat note.txt)"; fi

# ... and a stage's now mark off the shared emotion scale (moved down 10 points in the SVG).
"$JRNC" --view canvas "$move" > scale.dot && dot -Tsvg scale.dot > scale.svg
python3 - scale.svg <<'PY'
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
# the last now mark (U+25A0) drawn in a band: 10 points lower
marks = [m for m in re.finditer(r'y="(-?[0-9.]+)"([^>]*>)\u25a0<', svg)]
mark = marks[-2]   # the last is the key's
svg = svg[:mark.start(1)] + str(float(mark.group(1)) + 10) + svg[mark.end(1):]
open(sys.argv[1], "w", encoding="utf-8").write(svg)
PY
if python3 "$grid" scale.dot model.json auto --svg scale.svg > scale.txt; then fail "the grid check catches a mark off the shared scale"
elif grep -q "emotion .* drawn at heights\|is drawn below" scale.txt; then pass "the grid check catches a mark off the shared scale"
else fail "the grid check catches a mark off the shared scale" "$(cat scale.txt)"; fi

# ... and a join of the stages' curve left unfilled (the first red strip at a column's edge).
"$JRNC" --view canvas "$move" | python3 -c '
import sys
dot = sys.stdin.read()
join = "WIDTH=\"2\" HEIGHT=\"2\" BGCOLOR=\"#9B1C1C\""
at = dot.index(join)
sys.stdout.write(dot[:at] + "WIDTH=\"2\" HEIGHT=\"2\"" + dot[at + len(join):])' > curve.dot
if python3 "$grid" curve.dot model.json auto > curve.txt; then fail "the grid check catches a broken curve"
elif grep -q "the join from row" curve.txt; then pass "the grid check catches a broken curve"
else fail "the grid check catches a broken curve" "$(cat curve.txt)"; fi

# ---- golden DOT files ----
golden() {   # golden NAME ARGS...: tests/canvas/small.NAME.dot is jrnc --view canvas ARGS small.jrn
    local name=$1; shift
    local expected="$data/small.$name.dot"
    (cd "$data" && "$JRNC" --view canvas "$@" small.jrn) > actual.dot 2> jrnc.err
    if [ "${UPDATE:-}" = 1 ]; then cp actual.dot "$expected"; fi
    if cmp -s actual.dot "$expected"; then pass "golden small.$name.dot"
    else fail "golden small.$name.dot" "$(diff "$expected" actual.dot | head -n 20)" "$(head -c 500 jrnc.err)"; fi
}
golden canvas
golden lanes --lanes doing,touchpoints,feeling,pains
golden personas --persona ana --persona ben
"$JRNC" --view canvas "$move" > once.dot && "$JRNC" --view canvas "$move" > twice.dot
cmp -s once.dot twice.dot && pass "the canvas is byte-identical from run to run" || fail "the canvas is byte-identical from run to run"

# ---- what the cells say ----
"$JRNC" --view canvas --persona commuter "$JRN_ROOT/examples/b2c_ebike.jrn" > commuter.dot
if ! grep -q 'Test ride at a partner' commuter.dot && grep -q 'Finance and cycle-to-work' commuter.dot; then
    pass "--persona commuter: the parent's test ride is left out, the commuter's calculator is in"
else fail "--persona commuter: whose touchpoints" "$(grep -o 'Test ride[^<]*' commuter.dot | head -2)"; fi
"$JRNC" --view canvas --persona renter --persona family "$move" > both.dot
if grep -q 'only <FONT\|only \xE2' both.dot || grep -q 'only ' both.dot; then
    pass "several personas: a touchpoint only one lives says whose it is"
else fail "several personas: a touchpoint only one lives says whose it is"; fi
if grep -q 'Renter moving flats (mean of their touchpoints)' both.dot &&
    grep -q 'Family buying a house (mean of their touchpoints)' both.dot; then
    pass "several personas: the key names each persona's mark"
else fail "several personas: the key names each persona's mark"; fi
"$JRNC" --view canvas --data "$JRN_ROOT/examples/acme_actuals.csv" "$JRN_ROOT/examples/acme_post_sales.jrn" > data.dot
if grep -q '✓' data.dot && grep -q '✗' data.dot; then pass "--data: the KPI lane says met and missed"
else fail "--data: the KPI lane says met and missed" "$(grep -o 'KPI[^<]*' data.dot | head -5)"; fi
printf 'map bare "Bare"\n' > bare.jrn
"$JRNC" --view canvas bare.jrn > bare.dot && render "an empty map" bare.dot && grep -q 'No stages yet' bare.dot &&
    pass "an empty map renders a note" || fail "an empty map renders a note" "$(cat bare.dot | head -c 500)"

# ---- hostile text: markup, entities, quotes, backslashes, bidi controls stay text ----
(cd "$data" && "$JRNC" --view canvas hostile.jrn) > hostile.dot
if render "hostile canvas renders" hostile.dot; then
    python3 "$JRN_ROOT/tests/dot/svg_texts.py" render.svg > hostile.txt
    missing=()
    while IFS= read -r needle; do grep -qF -- "$needle" hostile.txt || missing+=("$needle"); done < "$data/hostile.texts"
    [ "${#missing[@]}" -eq 0 ] && pass "hostile canvas: every text reaches the SVG as text" \
        || fail "hostile canvas: texts missing from the SVG" "${missing[@]}"
    # an override in a scale label is closed before jrnc's ")" (U+202E ... U+202C)
    if grep -q $'best\u202e\u202c)' hostile.txt; then pass "hostile canvas: a bidi override never reaches jrnc's text"
    else fail "hostile canvas: a bidi override is closed" "$(grep -a 'best' hostile.txt | od -c | head -5)"; fi
fi

# ---- bounded: 2,000 touchpoints in seconds, as many cells as a picture shows ----
gen="$JRN_ROOT/tests/bench/layout_maps.py"
python3 "$gen" spread 2000 spread2000.jrn
# CPU seconds, not wall time: the machine is shared (under the sanitizers about 3 s)
TIMEFORMAT='%U %S'
{ time timeout 120 "$JRNC" -T png --view canvas spread2000.jrn > big.png 2> big.err; } 2> cpu.txt
status=$?
cpu=$(awk '{ printf "%.2f", $1 + $2 }' cpu.txt 2>/dev/null)
if [ "$status" -eq 0 ] && python3 -c "import sys; sys.exit(0 if ${cpu:-99} < 10 else 1)" &&
    grep -q "warning: spread2000.jrn: A cell lists at most 8 items" big.err &&
    [ "$(head -c 4 big.png | od -An -c | tr -d ' ')" = '211PNG' ]; then
    pass "2,000 touchpoints over 40 stages: -T png in ${cpu} s CPU, cells cut at 8 items with a warning"
else fail "2,000 touchpoints over 40 stages: -T png bounded" "exit $status after ${cpu} s CPU" "$(head -c 600 big.err)"; fi
for case in "spread 2000" "tall 2000" "star 2000"; do
    set -- $case
    [ -f "$1$2.jrn" ] || python3 "$gen" "$1" "$2" "$1$2.jrn"
    "$JRNC" -f json "$1$2.jrn" > model.json
    canvas_case "$1 $2 through dot" "$1$2.jrn" auto ""
done

# ---- bands: --stages-per-row, and the 10-stage, 40-touchpoint map on one band ----
b2b="$JRN_ROOT/examples/b2b_logistics.jrn"
"$JRNC" --view canvas --stages-per-row 3 "$b2b" > rows.dot
bands=$(grep -oE '^\s*band_[0-9]+' rows.dot | sort -u | wc -l)
[ "$bands" -eq 3 ] && pass "--stages-per-row 3: nine top-level stages in three bands" \
    || fail "--stages-per-row 3: three bands" "$bands bands"

# ---- -T renders the canvas in-process ----
"$JRNC" -T svg --view canvas "$move" > inproc.svg 2> inproc.err
if xmllint --noout inproc.svg 2>/dev/null && [ ! -s inproc.err ] && grep -q 'Engineer visit' inproc.svg; then
    pass "-T svg --view canvas"; else fail "-T svg --view canvas" "$(head -c 500 inproc.err)"; fi

# ---- usage mistakes ----
expect_exit_output "--lanes with a lane that is none: exit 2, the list" 2 "no lane 'doings'; did you mean 'doing'" \
    "$JRNC" --view canvas --lanes touchpoints,doings "$move"
expect_exit_output "--lanes with an empty word: exit 2" 2 "no lane ''" "$JRNC" --view canvas --lanes doing, "$move"
expect_exit_output "--persona unknown: exit 2, suggestion" 2 "no persona 'rentr' in the map; did you mean 'renter'" \
    "$JRNC" --view canvas --persona rentr "$move"
expect_exit_output "--lanes without --view canvas: exit 2" 2 "add --view canvas" "$JRNC" --lanes doing "$move"
expect_exit_output "--persona without --view canvas: exit 2" 2 "add --view canvas" "$JRNC" --persona renter "$move"
expect_exit_output "--view canvass: exit 2, the views" 2 "flow, canvas or blueprint" "$JRNC" --view canvass "$move"
