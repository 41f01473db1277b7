#!/usr/bin/env bash
# Measured data (--data FILE.csv): bad files give exactly the expected located diagnostics
# (tests/data/errors/NAME.csv beside NAME.expected, read against tests/data/shop.jrn, or
# against the acme example for files named acme-*); good files are read (quotes, CRLF, BOM,
# columns in any order) and their latest values used: observed rates replace declared ones
# in jrnc flow. UPDATE=1 rewrites the .expected files (review the diff!).
source "$JRN_ROOT/tests/lib.sh"
# Today is pinned: a row dated after today is a warning, and the expected outputs must not
# change with the calendar.
export SOURCE_DATE_EPOCH=1795392000      # 2026-11-23
cd "$JRN_ROOT/tests/data/errors" || exit 1

for file in *.csv; do
    base=${file%.csv}
    name="bad data: $base"
    map=../shop.jrn
    case "$base" in acme-*) map=../../../examples/acme_post_sales.jrn ;; esac
    out=$("$JRNC" flow --data "$file" "$map" 2>&1 >/dev/null); status=$?
    expect_golden "$name" 1 "$status" "$out" "$base.expected"
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

# --- The overlay in the Graphviz picture: KPI status on nodes and stages -----------------
out=$("$JRNC" --data shop.csv shop.jrn 2>&1 | grep -o '[A-Z][a-zA-Z ]* [0-9.%hd]* / [0-9.%hd]* [✓✗]\( [▲▼] better\| [▲▼] worse\| [↑↓→]\)\?\|[A-Z][a-zA-Z ]* (no data)' | paste -sd '|')
want="Net Promoter Score 24 / 30 ✗ ▲ better|Customer effort score 2.5 / 3 ✓ ▲ better|Adoption rate 64% / 60% ✓|Customer effort score (no data)|Customer satisfaction 4.0 / 4.2 ✗ ▼ worse|First response time 36h / 2d ✓"
[ "$out" = "$want" ] && pass "dot --data: each KPI's actual / target, met or missed, and its trend" \
    || fail "dot --data: KPI status" "got:  $out" "want: $want"
dot_out=$("$JRNC" --data shop.csv shop.jrn)
[[ "$dot_out" == *"KPIs (measured data)"* && "$dot_out" == *'COLOR="#B3261E"'* && "$dot_out" == *'COLOR="#1A7938"'* ]] \
    && pass "dot --data: missed in red, met in green, explained in the legend" || fail "dot --data: colours and legend"
out=$("$JRNC" shop.jrn)
[[ "$out" != *"KPIs (measured data)"* && "$out" != *"✓"* ]] && pass "dot without --data: no KPI status" \
    || fail "dot without --data: no KPI status"
if have dot; then
    for view in full spine flow journey=buyer; do
        out=$("$JRNC" --view "$view" --data shop.csv shop.jrn | dot -Tsvg 2>&1 >/dev/null); status=$?
        [ "$status" -eq 0 ] && [ -z "$out" ] && pass "dot --data --view $view: Graphviz draws it" \
            || fail "dot --data --view $view: Graphviz draws it" "$out"
    done
else
    skip "dot --data: Graphviz draws it" "dot is missing"
fi
out=$("$JRNC" -T svg --data shop.csv shop.jrn 2>&1 | grep -c 'Net Promoter Score 24 / 30')
[ "$out" -ge 1 ] && pass "-T svg --data: the in-process picture has the KPI status" || fail "-T svg --data" "$out"

# --- --view flow: edge widths in proportion to the flow jrnc flow computes ---------------
out=$(python3 - "$JRNC" <<'PY'
import json, re, subprocess, sys
jrnc = sys.argv[1]
for data in ([], ["--data", "shop.csv"]):
    flow = json.loads(subprocess.run([jrnc, "flow", "-f", "json", *data, "shop.jrn"], capture_output=True, text=True).stdout)
    hops = {(h["from"], h["to"]): h["flow"] for h in flow["journeys"][0]["hops"]}
    dot = subprocess.run([jrnc, "--view", "flow", *data, "shop.jrn"], capture_output=True, text=True).stdout
    widths = {(a, b): float(re.search(r"penwidth=\"?([0-9.]+)", attrs).group(1))
              for a, b, attrs in re.findall(r"tp_(\w+) -> tp_(\w+)\s*\[(.*?)\];", dot, re.S)}
    busiest = max(hops.values())
    for hop, amount in hops.items():
        want = max(0.4, 8 * amount / busiest)
        if abs(widths.get(hop, -1) - want) > 0.006:
            print(f"{' '.join(data) or 'declared'}: {hop} width {widths.get(hop)} for flow {amount}, want {want:.2f}")
    if data and "observed 25%" not in dot:
        print("the observed rate is not on its edge")
PY
)
[ -z "$out" ] && pass "--view flow: widths in proportion to jrnc flow's flows, declared and observed" \
    || fail "--view flow: widths" "$out"
out=$("$JRNC" --view flow --data errors/rates-over-100.csv shop.jrn 2>&1); status=$?
[ "$status" -eq 1 ] && [[ "$out" == *"add up to 105%, more than 100%"* ]] \
    && pass "--view flow: observed rates over 100% are an error" || fail "--view flow: rates over 100%" "exit $status" "$out"

# --- The README's flow picture is what jrnc draws now -------------------------------------
picture="$JRN_ROOT/docs/acme_flow.svg"
"$JRNC" -T svg --view flow --data "$JRN_ROOT/examples/acme_actuals.csv" "$JRN_ROOT/examples/acme_post_sales.jrn" \
    -o "$TMP_DIR/acme_flow.svg" 2>/dev/null
texts() { python3 -c 'import sys, xml.etree.ElementTree as E
for t in E.parse(sys.argv[1]).iter("{http://www.w3.org/2000/svg}text"): print(t.text)' "$1" | sort; }
if [ -f "$picture" ] && [ "$(texts "$picture")" = "$(texts "$TMP_DIR/acme_flow.svg")" ]; then
    pass "docs/acme_flow.svg is up to date"
else
    fail "docs/acme_flow.svg is up to date" \
        "regenerate: jrnc -T svg --view flow --data examples/acme_actuals.csv examples/acme_post_sales.jrn -o docs/acme_flow.svg"
fi
out=$(cd "$JRN_ROOT" && "$JRNC" lint --data examples/acme_actuals.csv examples/acme_post_sales.jrn 2>&1 | grep '\[kpi-missed\]')
grep -qF -- "$out" "$JRN_ROOT/README.md" && pass "README shows what lint --data reports" \
    || fail "README shows what lint --data reports" "$out"

# --- The overlay in the reports: -f json, md, html, csv -----------------------------------
# JSON: each KPI's actual, status and trend; reported emotions; observed rates; the schema.
out=$("$JRNC" -f json --data shop.csv shop.jrn | python3 -c '
import json, sys
d = json.load(sys.stdin)
kpis = {(k["on"]["id"], k["metric"]): k for k in d["kpis"]}
def actual(key):
    k = kpis[key]
    a = k["actual"]
    if a is None: return k["status"]
    prev = a["previous"]["value"]["text"] if a["previous"] else "-"
    return "%s@%s %s %s %s" % (a["latest"]["value"]["text"], a["latest"]["date"], k["status"], a["trend"], prev)
rows = [actual(k) for k in [("discover", "nps"), ("buy", "ces"), ("cart", "ces"), ("pay", "csat"), ("buyer", "retention_rate")]]
emotions = [(s["id"], s["reported_emotion"]["latest"]["label"]) for s in d["stages"] + d["touchpoints"] if s["reported_emotion"]]
hops = [(h["from"], h["to"], h["observed_rate"]["latest"]["rate"]) for j in d["journeys"] for h in j["hops"] if h["observed_rate"]]
print(" | ".join(rows)); print(emotions); print(hops)')
want="24@2026-03-31 missed better 18 | 2.5@2026-03-31 met better 3.5 | no data | 4.0@2026-03-31 missed worse 4.4 | 52%@2026-03-31 met None -
[('discover', 'unhappy'), ('browse', 'unhappy'), ('pay', 'frustrated')]
[('browse', 'cart', 0.25), ('cart', 'pay', 0.6)]"
[ "$out" = "$want" ] && pass "json --data: actual, status, trend per KPI; reported emotions; observed rates" \
    || fail "json --data" "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$out"))"
out=$("$JRNC" -f json shop.jrn | grep -c '"actual"\|"status"\|"reported_emotion"\|"observed_rate"')
[ "$out" = 0 ] && pass "json without --data: no measured-data keys" || fail "json without --data: no measured-data keys" "$out"
if python3 -c 'import jsonschema' 2>/dev/null; then
    "$JRNC" -f json --data shop.csv shop.jrn > "$TMP_DIR/shop.json"
    out=$(python3 - "$JRN_ROOT/docs/jrnc-1.schema.json" "$TMP_DIR/shop.json" <<'PY'
import json, sys, jsonschema
validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
for error in list(validator.iter_errors(json.load(open(sys.argv[2]))))[:5]: print(error.json_path, error.message)
PY
)
    [ -z "$out" ] && pass "json --data: valid against docs/jrnc-1.schema.json" || fail "json --data: schema" "$out"
else
    skip "json --data: valid against docs/jrnc-1.schema.json" "python3 jsonschema is missing"
fi

# Markdown: the KPI table with actuals and the reported emotions (golden).
out=$("$JRNC" -f md --data shop.csv shop.jrn | sed -n '/^## KPIs/,/^## Proactive-service triggers/p' | sed '$d')
if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$out" > report-kpis.md; fi
[ "$out" == "$(cat report-kpis.md)" ] && pass "md --data: actual / status / trend columns, what customers report (golden)" \
    || fail "md --data (golden)" "$(diff report-kpis.md <(printf '%s\n' "$out"))"
out=$("$JRNC" -f md shop.jrn | grep -c '| Actual |\|What customers report')
[ "$out" = 0 ] && pass "md without --data: no measured-data columns" || fail "md without --data" "$out"

# HTML: the same facts in the KPI table and the reported-emotion section.
out=$("$JRNC" -f html --data shop.csv shop.jrn | python3 -c '
import sys
from html.parser import HTMLParser
class Rows(HTMLParser):
    def __init__(self):
        super().__init__(); self.section = None; self.rows = {}; self.cell = None; self.row = None
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section": self.section = attrs.get("id")
        if tag == "tr": self.row = []
        if tag == "td": self.cell = ""
    def handle_endtag(self, tag):
        if tag == "td" and self.row is not None: self.row.append(" ".join(self.cell.split())); self.cell = None
        if tag == "tr" and self.row: self.rows.setdefault(self.section, []).append(self.row); self.row = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
p = Rows(); p.feed(sys.stdin.read())
for row in p.rows.get("kpis", []): print(" / ".join(row[6:]))
for row in p.rows.get("reported", []): print(" / ".join(row))')
want="24 on 2026-03-31 / ✗ missed / better than 18 on 2025-12-31
2.5 on 2026-03-31 / ✓ met / better than 3.5 on 2026-02-28
64% on 2026-03-31 / ✓ met / 
 / no data / 
4.0 on 2026-03-31 / ✗ missed / worse than 4.4 on 2026-02-28
36h on 2026-03-31 / ✓ met / 
52% on 2026-03-31 / ✓ met / 
stage Discover / 1 pleased / -1 unhappy on 2026-03-31 / -2
touchpoint Browse the shop / 1 pleased / -1 unhappy on 2026-03-31 / -2
touchpoint Pay / -1 unhappy / -2 frustrated on 2026-03-31 / -1"
[ "$out" = "$want" ] && pass "html --data: actual / status / trend cells, what customers report" \
    || fail "html --data" "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$out"))"
out=$("$JRNC" -f html --data shop.csv shop.jrn | grep -c 'Net Promoter Score 24 / 30')
[ "$out" -ge 1 ] && pass "html --data: the inline graph shows KPI status" || fail "html --data: the inline graph shows KPI status" "$out"

# CSV: the data columns after the fixed ones, read back with Python's csv module.
out=$("$JRNC" -f csv --data shop.csv shop.jrn | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
for r in rows:
    if r["kpi_actuals"] or r["reported_emotion"]:
        print(r["touchpoint_id"], "|", r["kpi_actuals"], "|", r["kpis_missed"], r["reported_emotion"], r["reported_emotion_label"], r["reported_on"])')
want="browse | Adoption rate: 64% on 2026-03-31, met | 0 -1 unhappy 2026-03-31
cart | Customer effort score: no data | 0   
pay | Customer satisfaction: 4.0 on 2026-03-31, missed, worse than 4.4 on 2026-02-28 | 1 -2 frustrated 2026-03-31
deliver | First response time: 36h on 2026-03-31, met | 0   "
[ "$out" = "$want" ] && pass "csv --data: kpi_actuals, kpis_missed and the reported emotion columns" \
    || fail "csv --data" "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$out"))"
out=$("$JRNC" -f csv shop.jrn | head -1)
[[ "$out" != *kpi_actuals* ]] && pass "csv without --data: the usual columns" || fail "csv without --data" "$out"

# A value for one subject, metric and date given twice across files is an error at the
# second, naming the first.
printf 'subject,metric,value,date\npay,csat,3.0,2026-03-31\n' > "$TMP_DIR/again.csv"
out=$("$JRNC" check --data shop.csv --data "$TMP_DIR/again.csv" shop.jrn 2>&1); status=$?
want="$TMP_DIR/again.csv:2:1: error: a second value of csat for 'pay' on 2026-03-31: measured data holds one value per subject, metric and date
    2 | pay,csat,3.0,2026-03-31
      | ^~~~~~~~~~~~~~~~~~~~~~~
shop.csv:7:1: note: the first value for that date is here
    7 | pay,csat,4.0,2026-03-31
      | ^~~~~~~~~~~~~~~~~~~~~~~"
[ "$status" -eq 1 ] && [ "$out" = "$want" ] && pass "one value per subject, metric and date, across files" \
    || fail "one value per subject, metric and date, across files" "exit $status" "$out"

# A date after today is a warning at its cell (the value is still used); --today moves today.
printf 'subject,metric,value,date\npay,csat,4.8,2026-12-31\n' > "$TMP_DIR/future.csv"
out=$("$JRNC" check --data "$TMP_DIR/future.csv" shop.jrn 2>&1); status=$?
want="$TMP_DIR/future.csv:2:14: warning: 2026-12-31 is after today (2026-11-23)
    2 | pay,csat,4.8,2026-12-31
      |              ^~~~~~~~~~
jrnc: note: a value measured in the future is a typing mistake, or pass --today DATE"
[ "$status" -eq 0 ] && [ "$out" = "$want" ] && pass "a date after today is a warning at its cell" \
    || fail "a date after today is a warning at its cell" "exit $status" "$out"
out=$("$JRNC" check --today 2027-01-01 --data "$TMP_DIR/future.csv" shop.jrn 2>&1); status=$?
[ "$status" -eq 0 ] && [ -z "$out" ] && pass "--today moves today" || fail "--today moves today" "exit $status" "$out"

# jrnc check --data: the data checked against the map, nothing written; clean data says nothing.
out=$("$JRNC" check --data shop.csv shop.jrn 2>&1); status=$?
[ "$status" -eq 0 ] && [ -z "$out" ] && pass "check --data: clean data, no output, exit 0" \
    || fail "check --data: clean data, no output, exit 0" "exit $status" "$out"
out=$(cd errors && "$JRNC" check --data unknown-subject.csv ../shop.jrn 2>&1); status=$?
expect_golden "check --data: errors in the data as errors/unknown-subject.expected says, exit 1" 1 "$status" "$out" \
    errors/unknown-subject.expected
out=$("$JRNC" check --data no-such.csv shop.jrn 2>&1); status=$?
[ "$status" -eq 2 ] && pass "check --data: an unreadable file, exit 2" || fail "check --data: an unreadable file, exit 2" "exit $status" "$out"

# A data file with errors stops the data rules: no kpi-no-data notes from a file that failed,
# and the first message says what went wrong (exactly, before the map's own findings).
out=$("$JRNC" lint --data errors/semicolons.csv shop.jrn 2>&1); status=$?
first="errors/semicolons.csv:1:1: error: the file is separated by ';', not commas: measured data is comma-separated (CSV)
    1 | subject;metric;value;date
      | ^~~~~~~~~~~~~~~~~~~~~~~~~
jrnc: note: export it again with ',' as the field separator (the header reads: subject,metric,value,date)"
if [ "$status" -eq 1 ] && [[ "$out" != *kpi-no-data* ]] && [ "$(head -n 4 <<<"$out")" = "$first" ]; then
    pass "lint: a data file with errors gives no data findings"
else
    fail "lint: a data file with errors gives no data findings" "exit $status" "$out"
fi
out=$("$JRNC" lint --data shop.csv shop.jrn 2>&1)
[[ "$out" == *kpi-missed* || "$out" == *kpi-no-data* ]] && pass "lint: clean data gives data findings (the check above can fail)" \
    || fail "lint: clean data gives data findings" "$out"

# SOURCE_DATE_EPOCH that is not a whole number of seconds is a usage error, not ignored.
for epoch in "" abc 12x -5 99999999999999999999; do
    out=$(SOURCE_DATE_EPOCH=$epoch "$JRNC" check --data shop.csv shop.jrn 2>&1); status=$?
    [ "$status" -eq 2 ] && [[ "$out" == *"SOURCE_DATE_EPOCH must be"* ]] \
        && pass "SOURCE_DATE_EPOCH=$epoch: usage error" || fail "SOURCE_DATE_EPOCH=$epoch: usage error" "exit $status" "$out"
done
