#!/usr/bin/env bash
# seconds: 30
# sanitizer seconds: 125
# Mermaid interoperability (issue 24), checked with Mermaid's own parser (npm's mermaid
# under node, tests/mermaid/): every map the tests have exported with -f mermaid (every
# example, the test maps, a map of hostile titles) parses, and its title, sections, tasks,
# scores and actors are the map's; every --view of the examples parses; the Markdown
# report embeds exactly that diagram unless --no-mermaid; goldens pin the text.
# UPDATE=1 rewrites the golden files (tests/mermaid/golden/) — review the diff!
source "$JRN_ROOT/tests/lib.sh"
data="$JRN_ROOT/tests/mermaid"
cd "$JRN_ROOT" || exit 1

if ! have node || [ ! -d "$data/node_modules/mermaid" ]; then
    skip "mermaid: every case" "node or Mermaid is missing (tests/deps/mermaid.sh)"
    exit 0
fi
out_dir="$TMP_DIR/mermaid"
mkdir -p "$out_dir"
# mermaid_name MAP: the name of MAP's outputs in $out_dir (its path with / as -), unique
# where two test directories hold maps of the same name.
mermaid_name() { local path=${1%.jrn}; printf '%s\n' "${path//\//-}"; }

# --- Export: every map, parsed by Mermaid and compared with the map -----------------------
# Every example and every map of the tests, but the maps that are broken on purpose (the
# check suite's errors and these, each kept to show a refusal or a half-typed file).
broken_on_purpose=" tests/editors/indent.jrn tests/editors/sample.jrn tests/fmt/cases/comments.jrn
    tests/fuzz/regressions-diff/title-injection.jrn tests/lint/cases/compile-error.jrn
    tests/reports/broken.jrn tests/site/portfolio/broken.jrn "
maps=(examples/*.jrn)
while IFS= read -r map; do
    case $broken_on_purpose in *" $map"[[:space:]]*) continue ;; esac
    maps+=("$map")
done < <(find tests -name '*.jrn' -not -path '*/node_modules/*' -not -path 'tests/check/errors/*' | sort)
pairs=()
for map in "${maps[@]}"; do
    name=$(mermaid_name "$map")
    if "$JRNC" -f json "$map" -o "$out_dir/$name.json" 2>"$out_dir/$name.err" &&
       "$JRNC" -f mermaid "$map" -o "$out_dir/$name.mmd" 2>>"$out_dir/$name.err"; then
        pairs+=("$out_dir/$name.json" "$out_dir/$name.mmd")
    else
        fail "export: $map compiles" "$(cat "$out_dir/$name.err")"
    fi
done
check "export: ${#maps[@]} maps parse in Mermaid with the map's title, sections, tasks, scores and actors" \
    node "$data/check_export.mjs" "${pairs[@]}"

# The checker can fail: a diagram with one score changed is caught.
sed '0,/: [0-9.]*: /s//: 9: /' "$out_dir/examples-acme_post_sales.mmd" > "$out_dir/tampered.mmd"
expect_exit_output "export: the checker catches a changed score" 1 "score: expected" \
    node "$data/check_export.mjs" "$out_dir/examples-acme_post_sales.json" "$out_dir/tampered.mmd"

# --view journey=, persona= and stage= restrict the diagram; each parses.
views=()
for map in examples/*.jrn; do
    name=$(basename "$map" .jrn)
    for view in $(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print(" ".join(["journey=" + j["id"] for j in m["journeys"]] + ["persona=" + p["id"] for p in m["personas"]]
               + ["stage=" + s["id"] for s in m["stages"][:3]]))' "$out_dir/examples-$name.json"); do
        "$JRNC" -f mermaid --view "$view" "$map" -o "$out_dir/$name.$view.mmd" && views+=("$out_dir/$name.$view.mmd")
    done
done
# (at least a view per example, so a script that lists none fails rather than checks nothing)
if [ "${#views[@]}" -lt "$(ls examples/*.jrn | wc -l)" ]; then
    fail "export: the examples' --view diagrams" "only ${#views[@]} written"
else
    check "export: ${#views[@]} --view diagrams of the examples parse in Mermaid" \
        node "$data/mermaid_parse.mjs" "${views[@]}"
fi
out=$("$JRNC" -f mermaid --view persona=user examples/acme_post_sales.jrn)
printf '%s\n' "$out" | grep -q 'System administrator' &&
    fail "export: --view persona=user shows that persona alone" "$out" ||
    pass "export: --view persona=user shows that persona alone"

for name in hostile acme_post_sales spine_written; do
    map=tests/mermaid/maps/$name.jrn
    [ -f "$map" ] || map=examples/$name.jrn
    out=$("$JRNC" -f mermaid "$map" 2>&1); status=$?
    expect_golden "export: $name matches tests/mermaid/golden/$name.mmd" 0 $status "$out" "$data/golden/$name.mmd"
done

# --- The Markdown report embeds the diagram ----------------------------------------------
for map in examples/acme_post_sales.jrn tests/reports/hostile.jrn; do
    "$JRNC" -f md "$map" -o "$out_dir/report.md"
    "$JRNC" -f md --no-mermaid "$map" -o "$out_dir/plain.md"
    "$JRNC" -f mermaid "$map" -o "$out_dir/diagram.mmd"
    sed -n '/^```mermaid$/,/^```$/p' "$out_dir/report.md" | sed '1d;$d' > "$out_dir/embedded.mmd"
    check "md: $(basename "$map") embeds exactly the -f mermaid diagram" cmp "$out_dir/diagram.mmd" "$out_dir/embedded.mmd"
    check "md: $(basename "$map") with --no-mermaid is the report without the block" \
        diff <(sed '/^```mermaid$/,/^```$/d' "$out_dir/report.md" | cat -s) <(cat -s "$out_dir/plain.md")
    grep -q '```' "$out_dir/plain.md" && fail "md: --no-mermaid leaves no fence" ||
        pass "md: --no-mermaid leaves no fence"
done
expect_exit_output "cli: --no-mermaid takes no value" 2 "takes no value" "$JRNC" -f md --no-mermaid=x examples/acme_post_sales.jrn

# --- Import: Mermaid's documentation example and real-world variants ---------------------
cd "$data/import" || exit 1
for input in *.mmd *.md; do
    name=${input%.*}
    out=$("$JRNC" import mermaid "$input" 2>"$out_dir/$name.stderr"); status=$?
    expect_golden "import: $input gives tests/mermaid/import/$name.jrn" 0 $status "$out" "$name.jrn"
    expect_golden "import: $input warns as tests/mermaid/import/$name.stderr says" 0 0 "$(cat "$out_dir/$name.stderr")" "$name.stderr"
    check "import: $name.jrn passes jrnc check" "$JRNC" check "$name.jrn"
    check "import: jrnc fmt leaves $name.jrn unchanged" "$JRNC" fmt --check "$name.jrn"
done
# What Mermaid refuses, jrnc refuses at the same place (and Mermaid does refuse each).
for input in errors/*.mmd errors/*.md; do
    out=$("$JRNC" import mermaid --color=never "$input" 2>&1); status=$?
    expect_golden "import: $input is refused as ${input%.*}.stderr says" 1 $status "$out" "${input%.*}.stderr"
done
mermaid_refusals=()
for input in errors/*.mmd; do
    case $input in errors/latin1.mmd) continue ;; esac   # node reads it with a replacement character
    mermaid_refusals+=("$input")
done
out=$(node "$data/mermaid_parse.mjs" "${mermaid_refusals[@]}" | grep -c '"ok":true')
[ "$out" = 0 ] && pass "import: Mermaid refuses each of the ${#mermaid_refusals[@]} refused diagrams too" ||
    fail "import: Mermaid refuses each of the ${#mermaid_refusals[@]} refused diagrams too" "$out accepted"
check "import: Mermaid reads each imported diagram" node "$data/mermaid_parse.mjs" working_day.mmd variants.mmd warnings.mmd directives.mmd
cd "$JRN_ROOT" || exit 1

# --- Round trips --------------------------------------------------------------------------
# export(import(mmd)) parses to the same sections, tasks, scores and actors.
pairs=()
for name in working_day variants directives; do
    "$JRNC" -f mermaid "$data/import/$name.jrn" -o "$out_dir/$name.again.mmd"
    pairs+=("$data/import/$name.mmd" "$out_dir/$name.again.mmd")
done
# import(export(map)) is a map jrnc accepts and fmt keeps, with the map's touchpoints,
# emotions (as scores) and personas: its export parses the same as the map's.
for map in "${maps[@]}"; do
    name=$(mermaid_name "$map")
    if "$JRNC" import mermaid "$out_dir/$name.mmd" -o "$out_dir/$name.imported.jrn" 2>/dev/null &&
       "$JRNC" check "$out_dir/$name.imported.jrn" && "$JRNC" fmt --check "$out_dir/$name.imported.jrn" &&
       "$JRNC" -f mermaid "$out_dir/$name.imported.jrn" -o "$out_dir/$name.again.mmd"; then
        pairs+=("$out_dir/$name.mmd" "$out_dir/$name.again.mmd")
    else
        fail "round trip: import of $map's export passes check and fmt --check"
    fi
done
check "round trip: $((${#pairs[@]} / 2)) diagrams parse the same in Mermaid after import and export" \
    node "$data/compare_parsed.mjs" "${pairs[@]}"
sed 's/Sit down/Sit up/' "$out_dir/working_day.again.mmd" > "$out_dir/tampered.mmd"
expect_exit_output "round trip: the comparison catches a renamed task" 1 "first difference" \
    node "$data/compare_parsed.mjs" "$data/import/working_day.mmd" "$out_dir/tampered.mmd"

# --- The command line ---------------------------------------------------------------------
expect_exit_output "cli: import without a format" 2 "jrnc import mermaid FILE" "$JRNC" import
expect_exit_output "cli: import of another format" 2 "Mermaid journeys only" "$JRNC" import plantuml x.puml
expect_exit_output "cli: import without a file" 2 "no input file" "$JRNC" import mermaid
expect_exit_output "cli: import of a missing file" 2 "cannot read" "$JRNC" import mermaid "$out_dir/missing.mmd"
cp "$data/import/working_day.mmd" "$out_dir/in.mmd"
expect_exit_output "cli: import never writes over its input" 2 "" "$JRNC" import mermaid "$out_dir/in.mmd" -o "$out_dir/in.mmd"
cmp -s "$data/import/working_day.mmd" "$out_dir/in.mmd" && pass "cli: the input is left as it was" ||
    fail "cli: the input is left as it was"
out=$("$JRNC" import mermaid - < "$data/import/working_day.mmd" | "$JRNC" check -); status=$?
[ $status -eq 0 ] && pass "cli: import reads standard input" || fail "cli: import reads standard input" "$out"

# --- Drawn by Mermaid in a browser, as a code host draws it -------------------------------
if have chromium && have python3; then
    "$JRNC" -f mermaid tests/mermaid/maps/hostile.jrn -o "$out_dir/draw-hostile.mmd"
    "$JRNC" -f mermaid examples/acme_post_sales.jrn -o "$out_dir/draw-acme.mmd"
    check "draw: Mermaid draws the hostile and the worked example's diagrams in chromium" \
        python3 "$data/render.py" "$out_dir/draw-hostile.mmd" "$out_dir/draw-hostile.svg" \
        "$out_dir/draw-acme.mmd" "$out_dir/draw-acme.svg"
    out=$(python3 - "$out_dir/draw-hostile.svg" "$out_dir/draw-acme.svg" <<'PY'
import sys, xml.etree.ElementTree as ET
bad = []
for path, tasks in ((sys.argv[1], 21), (sys.argv[2], 10)):
    root = ET.parse(path).getroot()
    tags = {element.tag.split('}')[-1] for element in root.iter()}
    # Mermaid writes task names into foreignObject divs: as text, no element of their own.
    live = tags & {"script", "a", "iframe", "img", "object", "embed", "b", "i", "u"}
    if live:
        bad.append(f"{path}: user text became elements {live}")
    faces = sum(1 for e in root.iter() if e.get("class", "").startswith("face"))
    if faces != tasks:
        bad.append(f"{path}: {faces} task faces drawn, expected {tasks}")
print("\n".join(bad))
PY
)
    [ -z "$out" ] && pass "draw: every task is drawn, no user string became an element" ||
        fail "draw: every task is drawn, no user string became an element" "$out"
    # The README's picture is what Mermaid draws for today's export: the same texts, and a
    # face at the same height (the score) for each task.
    drawn() { python3 -c 'import sys, xml.etree.ElementTree as E
for e in E.parse(sys.argv[1]).iter():
    if e.tag.endswith("}style"): continue
    if e.text and e.text.strip(): print("text", e.text.strip())
    if e.get("class") == "face": print("face", e.get("cx"), e.get("cy"))' "$1" | sort; }
    if [ "$(drawn "$JRN_ROOT/docs/acme_post_sales_mermaid.svg")" = "$(drawn "$out_dir/draw-acme.svg")" ]; then
        pass "draw: docs/acme_post_sales_mermaid.svg is up to date"
    else
        fail "draw: docs/acme_post_sales_mermaid.svg is up to date" \
            "regenerate: jrnc -f mermaid examples/acme_post_sales.jrn -o acme.mmd && python3 tests/mermaid/render.py acme.mmd docs/acme_post_sales_mermaid.svg"
    fi
else
    skip "draw: Mermaid in chromium" "chromium or python3 is missing (tests/deps/reports.sh)"
fi
# The canvas's options would be dropped without a word (--view canvas writes the whole map).
expect_exit_output "cli: -f mermaid --persona points at --view persona=ID" 2 "for one persona's tasks write --view persona=admin" \
    "$JRNC" -f mermaid --persona admin examples/acme_post_sales.jrn
expect_exit_output "cli: -f mermaid --view canvas --persona is refused too" 2 "which -f mermaid does not draw" \
    "$JRNC" -f mermaid --view canvas --persona admin examples/acme_post_sales.jrn
expect_exit_output "cli: -f mermaid --lanes is refused" 2 "--lanes shapes the canvas, which -f mermaid does not draw" \
    "$JRNC" -f mermaid --view canvas --lanes emotion examples/acme_post_sales.jrn
expect_exit_output "cli: --no-mermaid is for -f md only" 2 "means nothing to -f html" "$JRNC" -f html --no-mermaid examples/acme_post_sales.jrn
