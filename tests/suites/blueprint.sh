#!/usr/bin/env bash
# The service blueprint: the language's support, evidence:, fail:, wait: and serves: (every
# mistake located, exit 1; serves: names recorded as references), and --view blueprint laid
# out by dot: lane membership and line order read from dot's own layout (-Tjson), serves:
# arrows, hops that break a wait standard, hostile text, every example rendered.
source "$JRN_ROOT/tests/lib.sh"
cd "$JRN_ROOT" || exit 1
hotel=examples/hotel_stay.jrn
if ! have dot; then fail "blueprint: dot" "Graphviz's dot is not installed (run make test-deps)"; exit 0; fi

# --- the picture -------------------------------------------------------------------------
"$JRNC" --view blueprint "$hotel" > "$TMP_DIR/hotel.dot" 2> "$TMP_DIR/err"; status=$?
if [ "$status" -ne 0 ]; then fail "blueprint: hotel DOT" "exit $status" "$(cat "$TMP_DIR/err")"; exit 0; fi
if dot -Tjson "$TMP_DIR/hotel.dot" > "$TMP_DIR/hotel.json" 2> "$TMP_DIR/dot-err"; then pass "blueprint: dot lays out the hotel's DOT"
else fail "blueprint: dot lays out the hotel's DOT" "$(cat "$TMP_DIR/dot-err")"; fi
"$JRNC" -f json "$hotel" > "$TMP_DIR/model.json"

# Every touchpoint sits in its lane's row, and the rows between the lines in order: actions
# above the line of interaction, frontstage between it and the line of visibility,
# backstage between that and the line of internal interaction, support below (dot's y
# grows upwards).
python3 - "$TMP_DIR/model.json" "$TMP_DIR/hotel.json" <<'PY'
import json, re, sys
model = json.load(open(sys.argv[1]))
layout = json.load(open(sys.argv[2]))
nodes = [o for o in layout["objects"] if "pos" in o]
def y(node): return float(node["pos"].split(",")[1])
lines = {}
for prefix in ("interaction_", "visibility_", "internal_"):
    ys = {y(n) for n in nodes if n["name"].startswith(prefix)}
    lines[prefix] = ys
ok = all(len(v) == 1 for v in lines.values())
print(("PASS" if ok else "FAIL") + ": blueprint: each line is one straight rule" + ("" if ok else f" {lines}"))
interaction, visibility, internal = (lines[p].pop() for p in ("interaction_", "visibility_", "internal_"))
print(("PASS" if interaction > visibility > internal else "FAIL") +
      ": blueprint: line of interaction above the line of visibility above the line of internal interaction")
rows = {"frontstage": ("frontstage_", visibility, interaction), "backstage": ("backstage_", internal, visibility),
        "support": ("support_", -1e9, internal)}
problems = []
for index, touchpoint in enumerate(model["touchpoints"]):
    port = f'PORT="p{index}"'
    prefix, low, high = rows[touchpoint["lane"]]
    holders = [n for n in nodes if port in n.get("label", "") and not n["name"].startswith(("actions_", "evidence_"))]
    if len(holders) != 1 or not holders[0]["name"].startswith(prefix):
        problems.append(f'{touchpoint["id"]} ({touchpoint["lane"]}) is in {[n["name"] for n in holders]}')
    elif not low < y(holders[0]) < high:
        problems.append(f'{touchpoint["id"]} at y={y(holders[0])} is not between {low} and {high}')
    actions = [n for n in nodes if port in n.get("label", "") and n["name"].startswith("actions_")]
    if (touchpoint["lane"] == "frontstage") != (len(actions) == 1) or any(y(n) <= interaction for n in actions):
        problems.append(f'{touchpoint["id"]}: its customer action is misplaced: {[n["name"] for n in actions]}')
    if touchpoint["evidence"] and not any(port in n.get("label", "") and n["name"].startswith("evidence_") and
                                          y(n) > interaction for n in nodes):
        problems.append(f'{touchpoint["id"]}: its evidence is not drawn above the line of interaction')
    if touchpoint["evidence"] and not all(y(n) > y(a) for n in nodes if port in n.get("label", "") and
                                          n["name"].startswith("evidence_") for a in actions):
        problems.append(f'{touchpoint["id"]}: its evidence is not drawn above its customer action')
print(("PASS" if not problems else "FAIL") + ": blueprint: every touchpoint in its lane, between its lines")
for problem in problems: print("  " + problem)
# The lanes' headings read top to bottom in the blueprint's order, each row level with its
# heading.
order = ["stage", "evidence", "actions", "interaction", "frontstage", "visibility", "backstage", "internal", "support"]
headings = {n["name"][len("lane_"):-len("_heading")]: y(n) for n in nodes
            if n["name"].startswith("lane_") and n["name"].endswith("_heading")}
drawn = sorted(headings, key=lambda lane: -headings[lane])
print(("PASS" if drawn == order else "FAIL") + ": blueprint: lanes and lines top to bottom: " + ", ".join(drawn))
astray = [n["name"] for n in nodes for lane in order[1:]
          if n["name"].startswith(lane + "_") and lane in headings and y(n) != headings[lane]]
print(("PASS" if not astray else "FAIL") + ": blueprint: every row level with its lane's heading" + ("" if not astray else f" {astray}"))
lanes = {t["lane"] for t in model["touchpoints"]}
print(("PASS" if lanes == {"frontstage", "backstage", "support"} else "FAIL") + f": blueprint: the hotel has all three lanes ({sorted(lanes)})")
PY

# Every hop's time is drawn, and no two cover each other: the labels' text boxes from dot's
# layout (a stage's own hops are loops on its actions node, whose labels dot once piled up
# at the node's centre: 12min > wait 5min over 10min, 3min under 8min; hops between stages
# had their labels where arcs cross: '2mo' over '6w' in b2b_logistics). The hotel, and
# every example with timed hops.
for example in b2b_logistics b2c_ebike employee_journey hospital_hip; do
    "$JRNC" --view blueprint "$JRN_ROOT/examples/$example.jrn" 2>/dev/null | dot -Tjson > "$TMP_DIR/$example.json" 2>/dev/null
done
for layout_file in "$TMP_DIR/hotel.json" "$TMP_DIR"/{b2b_logistics,b2c_ebike,employee_journey,hospital_hip}.json; do
python3 - "$layout_file" <<'PY'
import json, os, sys
name = os.path.basename(sys.argv[1])[:-len(".json")]
layout = json.load(open(sys.argv[1]))
names = {o["_gvid"]: o["name"] for o in layout["objects"]}
boxes, unplaced, labelled = [], [], 0
for edge in layout["edges"]:
    if not (names[edge["tail"]].startswith("actions_") and names[edge["head"]].startswith("actions_")): continue
    if not (edge.get("label") or edge.get("xlabel")): continue
    labelled += 1
    size, drawn = 9.0, []
    for op in edge.get("_ldraw_", []) + edge.get("_xldraw_", []):
        if op["op"] == "F": size = op["size"]
        if op["op"] != "T": continue
        left = op["pt"][0] - {"l": 0, "c": op["width"] / 2, "r": op["width"]}[op["align"]]
        drawn.append((left, op["pt"][1] - size / 4, left + op["width"], op["pt"][1] + size * 3 / 4, op["text"]))
    if not drawn: unplaced.append(edge.get("tooltip", "?"))
    boxes += drawn
clashes = [f"'{a[4]}' covers '{b[4]}'" for i, a in enumerate(boxes) for b in boxes[i + 1:]
           if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
ok = labelled >= 10 and not unplaced and not clashes
print(("PASS" if ok else "FAIL") + f": blueprint: {name}'s {labelled} hops' times are all drawn, none over another")
for problem in unplaced + clashes: print("  " + problem)
PY
done

# serves: one arrow per link, from the served touchpoint's port down to the worker's,
# drawn backwards so the arrowhead sits at what is served.
python3 - "$TMP_DIR/model.json" "$TMP_DIR/hotel.dot" <<'PY'
import json, re, sys
model = json.load(open(sys.argv[1]))
dot = open(sys.argv[2]).read()
index = {t["id"]: i for i, t in enumerate(model["touchpoints"])}
missing = []
for touchpoint in model["touchpoints"]:
    for served in touchpoint["serves"]:
        pattern = rf':p{index[served]}:s -> \w+:p{index[touchpoint["id"]]}:n\s*\[[^\]]*dir=back'
        if not re.search(pattern, dot): missing.append(f'{touchpoint["id"]} serves {served}')
count = sum(len(t["serves"]) for t in model["touchpoints"])
print(("PASS" if not missing and count > 10 else "FAIL") + f": blueprint: {count} serves: arrows drawn up the lanes")
for link in missing: print("  missing: " + link)
PY

# The hop into check-in takes 12min against a 5min standard: red, with both times; the
# business trip's 3min hop keeps its journey's colour.
breach=$(grep -A6 'actions_arrival:p[0-9]*:n -> actions_arrival' "$TMP_DIR/hotel.dot" | tr -d '\n\t')
pain=$("$JRNC" --print-theme | sed -n 's/^pain: *\(#[0-9A-F]*\).*/\1/p')
if grep -q "color=\"$pain\".*12min &gt; wait 5min" <<<"$breach" && grep -q '>3min<' <<<"$breach"; then
    pass "blueprint: a hop slower than its step's wait: is a breach; a quicker one is not"
else fail "blueprint: a hop slower than its step's wait: is a breach; a quicker one is not" "$breach"; fi
for marker in 'fail point: Room not ready at 3 pm' 'wait standard: 5min' 'Key card' 'line of visibility'; do
    if grep -qF "$marker" "$TMP_DIR/hotel.dot"; then pass "blueprint: the picture says '$marker'"
    else fail "blueprint: the picture says '$marker'"; fi
done

# Every colour of the blueprint is the chosen theme's (lanes, lines, text, fail points,
# breaches): none is left from the light theme.
for theme in light dark print colorblind; do
    strays=$(comm -23 <("$JRNC" --view blueprint --theme "$theme" "$hotel" | grep -o '#[0-9A-Fa-f]\{6\}' | tr a-f A-F | sort -u) \
                      <("$JRNC" --print-theme --theme "$theme" | grep -o '#[0-9A-Fa-f]\{6\}' | tr a-f A-F | sort -u) | tr '\n' ' ')
    if [ -z "$strays" ]; then pass "blueprint --theme $theme: every colour is the theme's"
    else fail "blueprint --theme $theme: every colour is the theme's" "not in the theme: $strays"; fi
done

# In-process rendering, and every example (with or without backstage) through dot.
"$JRNC" --view blueprint -T png -o "$TMP_DIR/hotel.png" "$hotel" 2> "$TMP_DIR/err"
if [ "$(head -c 4 "$TMP_DIR/hotel.png" | od -An -c | tr -d ' ')" = '211PNG' ]; then pass "blueprint: -T png renders"
else fail "blueprint: -T png renders" "$(cat "$TMP_DIR/err")"; fi
for example in examples/*.jrn; do
    if "$JRNC" --view blueprint "$example" 2> "$TMP_DIR/err" | dot -Tsvg > "$TMP_DIR/out.svg" 2> "$TMP_DIR/dot-err" \
        && [ ! -s "$TMP_DIR/err" ] && grep -q '</svg>' "$TMP_DIR/out.svg" && ! grep -qi 'error' "$TMP_DIR/dot-err"; then
        pass "blueprint: $example renders"
    else fail "blueprint: $example renders" "$(cat "$TMP_DIR/err" "$TMP_DIR/dot-err")"; fi
done

# The README's blueprint is what jrnc draws now (compared by its texts).
picture="$JRN_ROOT/docs/hotel_stay_blueprint.svg"
"$JRNC" -T svg --view blueprint "$hotel" -o "$TMP_DIR/blueprint.svg" 2>/dev/null
texts() { python3 -c 'import sys, xml.etree.ElementTree as E
for t in E.parse(sys.argv[1]).iter("{http://www.w3.org/2000/svg}text"): print(t.text)' "$1" | sort; }
if [ -f "$picture" ] && [ "$(texts "$picture")" = "$(texts "$TMP_DIR/blueprint.svg")" ]; then
    pass "blueprint: docs/hotel_stay_blueprint.svg is up to date"
else
    fail "blueprint: docs/hotel_stay_blueprint.svg is up to date" \
        "regenerate: jrnc -T svg --view blueprint examples/hotel_stay.jrn -o docs/hotel_stay_blueprint.svg"
fi

# Hostile titles stay text.
cat > "$TMP_DIR/hostile.jrn" <<'EOF'
stage s "<B>stage</B>"
touchpoint a "A & <I>b</I>" in s { does: "press \\N then \"quote\""  evidence: "<TABLE>"  fail: "</TD></TR>" }
touchpoint w "Work <BR/>" in s { backstage  serves: a }
EOF
if "$JRNC" --view blueprint "$TMP_DIR/hostile.jrn" > "$TMP_DIR/hostile.dot" 2> "$TMP_DIR/err" \
    && dot -Tsvg "$TMP_DIR/hostile.dot" > /dev/null 2> "$TMP_DIR/dot-err" && ! grep -q '<I>b</I>\|<TABLE>"\|Work <BR/>' "$TMP_DIR/hostile.dot" \
    && grep -q '&lt;TABLE&gt;' "$TMP_DIR/hostile.dot"; then pass "blueprint: hostile titles stay text"
else fail "blueprint: hostile titles stay text" "$(cat "$TMP_DIR/err" "$TMP_DIR/dot-err")"; fi

expect_exit_output "blueprint: a misspelt view is a usage error naming blueprint" 2 "flow, canvas or blueprint, not 'blueprnt'" \
    "$JRNC" --view blueprnt "$hotel"

# --- the language ------------------------------------------------------------------------
# mistake NAME SOURCE LOCATION MESSAGE: compiling SOURCE fails (exit 1) with MESSAGE at LOCATION.
mistake() {
    local name=$1 source=$2 location=$3 message=$4
    printf '%s\n' "$source" > "$TMP_DIR/m.jrn"
    local out; out=$(cd "$TMP_DIR" && "$JRNC" check m.jrn 2>&1); local got=$?
    if [ "$got" -eq 1 ] && grep -qF "m.jrn:$location: error: $message" <<<"$out"; then pass "blueprint: $name"
    else fail "blueprint: $name" "exit $got; wanted m.jrn:$location: error: $message" "$out"; fi
}
base='stage a "A"
stage b "B"
touchpoint front "Front" in a
touchpoint later "Later" in b'
mistake "both lanes" "$base
touchpoint w \"W\" in a { backstage  support }" 5:36 "touchpoint 'w' cannot be both backstage and support"
mistake "serves on the frontstage" "$base
touchpoint w \"W\" in a { serves: front }" 5:33 "'serves' belongs on a backstage or support touchpoint, and 'w' is frontstage"
mistake "serves itself" "$base
touchpoint w \"W\" in a { backstage  serves: w }" 5:44 "touchpoint 'w' serves itself"
mistake "serves a later stage" "$base
touchpoint w \"W\" in a { backstage  serves: later }" 5:44 "'w' serves 'later' of stage 'b', which comes after its own stage 'a'"
mistake "backstage serves backstage" "$base
touchpoint w \"W\" in a { backstage  serves: front }
touchpoint v \"V\" in a { backstage  serves: w }" 6:44 "'v' serves 'w', which is backstage: backstage work serves frontstage touchpoints"
mistake "support serves support" "$base
touchpoint w \"W\" in a { support  serves: front }
touchpoint v \"V\" in a { support  serves: w }" 6:42 "'v' serves 'w', which is support: a support process serves backstage or frontstage touchpoints"
mistake "an unknown serves target has a did-you-mean" "$base
touchpoint w \"W\" in a { backstage  serves: frnt }" 5:44 "unknown touchpoint 'frnt'; did you mean 'front'?"
mistake "serves names a stage" "$base
touchpoint w \"W\" in a { backstage  serves: a }" 5:44 "'a' is a stage, not a touchpoint"
mistake "wait takes a duration" "$base
touchpoint w \"W\" in a { wait: 5 }" 5:31 "'wait' takes a duration such as 30min"
mistake "evidence takes text" "$base
touchpoint w \"W\" in a { evidence: receipt }" 5:35 "'evidence' takes text in quotes, not a name"
mistake "fail needs a value" "$base
touchpoint w \"W\" in a { fail }" 5:25 "'fail' needs a value: fail: text in quotes"
mistake "support takes no value" "$base
touchpoint w \"W\" in a { support: yes }" 5:34 "'support' is a flag: write it alone, without a value"
mistake "a misspelt flag has a did-you-mean" "$base
touchpoint w \"W\" in a { suport }" 5:25 "unknown flag 'suport' on touchpoint; did you mean 'support'?"
mistake "wait is set once" "$base
touchpoint w \"W\" in a { wait: 5min  wait: 6min }" 5:37 "'wait' is already set on touchpoint 'w'"

# Every serves: name is a reference the model records (a language server's go-to).
check="$JRN_ROOT/build/release/references_check"
case "$JRNC" in */build/sanitize/*) check="$JRN_ROOT/build/sanitize/references_check" ;; esac
if [ -x "$check" ]; then
    "$check" "$hotel:check_in=5" "$hotel:book_online=4" "$hotel:assign_room=1" "$hotel:settle_folio=1" \
        | sed 's/^\(PASS\|FAIL\): references of /\1: blueprint: references of /'
else fail "blueprint: references" "$check is not built (make check builds it)"; fi
exit 0
