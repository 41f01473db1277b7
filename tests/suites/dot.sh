#!/usr/bin/env bash
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

# jrnc_for FILE: the options a map needs (the check suite's naming convention).
jrnc_for() {
    case "$1" in *no-prelude*) "$JRNC" --no-prelude "${@:2}" "$1" ;; *) "$JRNC" "${@:2}" "$1" ;; esac
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

# ---- every clean map, every view, through the real dot ----
rendered=0
while IFS= read -r file; do
    jrnc_for "$file" check > /dev/null 2>&1 || continue
    while IFS= read -r view; do
        name="render ${file#"$JRN_ROOT"/} --view $view"
        if ! jrnc_for "$file" --view "$view" > map.dot 2> jrnc.err; then
            fail "$name" "jrnc failed" "$(head -c 2000 jrnc.err)"; continue
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
        view=${expected#"$base"}; view=${view#.}; view=${view%.dot}; view=${view:-full}
        name="golden $(basename "$expected")"
        (cd "$data" && "$JRNC" --view "$view" "$(basename "$source")") > actual.dot 2> jrnc.err
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
"$JRNC" "$acme" | dot -Tsvg > bydot.svg
cmp -s inprocess.svg bydot.svg && pass "-T svg draws what dot -Tsvg draws" \
    || fail "-T svg draws what dot -Tsvg draws" "$(diff bydot.svg inprocess.svg | head -n 20)"
"$JRNC" -Tpng "$acme" > map.png 2> jrnc.err; status=$?
[ "$status" -eq 0 ] && [ "$(head -c 8 map.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
    pass "-T png writes a PNG" || fail "-T png writes a PNG" "exit $status" "$(head -c 1000 jrnc.err)"
"$JRNC" -T pdf -o map.pdf "$acme" 2> jrnc.err; status=$?
[ "$status" -eq 0 ] && [ "$(head -c 5 map.pdf)" = "%PDF-" ] && pass "-T pdf -o writes a PDF" \
    || fail "-T pdf -o writes a PDF" "exit $status" "$(head -c 1000 jrnc.err)"
"$JRNC" -T gif "$acme" > /dev/null 2> t.err; status=$?
[ "$status" -eq 2 ] && grep -q "svg, png or pdf" t.err && pass "-T gif: usage error" \
    || fail "-T gif: usage error" "exit $status" "$(cat t.err)"

# ---- the README's picture is the worked example as jrnc draws it now ----
picture="$JRN_ROOT/docs/acme_post_sales.svg"
"$JRNC" "$JRN_ROOT/examples/acme_post_sales.jrn" | dot -Tsvg > current.svg
objects() {   # the nodes, clusters and edges an SVG draws, by name, sorted
    python3 -c 'import sys, xml.etree.ElementTree as E
ns = "{http://www.w3.org/2000/svg}"
for g in E.parse(sys.argv[1]).iter(ns + "g"):
    if g.get("class") in ("node", "cluster", "edge"):
        print(g.get("class"), g.find(ns + "title").text)' "$1" | sort
}
if [ -f "$picture" ] && xmllint --noout "$picture" 2> /dev/null &&
    [ "$(objects "$picture")" = "$(objects current.svg)" ]; then
    pass "docs/acme_post_sales.svg is up to date"
else
    fail "docs/acme_post_sales.svg is up to date" \
        "regenerate: jrnc -T svg examples/acme_post_sales.jrn -o docs/acme_post_sales.svg" \
        "$(diff <(objects "$picture" 2>&1) <(objects current.svg) | head -n 20)"
fi
