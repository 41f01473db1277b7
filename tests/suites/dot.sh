#!/usr/bin/env bash
# seconds: 130
# sanitizer seconds: 205
# Graphviz output: every map that checks clean renders with the real `dot` (nothing on
# stderr, well-formed SVG) in every view; golden DOT files (tests/dot/NAME.jrn beside
# NAME.dot and NAME.VIEW.dot) catch any change of output; hostile and huge texts survive
# into the SVG; output is byte-identical across runs; -T renders in-process.
# UPDATE=1 rewrites the golden files from the current output (review the diff!).
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
data="$JRN_ROOT/tests/dot"

if ! have dot; then skip "dot" "Graphviz's dot is missing (tests/deps/dot.sh)"; exit 0; fi
if ! have xmllint; then skip "dot" "xmllint is missing (tests/deps/dot.sh)"; exit 0; fi

# prelude_option FILE: --no-prelude for a map that needs it (the check suite's naming
# convention), else nothing; jrnc_for FILE ARG...: jrnc with ARG... and that option on FILE.
prelude_option() { case "$1" in *no-prelude*) echo --no-prelude ;; esac; }
jrnc_for() {
    # shellcheck disable=SC2046  # one word or none
    "$JRNC" $(prelude_option "$1") "${@:2}" "$1"
}

# render NAME DOTFILE: dot -Tsvg must succeed silently and give well-formed SVG.
render() {
    local name=$1 file=$2
    if ! dot -Tsvg "$file" > render.svg 2> render.err; then
        fail "$name" "dot failed" "$(head -c 2000 render.err)"; return 1
    fi
    if [ -s render.err ]; then fail "$name" "dot wrote to stderr" "$(head -c 2000 render.err)"; return 1; fi
    if ! xmllint --noout render.svg 2> xml.err; then
        fail "$name" "the SVG is not well-formed" "$(head -c 2000 xml.err)"; return 1
    fi
    pass "$name"
}

# views_of FILE: full, spine, and journey=ID / persona=ID for those the file declares.
views_of() {
    echo full
    echo spine
    grep -oE '^[[:space:]]*(journey|persona)[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' "$1" |
        awk '{ print $1 "=" $2 }'
}

# ---- every clean map, every view, through the real dot (in the sanitizer run: the same
# bytes as the release build's, which the release run renders) ----
rendered=0
while IFS= read -r file; do
    jrnc_for "$file" check > /dev/null 2>&1 || continue
    while IFS= read -r view; do
        name="render ${file#"$JRN_ROOT"/} --view $view"
        if ! jrnc_for "$file" --view "$view" > map.dot 2> jrnc.err; then
            fail "$name" "jrnc failed" "$(head -c 2000 jrnc.err)"; continue
        fi
        if in_sanitizer_run; then
            # dot's verdict on these bytes is the release run's (tests/lib.sh)
            # shellcheck disable=SC2046  # one word or none
            same_as_release "$name (the release build's DOT)" map.dot $(prelude_option "$file") \
                --view "$view" "$file" -o OUT && rendered=$((rendered + 1))
            continue
        fi
        render "$name" map.dot && rendered=$((rendered + 1))
    done < <(views_of "$file")
done < <(find "$JRN_ROOT/examples" "$JRN_ROOT/tests" -name '*.jrn' -not -path '*/node_modules/*' | sort)
[ "$rendered" -ge 20 ] && pass "maps rendered: $rendered" || fail "maps rendered" "only $rendered"

# ---- golden DOT files ----
for source in "$data"/*.jrn; do
    base=${source%.jrn}
    for expected in "$base".dot "$base".*.dot; do
        [ -f "$expected" ] || continue
        view=${expected%.dot}; view=${view#"$base"}; view=${view#.}; view=${view:-full}
        name="golden $(basename "$expected")"
        if ! (cd "$data" && "$JRNC" --view "$view" "$(basename "$source")") > actual.dot 2> jrnc.err ||
            [ ! -s actual.dot ]; then
            fail "$name" "jrnc --view $view wrote no DOT" "$(head -c 500 jrnc.err)"; continue
        fi
        if [ "${UPDATE:-}" = 1 ]; then cp actual.dot "$expected"; fi
        if cmp -s actual.dot "$expected"; then pass "$name"
        else fail "$name" "$(diff "$expected" actual.dot | head -n 40)" "$(head -c 500 jrnc.err)"; fi
    done
done

# ---- hostile text survives into the SVG ----
(cd "$data" && "$JRNC" hostile.jrn) > hostile.dot
if render "hostile map renders" hostile.dot; then
    python3 "$data/svg_texts.py" render.svg > hostile.txt
    while IFS= read -r needle; do
        if grep -qF -- "$needle" hostile.txt; then pass "hostile text in SVG: $needle"
        else fail "hostile text in SVG: $needle" "not found among the SVG's texts"; fi
    done < "$data/hostile.texts"
fi

# ---- texts far beyond Graphviz's 16 KB string limit ----
python3 - <<'PY'
does = "Does the long thing, again and again. " * 820          # ~31 KB text block
pain = "A \\\"pain\\\" & <pain> \\\\ that never ends. " * 500   # ~17 KB string
title = "A very long touchpoint title " * 600                   # ~17 KB title
ident = "t" * 20000                                              # a 20 KB identifier
open("long.jrn", "w").write(f'''map "Long texts"
persona walker "Walker"
stage only "Only stage" {{
  touchpoint {ident} "{title}" {{
    does: """
      LONGDOES {does}
      """
    pain: "LONGPAIN {pain}"
  }}
  touchpoint next "Next"
}}
journey walk "{title}" for walker {{ {ident} -> next }}
''')
PY
if "$JRNC" long.jrn > long.dot 2> jrnc.err; then
    render "30 KB does: and 17 KB texts render" long.dot
    longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' long.dot)
    [ "$longest" -lt 16000 ] && pass "no DOT line near the 16 KB limit ($longest bytes)" \
        || fail "no DOT line near the 16 KB limit" "longest line: $longest bytes"
    python3 "$data/svg_texts.py" render.svg > long.txt
    for needle in "Does: LONGDOES Does the long thing" "Pain point: LONGPAIN A \"pain\" & <pain> \\ that" \
                  "A very long touchpoint" $'\u2026'; do
        if grep -qF -- "$needle" long.txt; then pass "long text shortened into SVG: $needle"
        else fail "long text shortened into SVG: $needle" "not found"; fi
    done
else
    fail "30 KB does: and 17 KB texts compile" "$(head -c 2000 jrnc.err)"
fi

# ---- byte-identical output ----
for file in "$JRN_ROOT"/examples/*.jrn "$data"/*.jrn; do
    name="same output twice: ${file#"$JRN_ROOT"/}"
    (cd "$(dirname "$file")" && "$JRNC" "$(basename "$file")") > first.dot 2>&1
    (cd "$(dirname "$file")" && "$JRNC" "$(basename "$file")") > second.dot 2>&1
    if [ -s first.dot ] && cmp -s first.dot second.dot; then pass "$name"
    else fail "$name" "$(diff first.dot second.dot | head -n 20)"; fi
done

# ---- views select what they should ----
acme="$data/acme.jrn"
view_has() {   # view_has NAME VIEW PRESENT-PATTERN ABSENT-PATTERN
    "$JRNC" --view "$2" "$acme" > view.dot 2> jrnc.err
    if ! grep -q -- "$3" view.dot; then fail "$1" "no $3 in --view $2"
    elif [ -n "$4" ] && grep -q -- "$4" view.dot; then fail "$1" "$4 in --view $2"
    else pass "$1"; fi
}
view_has "spine view: stages as nodes, no touchpoints" spine 'stage_onboarding' 'tp_'
view_has "spine view: declared loops" spine 'loops back' ''
view_has "journey view: its steps only" journey=user_path 'tp_basic_training' 'tp_admin_training'
view_has "journey view: its stages only" journey=user_path 'cluster_adoption' 'cluster_strengthening'
view_has "persona view: the persona's journeys" persona=admin 'tp_recertify' 'tp_basic_training'
view_has "full view: every touchpoint and the empty stage" full 'empty_renewal' ''
"$JRNC" --view journey=admin_pth "$acme" > /dev/null 2> view.err; status=$?
if [ "$status" -eq 2 ] && grep -q "did you mean 'admin_path'" view.err; then pass "unknown journey view: exit 2, suggestion"
else fail "unknown journey view: exit 2, suggestion" "exit $status" "$(cat view.err)"; fi

# ---- -T: rendered in-process, no dot needed ----
jrnc_path=$(cd "$(dirname "$JRNC")" && pwd)/$(basename "$JRNC")
PATH=/nonexistent "$jrnc_path" -T svg "$acme" > inprocess.svg 2> jrnc.err; status=$?
if [ "$status" -eq 0 ] && xmllint --noout inprocess.svg 2> /dev/null && grep -q '<svg' inprocess.svg &&
    [ ! -s jrnc.err ]; then
    pass "-T svg renders without dot on PATH"
else
    fail "-T svg renders without dot on PATH" "exit $status" "$(head -c 1000 jrnc.err)"
fi

# Every picture -T svg draws speaks to a screen reader: role="img", an aria-label, and a
# <title> and <desc> (the map's name and view; what the map holds) before anything else;
# user text in them stays text (tests/dot/hostile.jrn: markup, quotes, ampersands).
svg_failures=()
for map in "$JRN_ROOT/examples/hotel_stay.jrn" "$JRN_ROOT/examples/acme_post_sales.jrn" "$data/hostile.jrn"; do
    for view in full spine canvas blueprint flow; do
        if ! "$JRNC" -T svg --view "$view" "$map" > described.svg 2> described.err; then
            svg_failures+=("$(basename "$map") $view: jrnc failed: $(head -c 300 described.err)"); continue
        fi
        if ! xmllint --noout described.svg 2> xml.err; then
            svg_failures+=("$(basename "$map") $view: not well-formed: $(head -c 300 xml.err)"); continue
        fi
        python3 - described.svg "$view" <<'PY' || svg_failures+=("$(basename "$map") $view: $(cat described.why)")
import sys, xml.etree.ElementTree as E
ns = "{http://www.w3.org/2000/svg}"
root = E.parse(sys.argv[1]).getroot()
children = list(root)
why = ""
if root.get("role") != "img" or not root.get("aria-label"):
    why = f"role {root.get('role')!r}, aria-label {root.get('aria-label')!r}"
elif len(children) < 2 or children[0].tag != ns + "title" or children[1].tag != ns + "desc":
    why = "no <title> and <desc> first"
elif children[0].text != root.get("aria-label") or "touchpoints" not in (children[1].text or ""):
    why = f"title {children[0].text!r}, desc {children[1].text!r}"
open("described.why", "w").write(why)
sys.exit(1 if why else 0)
PY
    done
done
if [ ${#svg_failures[@]} -eq 0 ]; then pass "-T svg: every view has role, aria-label, <title> and <desc>; hostile titles stay text"
else fail "-T svg: every view has role, aria-label, <title> and <desc>; hostile titles stay text" "${svg_failures[@]}"; fi
# A title that leaves a right-to-left override open is closed before the view's words.
printf 'map m "Evil \xe2\x80\xae txet" {}\nstage s "S" { touchpoint t "T" { channel: web } }\n' > bidi-title.jrn
if "$JRNC" -T svg bidi-title.jrn 2>/dev/null | grep -q "aria-label=\"Evil $(printf '\xe2\x80\xae') txet$(printf '\xe2\x80\xac') "; then
    pass "-T svg: a bidi override in the map's title is closed in its accessible name"
else fail "-T svg: a bidi override in the map's title is closed in its accessible name" \
    "$("$JRNC" -T svg bidi-title.jrn 2>&1 | grep -o 'aria-label="[^"]*"' | od -c | head -5)"; fi
"$JRNC" "$acme" | dot -Tsvg > bydot.svg
# the same picture, but for the accessible name and description -T svg adds
python3 -c 'import re, sys; s = open(sys.argv[1]).read()
s = re.sub(r" role=\"img\" aria-label=\"[^\"]*\">\n<title>[^<]*</title>\n<desc>[^<]*</desc>", ">", s, count=1)
open(sys.argv[2], "w").write(s)' inprocess.svg inprocess-plain.svg
cmp -s inprocess-plain.svg bydot.svg && pass "-T svg draws what dot -Tsvg draws (and names it)" \
    || fail "-T svg draws what dot -Tsvg draws (and names it)" "$(diff bydot.svg inprocess-plain.svg | head -n 20)"
"$JRNC" -Tpng "$acme" > map.png 2> jrnc.err; status=$?
[ "$status" -eq 0 ] && [ "$(head -c 8 map.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
    pass "-T png writes a PNG" || fail "-T png writes a PNG" "exit $status" "$(head -c 1000 jrnc.err)"
"$JRNC" -T pdf -o map.pdf "$acme" 2> jrnc.err; status=$?
[ "$status" -eq 0 ] && [ "$(head -c 5 map.pdf)" = "%PDF-" ] && pass "-T pdf -o writes a PDF" \
    || fail "-T pdf -o writes a PDF" "exit $status" "$(head -c 1000 jrnc.err)"
"$JRNC" -T gif "$acme" > /dev/null 2> t.err; status=$?
[ "$status" -eq 2 ] && grep -q "svg, png or pdf" t.err && pass "-T gif: usage error" \
    || fail "-T gif: usage error" "exit $status" "$(cat t.err)"

# ---- the README's pictures are the examples as jrnc draws them now ----
objects() {   # the nodes, clusters and edges an SVG draws, by name, sorted
    python3 -c 'import sys, xml.etree.ElementTree as E
ns = "{http://www.w3.org/2000/svg}"
for g in E.parse(sys.argv[1]).iter(ns + "g"):
    if g.get("class") in ("node", "cluster", "edge"):
        print(g.get("class"), g.find(ns + "title").text)' "$1" | sort
}
for example in b2b_logistics acme_post_sales; do
    picture="$JRN_ROOT/docs/$example.svg"
    "$JRNC" "$JRN_ROOT/examples/$example.jrn" | dot -Tsvg > current.svg
    if [ -f "$picture" ] && xmllint --noout "$picture" 2> /dev/null &&
        [ "$(objects "$picture")" = "$(objects current.svg)" ]; then
        pass "docs/$example.svg is up to date"
    else
        fail "docs/$example.svg is up to date" \
            "regenerate: jrnc -T svg examples/$example.jrn -o docs/$example.svg" \
            "$(diff <(objects "$picture" 2>&1) <(objects current.svg) | head -n 20)"
    fi
done

# ---- bounded layout: big maps stay fast, too-big ones say so (issue 18) ----
gen="$JRN_ROOT/tests/bench/layout_maps.py"
python3 "$gen" star 60 star60.jrn && python3 "$gen" star 2000 star2000.jrn && python3 "$gen" tall 400 tall400.jrn
"$JRNC" star60.jrn > star60.dot 2> star60.err
if grep -q 'nslimit=2' star60.dot && grep -q 'xlabel=' star60.dot && ! grep -qE '[[:space:],\[]label="30%"' star60.dot &&
    [ ! -s star60.err ]; then pass "60 touchpoints x 3 hops: bounded layout (nslimit, hop labels as xlabels)"
else fail "60 touchpoints x 3 hops: bounded layout" "$(grep -m3 -E 'nslimit|label=' star60.dot)" "$(cat star60.err)"; fi
"$JRNC" "$acme" > acme.dot
if ! grep -qE 'nslimit|xlabel|row_1' acme.dot; then pass "a small map's layout is not bounded or wrapped"
else fail "a small map's layout is not bounded or wrapped" "$(grep -m3 -E 'nslimit|xlabel|row_1' acme.dot)"; fi
for case in star2000 tall400; do
    timeout 20 "$JRNC" -T png $case.jrn > $case.png 2> $case.err; status=$?
    if [ "$status" -eq 0 ] && grep -q "warning: $case.jrn: The full map has .* touchpoints.*--view journey=ID, --view stage=ID or --view spine" $case.err &&
        ! grep -q '(null)' $case.err; then pass "$case: drawn as its stages, warned on stderr with the map's name"
    else fail "$case: drawn as its stages, warned" "exit $status" "$(head -c 800 $case.err)"; fi
    "$JRNC" $case.jrn 2> /dev/null | dot -Tsvg > $case.svg
    python3 "$data/svg_texts.py" $case.svg > $case.txt
    if grep -q "The full map has [0-9]* touchpoints and [0-9]* hops" $case.txt &&
        grep -q -- "--view spine" $case.txt; then pass "$case: the picture says it is not whole"
    else fail "$case: the picture says it is not whole" "$(head -n 5 $case.txt)"; fi
done

# ---- the picture reads in the spine as written ----
# Each block of the spine (a run of a stage's own touchpoints, a sub-stage) is drawn right
# of the blocks before it: Graphviz's clustered ranking used to put a stage's touchpoints
# written after its sub-stage in that sub-stage's column (hospital_hip: Blood tests under
# the Waiting-list letter, an arrow through the Preparation title).
cat > spine-written.jrn <<'EOF'
stage prep "Preparation" {
  stage tests "Tests" { touchpoint bloods "Blood tests" { channel: web } touchpoint ecg "ECG" { channel: web } }
  touchpoint date_letter "Date letter" { channel: email }
  stage school "School" { touchpoint class "Class" { channel: web } }
  touchpoint call "Call" { channel: phone }
}
stage ward "Ward" { touchpoint desk "Desk" { channel: web } }
journey j "J" { bloods -> ecg -> date_letter -> class -> call -> desk }
journey k "K" { desk -> bloods }
EOF
for map in "$JRN_ROOT/examples/"*.jrn spine-written.jrn; do
    name=$(basename "$map" .jrn)
    "$JRNC" -f json "$map" > "$name.model.json" && "$JRNC" -f csv "$map" > "$name.csv" &&
        "$JRNC" --stages-per-row 0 "$map" | dot -Tjson > "$name.layout.json"
    out=$(python3 "$data/check_spine_order.py" "$name.model.json" "$name.csv" "$name.layout.json" 2>&1)
    [ -z "$out" ] && pass "$name: drawn left to right in the spine as written" \
        || fail "$name: drawn left to right in the spine as written" "$out"
done

# ---- titles stay clear: a stage's title is a node at the top of its first column ----
# Graphviz routes edges around nodes but through cluster labels: arrows crossed the stage
# titles of six of the seven examples. Each view of each example and of the sub-stage and
# hostile maps is laid out by dot and read back (check_titles.py): no stage box draws a
# label of its own, its title stands at its left and at the top of its column, and no
# drawn curve passes through a title.
for map in "$JRN_ROOT/examples/"*.jrn spine-written.jrn "$data/sub_stages.jrn" "$data/hostile.jrn"; do
    name=$(basename "$map" .jrn)
    for view in full flow spine-order; do
        case $view in
            full) "$JRNC" "$map" > titles.dot 2> /dev/null ;;
            flow) "$JRNC" --view flow "$map" > titles.dot 2> /dev/null ;;
            spine-order) "$JRNC" --stages-per-row 0 "$map" > titles.dot 2> /dev/null ;;
        esac
        dot -Tjson titles.dot > titles.json 2> /dev/null
        out=$(python3 "$data/check_titles.py" titles.json 2>&1)
        [ -z "$out" ] && grep -q 'title_' titles.dot && pass "$name ($view): stage titles stay clear" \
            || fail "$name ($view): stage titles stay clear" "$out"
    done
done
for view in stage=support stage=exceptions journey=clerk_path persona=shipping_clerk; do
    "$JRNC" --view "$view" "$JRN_ROOT/examples/b2b_logistics.jrn" | dot -Tjson > titles.json
    out=$(python3 "$data/check_titles.py" titles.json 2>&1)
    [ -z "$out" ] && pass "b2b_logistics ($view): stage titles stay clear" \
        || fail "b2b_logistics ($view): stage titles stay clear" "$out"
done

# ---- wrapped rows: a 10-stage map is no wider than 3:1 ----
b2b="$JRN_ROOT/examples/b2b_logistics.jrn"
"$JRNC" "$b2b" > b2b.dot
if grep -q 'row_3' b2b.dot && grep -q 'constraint=false' b2b.dot; then
    pass "10 stages wrap into rows (anchors row_1..row_3)"
else fail "10 stages wrap into rows" "$(grep -c row_ b2b.dot) row mentions"; fi
dot -Tsvg b2b.dot > b2b.svg
ratio=$(python3 -c 'import re,sys; s=open(sys.argv[1]).read(); w,h=re.search(r"viewBox=\"[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)\"",s).groups(); print(f"{float(w)/float(h):.2f}")' b2b.svg)
python3 -c "import sys; sys.exit(0 if float('$ratio') <= 3.0 else 1)" && pass "10-stage map aspect $ratio:1 (<= 3:1)" \
    || fail "10-stage map aspect <= 3:1" "it is $ratio:1"
# A hop between rows is not drawn across them (it would run around whole rows of stages):
# it goes on to a small stub in its own row and comes in from one in the other; a stage
# loop between rows is a note beside the stage ("loops back to ...").
"$JRNC" -f json "$b2b" > b2b.model.json
"$JRNC" --stages-per-row 3 "$b2b" > rows3.dot
dot -Tjson rows3.dot > rows3.json
out=$(python3 "$data/check_rows.py" b2b.model.json 3 rows3.json 2>&1)
if [ -z "$out" ] && grep -q 'stub[0-9]*o_' rows3.dot && grep -q 'Goes on in another row' rows3.dot; then
    pass "wrapped rows: every hop between rows goes on to a stub and comes in from one"
else fail "wrapped rows: every hop between rows goes on to a stub and comes in from one" "$out"; fi
if grep -q 'loops back to' rows3.dot; then
    pass "wrapped rows: a stage loop between rows is a note beside its stage"
else fail "wrapped rows: a stage loop between rows is a note beside its stage" "$(grep -c 'loops back' rows3.dot) notes"; fi
"$JRNC" --stages-per-row 0 "$b2b" > onerow.dot
if ! grep -q 'row_1' onerow.dot; then pass "--stages-per-row 0 keeps one row"; else fail "--stages-per-row 0 keeps one row"; fi
"$JRNC" --stages-per-row 2 "$b2b" > tworow.dot
if grep -q 'row_5' tworow.dot && ! grep -q 'row_6' tworow.dot; then pass "--stages-per-row 2: five rows of nine stages"
else fail "--stages-per-row 2: five rows" "$(grep -o 'row_[0-9]*' tworow.dot | sort -u | tr '\n' ' ')"; fi
"$JRNC" --stages-per-row x "$b2b" > /dev/null 2> spr.err; status=$?
[ "$status" -eq 2 ] && grep -q "stages-per-row takes a number" spr.err && pass "--stages-per-row x: usage error" \
    || fail "--stages-per-row x: usage error" "exit $status" "$(cat spr.err)"

# ---- stage view: one stage, the neighbours' hops as stubs ----
"$JRNC" --view stage=support "$b2b" > stage.dot 2> stage.err
if grep -q 'stub_qbr' stage.dot && grep -q 'cluster_exceptions' stage.dot && ! grep -q 'cluster_awareness' stage.dot &&
    ! grep -qE 'stub_[a-z_]+ -> stub_' stage.dot; then pass "--view stage=support: its sub-stage, stubs, no stub-to-stub hop"
else fail "--view stage=support" "$(grep -c stub_ stage.dot) stubs" "$(cat stage.err)"; fi
render "--view stage=support renders" stage.dot
"$JRNC" --view stage=suport "$b2b" > /dev/null 2> stage.err; status=$?
[ "$status" -eq 2 ] && grep -q "did you mean 'support'" stage.err && pass "--view stage=unknown: exit 2, suggestion" \
    || fail "--view stage=unknown: exit 2, suggestion" "exit $status" "$(cat stage.err)"

# ---- pain and delight: each text on its own colour; the legend draws the same ----
claim=$(grep 'File a damage claim' stage.dot)
if grep -q '<TD BGCOLOR="#F7C5BF">.*Pain: .*<TD BGCOLOR="#C6E8C8">.*Delight: ' <<< "$claim"; then
    pass "pain text on the pain band, delight text on the delight band"
else fail "pain and delight bands" "$(head -c 600 <<< "$claim")"; fi
if grep -q 'BGCOLOR="#F7C5BF" WIDTH="34" HEIGHT="7"></TD></TR><TR><TD BGCOLOR="#C6E8C8"' stage.dot; then
    pass "the legend's swatch: pain band over delight band"; else fail "the legend's swatch: bands"; fi

# ---- KPIs in the picture, personas with commas in the legend ----
if grep -q 'KPI Course completion rate: target 80%' acme.dot; then pass "a touchpoint's KPI is in its label"
else fail "a touchpoint's KPI is in its label"; fi
if grep -q 'KPI On time in full: target 97.5%' b2b.dot && grep -q 'KPI Time to value: target 6w' b2b.dot; then
    pass "stage and journey KPIs are in the picture"; else fail "stage and journey KPIs are in the picture"; fi
cat > commas.jrn <<'JRN'
persona maureen "Maureen, 74, retired"
persona sam "Sam, carer"
stage visit "Visit" { touchpoint book "Book" touchpoint see "See" }
journey care "Care" for maureen, sam { book -> see }
JRN
"$JRNC" commas.jrn > commas.dot
if grep -q '(for Maureen, 74, retired · Sam, carer)' commas.dot; then pass "personas with commas: separated by ·"
else fail "personas with commas: separated by ·" "$(grep -o '(for [^)]*)' commas.dot)"; fi

# ---- Graphviz's own messages: warnings that name the map, never "(null)" ----
# 140 stages in one row: below the bounded layout's size, above cairo's 32767 px
python3 -c '
print("map \"Long spine\"")
for s in range(140): print(f"stage s{s} \"Stage number {s} of a rather long spine\" {{ touchpoint t{s} \"T {s}\" }}")' > long_spine.jrn
"$JRNC" --view spine --stages-per-row 0 -T png long_spine.jrn > long_spine.png 2> long_spine.err; status=$?
if [ "$status" -eq 0 ] && grep -q "warning: long_spine.jrn: Graphviz: graph is too large for cairo-renderer bitmaps. Scaling by" long_spine.err &&
    ! grep -q '(null)' long_spine.err; then
    pass "an image cairo scaled down is a warning naming the map"
else fail "an image cairo scaled down is a warning naming the map" "exit $status" "$(cat long_spine.err)"; fi
# 300 stages: 240 drawn, bounded to 100 inches
python3 -c '
print("map \"Longer spine\"")
for s in range(300): print(f"stage s{s} \"Stage {s}\" {{ touchpoint t{s} \"T {s}\" }}")' > longer_spine.jrn
"$JRNC" --view spine --stages-per-row 0 -T svg longer_spine.jrn > longer_spine.svg 2> longer_spine.err; status=$?
if [ "$status" -eq 0 ] && grep -q "warning: longer_spine.jrn: Only the first 240 of 300 stages are drawn" longer_spine.err &&
    grep -q "warning: longer_spine.jrn: the picture is .* inches, scaled by .* to fit 100 inches a side" longer_spine.err; then
    pass "a cut spine and a picture scaled to its size are warnings naming the map"
else fail "a cut spine and a scaled picture are warnings" "exit $status" "$(cat longer_spine.err)"; fi
"$JRNC" -T png "$acme" > /dev/null 2> quiet.err
[ ! -s quiet.err ] && pass "a small map renders without a warning" || fail "a small map renders without a warning" "$(cat quiet.err)"

# ---- with --data the trend says better or worse by the metric's better: ----
cat > trend.jrn <<'JRN'
metric wait "Waiting days" { better: lower }
persona p "P"
stage s "S" { touchpoint t "T" { kpi wait { target: 5 } } }
JRN
printf 'subject,metric,value,date\nt,wait,4,2026-01-01\nt,wait,7,2026-02-01\n' > trend.csv
"$JRNC" --data trend.csv trend.jrn > trend.dot 2> trend.err
if grep -q 'Waiting days 7 / 5 ✗ ▼ worse' trend.dot && grep -q 'better / worse than the previous measurement' trend.dot; then
    pass "a lower-is-better KPI that rose reads worse; the legend explains the marks"
else fail "a lower-is-better KPI that rose reads worse" "$(grep -o 'Waiting days[^<]*' trend.dot)" "$(cat trend.err)"; fi
