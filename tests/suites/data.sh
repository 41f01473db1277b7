#!/usr/bin/env bash
# Measured data (--data FILE.csv): bad files give exactly the expected located diagnostics
# (tests/data/errors/NAME.csv beside NAME.expected, read against tests/data/shop.jrn, or
# against the acme example for files named acme-*); good files are read (quotes, CRLF, BOM,
# columns in any order) and their latest values used: observed rates replace declared ones
# in jrnc flow. UPDATE=1 rewrites the .expected files (review the diff!).
source "$JRN_ROOT/tests/lib.sh"
cd "$JRN_ROOT/tests/data/errors" || exit 1

for file in *.csv; do
    base=${file%.csv}
    name="bad data: $base"
    map=../shop.jrn
    case "$base" in acme-*) map=../../../examples/acme_post_sales.jrn ;; esac
    out=$("$JRNC" flow --data "$file" "$map" 2>&1 >/dev/null); status=$?
    if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$out" > "$base.expected"; fi
    expected=$(cat "$base.expected" 2>/dev/null)
    if [ "$status" -ne 1 ]; then fail "$name" "exit $status, expected 1" "$out"
    elif [ "$out" != "$expected" ]; then fail "$name" "$(diff <(printf '%s\n' "$expected") <(printf '%s\n' "$out"))"
    else pass "$name"; fi
done

cd "$JRN_ROOT/tests/data" || exit 1
out=$("$JRNC" flow --data no-such.csv shop.jrn 2>&1); status=$?
[ "$status" -eq 2 ] && [ "$out" = "jrnc: error: cannot read 'no-such.csv': No such file or directory" ] \
    && pass "unreadable data file: one line, exit 2" || fail "unreadable data file: one line, exit 2" "exit $status" "$out"
out=$("$JRNC" flow --data 2>&1); status=$?
[ "$status" -eq 2 ] && pass "--data without a file: usage error" || fail "--data without a file: usage error" "exit $status" "$out"

if ! have python3; then
    skip "observed rates in jrnc flow" "python3 is missing"
    exit 0
fi

# rates FILE...: "from->to=probability(observed)" for every hop of journey buyer.
rates() {
    local args=()
    for file in "$@"; do args+=(--data "$file"); done
    "$JRNC" flow -f json "${args[@]}" shop.jrn | python3 -c '
import json, sys
j = json.load(sys.stdin)["journeys"][0]
hops = ["%s->%s=%g%s" % (h["from"], h["to"], h["probability"], "*" if h["observed"] else "") for h in j["hops"]]
print(j["rates"], j["observed_hops"], " ".join(hops))'
}
declared="declared 0 ad->browse=0.05 browse->cart=0.4 cart->pay=0.7 pay->deliver=1 deliver->review=0.9 deliver->support=0.1 support->deliver=0.8 support->review=0.15"
observed="observed 2 ad->browse=0.05 browse->cart=0.25* cart->pay=0.6* pay->deliver=1 deliver->review=0.9 deliver->support=0.1 support->deliver=0.8 support->review=0.15"
out=$(rates); [ "$out" = "$declared" ] && pass "flow without data uses declared rates" || fail "flow without data uses declared rates" "$out"
out=$(rates shop.csv 2>&1)
[ "$out" = "$observed" ] && pass "flow --data: the latest observed rates replace declared ones (journey and touchpoint subjects)" \
    || fail "flow --data: observed rates" "$out"
out=$(rates quoted.csv 2>&1)
[ "$out" = "$observed" ] && pass "RFC 4180: quotes, doubled quotes, CRLF, BOM, line ends in quotes, columns in any order" \
    || fail "RFC 4180 quoting" "$out"
printf 'subject,metric,value,date\nbuyer,rate:browse->cart,50%%,2026-04-30\nbuyer,rate:cart->pay,10%%,2025-01-01\n' > "$TMP_DIR/newer.csv"
out=$(rates shop.csv "$TMP_DIR/newer.csv" 2>&1)
[[ "$out" == *"browse->cart=0.5*"*"cart->pay=0.6*"* ]] && pass "several --data files: the newest value wins, whatever the file" \
    || fail "several --data files" "$out"
out=$("$JRNC" flow --data shop.csv shop.jrn 2>/dev/null | sed -n 2p)
[ "$out" = "  Rates: observed for 2 of 8 hops (measured data), declared for the rest" ] \
    && pass "flow says when it uses observed rates" || fail "flow says when it uses observed rates" "$out"
out=$("$JRNC" flow --data shop.csv -f md shop.jrn 2>/dev/null | grep -c 'Rates: observed for 2 of 8 hops')
[ "$out" = 1 ] && pass "flow -f md says when it uses observed rates" || fail "flow -f md says when it uses observed rates" "$out"

# A value for a metric the subject has no KPI for is kept, with a note.
printf 'subject,metric,value,date\nsupport,csat,3.9,2026-03-31\n' > "$TMP_DIR/no-kpi.csv"
out=$("$JRNC" flow --data "$TMP_DIR/no-kpi.csv" shop.jrn 2>&1 >/dev/null); status=$?
[ "$status" -eq 0 ] && [[ "$out" == *"no-kpi.csv:2:1: note: touchpoint 'support' has no kpi csat: the value has no target to meet"* ]] \
    && pass "a value without a KPI: note, exit 0" || fail "a value without a KPI: note, exit 0" "exit $status" "$out"

# --- The overlay in jrnc lint: kpi-missed, kpi-no-data, emotion-gap-internal -------------
lint_args=(lint --today 2026-04-01 -Wno-no-owner -Wno-kpi-without-target)
out=$("$JRNC" "${lint_args[@]}" --data shop.csv shop.jrn 2>&1; echo "exit status: $?")
if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$out" > lint.expected; fi
[ "$out" == "$(cat lint.expected)" ] && pass "lint --data: missed KPIs, KPIs without data, emotion gaps (golden)" \
    || fail "lint --data (golden)" "$(diff lint.expected <(printf '%s\n' "$out"))"
out=$("$JRNC" "${lint_args[@]}" shop.jrn 2>&1)
[[ "$out" != *kpi-missed* && "$out" != *kpi-no-data* && "$out" != *emotion-gap-internal* ]] \
    && pass "lint without --data: no data rules fire" || fail "lint without --data: no data rules fire" "$out"
out=$("$JRNC" "${lint_args[@]}" --format json --data shop.csv shop.jrn | python3 -c '
import json, sys
d = json.load(sys.stdin)["diagnostics"]
rules = sorted({x["rule"] for x in d if x["rule"]})
notes = [n["file"] for x in d if x["rule"] == "kpi-missed" for n in x["notes"]]
print(",".join(rules), ",".join(sorted(set(notes))))')
[ "$out" = "emotion-gap-internal,kpi-missed,kpi-no-data shop.csv" ] && pass "lint --format json --data: the data rules, notes in the CSV" \
    || fail "lint --format json --data" "$out"
out=$("$JRNC" lint --data errors/out-of-scale.csv shop.jrn 2>&1); status=$?
[ "$status" -eq 1 ] && [[ "$out" == *"out-of-scale.csv:2:10: error: 6 is outside the scale of metric 'csat' (1..5)"* ]] \
    && pass "lint --data: errors in the data, exit 1" || fail "lint --data: errors in the data, exit 1" "exit $status" "$out"
out=$("$JRNC" lint --data no-such.csv shop.jrn 2>&1); status=$?
[ "$status" -eq 2 ] && pass "lint --data: unreadable file exits 2" || fail "lint --data: unreadable file exits 2" "exit $status" "$out"
