#!/usr/bin/env bash
# seconds: 55
# sanitizer seconds: 80
# Reports suite: -f json, csv, md and html for every example and for a map full of hostile
# titles. JSON is parsed, checked against the source and validated against
# docs/jrnc-1.schema.json; CSV is read with Python's csv module; Markdown is compared with
# its golden file; HTML is loaded in headless chromium (DOM dump and a screenshot).
# Also: -o writes whole files and a failing compile never clobbers one; output is
# byte-identical from run to run. Data and checkers: tests/reports/ (README there).
set -u
. "$JRN_ROOT/tests/lib.sh"
data="$JRN_ROOT/tests/reports"
shots="$JRN_ROOT/build/${JRN_TEST_LABEL:-reports}"      # kept after the run, for a person to look at
mkdir -p "$shots"
cd "$JRN_ROOT" || exit 2             # locations and golden files use paths relative to here

# A python3 with jsonschema (the pyenv one or Debian's python3-jsonschema).
python=python3
schema_python=""
for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import jsonschema' >/dev/null 2>&1; then schema_python=$candidate; break; fi
done

chromium_run() {
    local profile
    profile=$(mktemp -d "$TMP_DIR/chromium.XXXXXX")
    timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --no-first-run --user-data-dir="$profile" "$@" 2>/dev/null
    local status=$?
    rm -rf "$profile"
    return $status
}

# A PNG of the expected size that is not a blank page (a blank one compresses to a few KB).
check_screenshot() {
    "$python" - "$1" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1400, 3000), f"size {width}x{height}"
assert len(data) > 60000, f"only {len(data)} bytes: a blank page?"
EOF
}

validate_schema() {
    "$schema_python" - "$JRN_ROOT/docs/jrnc-1.schema.json" "$1" <<'EOF'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
errors = sorted(validator.iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))), key=str)
for error in errors[:10]:
    print("   ", error.json_path, error.message)
sys.exit(1 if errors else 0)
EOF
}

produce() {   # produce MAP FORMAT OUT: compile, and fail the case loudly when it does not
    "$JRNC" -f "$2" "$1" -o "$3" 2>"$3.stderr"
}

check_map() {
    local map=$1 name out
    name=$(basename "$map" .jrn)
    out="$TMP_DIR/$name"
    for format in json csv md html; do
        if ! produce "$map" "$format" "$out.$format"; then
            fail "$format: $name compiles" "$(cat "$out.$format.stderr")"
            return
        fi
    done

    check "json: $name parses, counts and order match the source" \
        "$python" "$data/check_json.py" "$out.json" "$map" "$data/expect/$name.txt"
    if [ -n "$schema_python" ]; then
        check "json: $name is valid against docs/jrnc-1.schema.json" validate_schema "$out.json"
    else
        skip "json: $name is valid against docs/jrnc-1.schema.json" "no python3 with jsonschema"
    fi

    check "csv: $name reads back with a CSV parser, one record per touchpoint" \
        "$python" "$data/check_csv.py" "$out.csv" "$out.json"

    check "md: $name matches tests/reports/golden/$name.md" \
        diff -u "$data/golden/$name.md" "$out.md"
    check "md: $name tables and escaping hold" "$python" "$data/check_md.py" "$out.md"

    if ! have chromium; then
        skip "html: $name in headless chromium" "chromium is not installed (tests/deps/reports.sh)"
        return
    fi
    # One chromium run: the DOM it built, and a screenshot of the page.
    rm -f "$shots/$name.png"
    if chromium_run --dump-dom --screenshot="$shots/$name.png" --window-size=1400,3000 \
            "file://$out.html" >"$out.dom" && [ -s "$out.dom" ]; then
        check "html: $name has graph, curve and heat map, and is self-contained" \
            "$python" "$data/check_dom.py" "$out.dom" "$out.json"
    else
        fail "html: $name has graph, curve and heat map, and is self-contained" "chromium --dump-dom failed"
    fi
    check "html: $name screenshot ($shots/$name.png)" check_screenshot "$shots/$name.png"
}

for map in examples/*.jrn tests/reports/hostile.jrn; do
    check_map "$map"
done

# The example in docs/json-schema.md is what jrnc writes.
check "json: the excerpt in docs/json-schema.md matches the output" "$python" - \
    "$JRN_ROOT/docs/json-schema.md" "$TMP_DIR/acme_post_sales.json" <<'EOF'
import json, re, sys
excerpt = json.loads(re.search(r"```json\n(.*?)```", open(sys.argv[1]).read(), re.S).group(1))
real = json.load(open(sys.argv[2]))
assert list(excerpt)[0] == "schema" and excerpt["schema"] == real["schema"]
assert excerpt["map"] == real["map"], f"map: {real['map']}"
for touchpoint in excerpt["touchpoints"]:
    assert touchpoint in real["touchpoints"], f"touchpoint {touchpoint['id']} differs"
EOF

# The schema check must be able to fail: a touchpoint without its stage is rejected.
if [ -n "$schema_python" ]; then
    "$python" -c '
import json, sys
doc = json.load(open(sys.argv[1])); del doc["touchpoints"][0]["stage"]
json.dump(doc, open(sys.argv[2], "w"))' "$TMP_DIR/acme_post_sales.json" "$TMP_DIR/broken.json"
    if validate_schema "$TMP_DIR/broken.json" >/dev/null; then
        fail "json: the schema rejects a touchpoint without a stage" "the validator accepted it"
    else
        pass "json: the schema rejects a touchpoint without a stage"
    fi
fi

# The hostile texts never reach the HTML as markup.
if grep -qi '<script\|<img\|<svg onload\|<b>bold\|<i>italic' "$TMP_DIR/hostile.html"; then
    fail "html: hostile titles stay text" "$(grep -oi '.\{20\}<script.\{20\}\|.\{20\}<img.\{20\}' "$TMP_DIR/hostile.html" | head -3)"
else
    pass "html: hostile titles stay text"
fi

# Byte-identical from run to run.
for format in json csv md html; do
    "$JRNC" -f "$format" examples/b2b_logistics.jrn >"$TMP_DIR/again.$format" 2>/dev/null
    check "$format: output is byte-identical across runs" cmp "$TMP_DIR/b2b_logistics.$format" "$TMP_DIR/again.$format"
done

# -o writes exactly what standard output gets.
for format in json csv md html; do
    "$JRNC" -f "$format" examples/acme_post_sales.jrn >"$TMP_DIR/stdout.$format" 2>/dev/null
    check "$format: -o FILE holds what standard output gets" cmp "$TMP_DIR/acme_post_sales.$format" "$TMP_DIR/stdout.$format"
done

# A failing compile leaves an existing -o file alone, and says why on stderr.
for format in json csv md html; do
    keep="$TMP_DIR/keep.$format"
    echo "precious $format" >"$keep"
    "$JRNC" -f "$format" tests/reports/broken.jrn -o "$keep" 2>"$TMP_DIR/broken.stderr"
    status=$?
    if [ "$status" -eq 1 ] && [ "$(cat "$keep")" = "precious $format" ] && grep -q "error:" "$TMP_DIR/broken.stderr"; then
        pass "$format: a failing compile exits 1 and leaves -o FILE untouched"
    else
        fail "$format: a failing compile exits 1 and leaves -o FILE untouched" \
            "    exit status $status; file now: $(head -c 80 "$keep")"
    fi
done

# An -o into a folder that does not exist is an I/O failure (2) that leaves nothing behind.
"$JRNC" -f html examples/acme_post_sales.jrn -o "$TMP_DIR/no/such/folder/report.html" 2>"$TMP_DIR/nofolder.stderr"
status=$?
if [ "$status" -eq 2 ] && [ ! -e "$TMP_DIR/no" ] && [ -s "$TMP_DIR/nofolder.stderr" ]; then
    pass "html: -o into a missing folder exits 2"
else
    fail "html: -o into a missing folder exits 2" "    exit status $status: $(cat "$TMP_DIR/nofolder.stderr")"
fi

# Heat map by persona: a touchpoint counts for the personas it names, else for those whose
# journeys visit it, else for everyone, and each cell says which rule gave its counts.
want='| 1. Waiting | 🔴 2 pain · 1 via journeys · 1 unassigned | 🟠 1 pain, 1 delight · 2 via journeys · 1 unassigned | 🔴 1 pain · 1 via journeys · 1 unassigned | 🔴 2 pain, 1 delight |'
got=$("$JRNC" -f md tests/reports/audience.jrn 2>&1 | grep -F '| 1. Waiting | 🔴')
check "md: heat map counts each touchpoint for its audience and says which rule" [ "$got" = "$want" ]
"$JRNC" -f html tests/reports/audience.jrn >"$TMP_DIR/audience.html" 2>/dev/null
got=$(grep -o '<span class="sub">[0-9]* \(via journeys\|unassigned\)</span>' "$TMP_DIR/audience.html" | tr '\n' ' ')
check "html: heat cells say via journeys / unassigned" \
    [ "$got" = '<span class="sub">1 via journeys</span> <span class="sub">1 unassigned</span> <span class="sub">2 via journeys</span> <span class="sub">1 unassigned</span> <span class="sub">1 via journeys</span> <span class="sub">1 unassigned</span> ' ]

# Past 24 personas the heat map has a column for the first 24, and past 60 stages the
# accountability matrix for the first 60, and each says so: such tables would grow as the
# product of two counts. Persona p29 (no column) still counts in "All touchpoints"; the
# duties of stage 61 (no column) are in its stage's section.
python3 - "$TMP_DIR/wide-tables.jrn" <<'PY'
import sys
with open(sys.argv[1], "w") as out:
    out.write('team crew "Crew"\n')
    for p in range(30):
        out.write(f'persona p{p} "P{p}"\n')
    for s in range(70):
        out.write(f'stage s{s} "S{s}" {{ owner: crew  touchpoint x{s} "X{s}" {{ persona: p{s % 30}  pain }} }}\n')
PY
md=$("$JRNC" -f md "$TMP_DIR/wide-tables.jrn" 2>&1)
heading=$(printf '%s\n' "$md" | grep '^| Stage | P0 |')
check "md: the heat map has a column for the first 24 of 30 personas and says so" \
    [ "$(printf '%s' "$heading" | grep -o ' | ' | wc -l)" -eq 25 \
    -a -n "$(printf '%s\n' "$md" | grep -Fx '*The first 24 of 30 personas have a column.*')" \
    -a -n "$(printf '%s' "$heading" | grep -F '| P23 | All touchpoints |')" ]
duties=$(printf '%s\n' "$md" | grep '^| \*\*Crew\*\* |')
check "md: the accountability matrix has a column for the first 60 of 70 stages and says so" \
    [ "$(printf '%s' "$duties" | grep -o 'owns the stage' | wc -l)" -eq 60 \
    -a -n "$(printf '%s\n' "$md" | grep -Fx '*The first 60 of 70 stages have a column.*')" ]
html=$("$JRNC" -f html "$TMP_DIR/wide-tables.jrn" 2>&1)
check "html: the heat map and the accountability matrix say what has no column" \
    [ -n "$(printf '%s\n' "$html" | grep -F '<p>The first 24 of 30 personas have a column.</p>')" \
    -a -n "$(printf '%s\n' "$html" | grep -F '<p>The first 60 of 70 stages have a column.</p>')" \
    -a "$(printf '%s\n' "$html" | grep -o '<div class="own">owns the stage</div>' | wc -l)" -eq 60 ]
