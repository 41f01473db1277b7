#!/usr/bin/env bash
# seconds: 60
# sanitizer seconds: 10
# Reports layout suite: the HTML report of every example (and with --data where the
# example has measured data), of the hostile map and of a generated 40-touchpoint map,
# measured in headless chromium by tests/reports/layout.mjs at 360, 390, 1024, 1400 and
# 1920 px and printed: no sideways scrolling, no overlapping or cut SVG text, a readable
# journey graph, a page that prints whole. Screenshots at 390 and 1024 px are left in
# build/reports_layout/ for a person to look at. The sanitizer run holds each report to the
# release build's instead (tests/lib.sh).
# Needs node with tests/reports/node_modules (tests/deps/reports.sh) and chromium.
set -u
. "$JRN_ROOT/tests/lib.sh"
data="$JRN_ROOT/tests/reports"
shots="$JRN_ROOT/build/${JRN_TEST_LABEL:-reports_layout}"
cd "$JRN_ROOT" || exit 2

if ! have node || ! have chromium; then
    skip "html layout in headless chromium" "node or chromium is missing (tests/deps/reports.sh)"
    exit 0
fi
if [ ! -d "$data/node_modules/puppeteer-core" ]; then
    skip "html layout in headless chromium" "tests/reports/node_modules is missing: run npm ci --prefix tests/reports"
    exit 0
fi

# The generated map: 40 touchpoints over 10 stages, long titles.
check "html layout: the generated 40-touchpoint map compiles" \
    sh -c 'node "$1" >"$2" && "$3" check "$2"' sh "$data/big_map.mjs" "$TMP_DIR/forty.jrn" "$JRNC"

reports=()
add_report() {   # add_report NAME MAP [--data CSV]
    local name=$1 map=$2; shift 2
    if ! "$JRNC" -f html "$map" "$@" -o "$TMP_DIR/$name.html" 2>"$TMP_DIR/$name.stderr"; then
        fail "html layout: $name compiles" "$(cat "$TMP_DIR/$name.stderr")"
    elif in_sanitizer_run; then
        same_as_release "html layout: the sanitizer build writes the release build's $name report" \
            "$TMP_DIR/$name.html" -f html "$map" "$@" -o OUT
    else
        reports+=("$name=$TMP_DIR/$name.html")
    fi
}
for map in examples/*.jrn; do
    add_report "$(basename "$map" .jrn)" "$map"
done
add_report acme_post_sales-data examples/acme_post_sales.jrn --data examples/acme_actuals.csv
add_report hostile tests/reports/hostile.jrn
add_report forty "$TMP_DIR/forty.jrn"

in_sanitizer_run || node "$data/layout.mjs" "$shots" "${reports[@]}"
