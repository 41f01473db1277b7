#!/usr/bin/env bash
# JSON layout: every JSON document jrnc writes (-f json with and without --data, lint
# --format json and sarif, flow --format json, diff --format json) keeps its exact bytes,
# compared with the golden files in tests/json/ (tools may diff these documents); strings
# escape control characters and write bytes that are not UTF-8 as \ufffd.
# UPDATE=1 rewrites the golden files from the current output (review the diff!).
set -u
. "$JRN_ROOT/tests/lib.sh"
golden="$JRN_ROOT/tests/json"
cd "$JRN_ROOT" || exit 2             # locations in the documents are relative to here
today=--today=2026-11-23

# layout NAME WANT COMMAND-ARGS...: jrnc's standard output is byte for byte golden/NAME.json.
layout() {
    local name=$1 want=$2; shift 2
    local out="$TMP_DIR/$name.json"
    "$JRNC" "$@" >"$out" 2>/dev/null; local status=$?
    # The standard library's absolute folder depends on where the tree is checked out.
    local stdlib
    stdlib=$(cd "$JRN_ROOT/stdlib" && pwd -P)
    sed -i "s|$stdlib|@STDLIB@|g" "$out"
    if [ "${UPDATE:-}" = 1 ]; then cp "$out" "$golden/$name.json"; fi
    if [ "$status" -ne "$want" ]; then fail "layout: $name" "exit $status, expected $want"
    elif ! cmp -s "$golden/$name.json" "$out"; then fail "layout: $name" "$(diff "$golden/$name.json" "$out" | head -n 20)"
    else pass "layout: $name"; fi
}

layout model 0 -f json examples/b2b_logistics.jrn
layout model-data 0 -f json --data examples/acme_actuals.csv examples/acme_post_sales.jrn
layout model-hostile 0 -f json tests/reports/hostile.jrn
layout lint 0 lint "$today" --format json examples/acme_post_sales.jrn
layout lint-unreadable 2 lint "$today" --format json tests/check/errors/bad-nesting.jrn no-such.jrn
layout sarif 0 lint "$today" --format sarif examples/acme_post_sales.jrn
layout sarif-unreadable 2 lint "$today" --format sarif tests/check/errors/bad-nesting.jrn no-such.jrn
layout flow 0 flow --format json tests/flow/trapped.jrn
layout flow-data 0 flow --format json --data tests/data/shop.csv tests/data/shop.jrn
layout diff 1 diff --format json tests/diff/base.jrn tests/diff/cases/most-consequential/new.jrn
layout diff-lists 1 diff --format json tests/diff/base.jrn tests/diff/cases/stage-loops/new.jrn
layout diff-none 0 diff --format json tests/diff/base.jrn tests/diff/cases/formatting-only/new.jrn

# A file name with a control character and a byte that is not UTF-8 stays valid JSON.
odd=$(printf 'odd\001\377name.jrn')
cp tests/diff/base.jrn "$TMP_DIR/$odd"
out=$(cd "$TMP_DIR" && "$JRNC" diff --format json "$odd" "$odd" 2>&1)
if [[ "$out" == *'"old": "odd\u0001\ufffdname.jrn",'* ]] && printf '%s\n' "$out" | python3 -c 'import json, sys; json.load(sys.stdin)'; then
    pass "strings: control characters escaped, a byte that is not UTF-8 as \\ufffd"
else
    fail "strings: control characters escaped, a byte that is not UTF-8 as \\ufffd" "$out"
fi

# Every example's -f json validates against the published schema (hospital_hip has ends: and
# rest:, acme_post_sales with --data has actuals).
validate_schema() {
    local name=$1; shift
    "$JRNC" -f json "$@" >"$TMP_DIR/schema-$name.json" 2>/dev/null
    local out
    out=$(python3 - "$JRN_ROOT/docs/jrnc-1.schema.json" "$TMP_DIR/schema-$name.json" <<'PY'
import json, sys, jsonschema
validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
for error in validator.iter_errors(json.load(open(sys.argv[2]))):
    print(f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
PY
)
    [ -z "$out" ] && pass "schema: $name validates against docs/jrnc-1.schema.json" || fail "schema: $name" "$out"
}
for map in examples/*.jrn; do
    validate_schema "$(basename "$map" .jrn)" "$map"
done
validate_schema acme-data --data examples/acme_actuals.csv examples/acme_post_sales.jrn
if ! grep -q '"rest": "completes"\|"ends": \["' "$TMP_DIR/schema-hospital_hip.json"; then
    fail "schema: hospital_hip carries ends or rest" "$(grep -n '"ends"\|"rest"' "$TMP_DIR/schema-hospital_hip.json")"
else
    pass "schema: hospital_hip carries ends or rest"
fi
