#!/usr/bin/env bash
# seconds: 40
# sanitizer seconds: 120
# jrnc lint: every rule fires on one case and stays quiet on another (tests/lint/cases/NAME.jrn
# beside NAME.expected: the gcc-form output and exit status; NAME.args adds options);
# suppressions; -W, -Wno-, --Werror and exit statuses; JSON parsed and SARIF validated
# against the official schema; the design's worked example; the docs' examples; the
# problem matcher and the pre-commit hook.
# UPDATE=1 rewrites the .expected files from the current output (review the diff!).
source "$JRN_ROOT/tests/lib.sh"
lint="$JRN_ROOT/tests/lint"
cases="$lint/cases"
validator="$lint/validator"
today=2026-11-23
cd "$TMP_DIR" || exit 1

# Diagnostics name the stdlib by its absolute path: make it machine-independent.
stdlib_dir=$("$JRNC" --print-stdlib-dir)
normalise() { sed "s|$stdlib_dir|\$STDLIB|g"; }

# compare NAME EXPECTED-FILE ACTUAL-TEXT: golden comparison (UPDATE=1 rewrites the file).
compare() {
    local name=$1 file=$2 actual=$3
    if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$actual" > "$file"; fi
    local expected
    expected=$(cat "$file" 2>/dev/null)
    if [ "$actual" = "$expected" ]; then pass "$name"
    else fail "$name" "$(diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | head -n 40)"; fi
}

# status NAME WANTED COMMAND...: passes when COMMAND exits with WANTED.
status_is() {
    local name=$1 wanted=$2; shift 2
    local out
    out=$("$@" 2>&1); local got=$?
    if [ "$got" -eq "$wanted" ]; then pass "$name"; else fail "$name" "exit $got, expected $wanted" "$out"; fi
}

# --- Rule cases: golden gcc output and exit status ------------------------------------
for file in "$cases"/*.jrn; do
    stem=$(basename "$file" .jrn)
    args=()
    if [ -f "$cases/$stem.args" ]; then read -r -a args < "$cases/$stem.args"; fi
    raw=$(cd "$cases" && "$JRNC" lint --today "$today" "${args[@]}" "$stem.jrn" 2>&1; echo "exit status: $?")
    compare "case: $stem" "$cases/$stem.expected" "$(printf '%s\n' "$raw" | normalise)"
done

# Every rule of the catalogue has a case that fires it and one that does not.
rules=$("$JRNC" lint --list-rules | awk '{print $1}')
for rule in $rules; do
    fires="$cases/$rule-fires.expected" quiet="$cases/$rule-quiet.expected"
    if [ ! -f "$fires" ] || [ ! -f "$quiet" ]; then
        fail "coverage: $rule" "missing $rule-fires or $rule-quiet case"
    elif ! grep -q "\[$rule\]" "$fires"; then
        fail "coverage: $rule" "$rule-fires does not fire [$rule]"
    elif grep -q "\[$rule\]" "$quiet"; then
        fail "coverage: $rule" "$rule-quiet fires [$rule]"
    else
        pass "coverage: $rule"
    fi
done

compare "list-rules" "$lint/list-rules.expected" "$("$JRNC" lint --list-rules 2>&1; echo "exit status: $?")"
compare "explain" "$lint/explain.expected" "$("$JRNC" lint --explain undeclared-loop 2>&1; echo "exit status: $?")"
status_is "explain an unknown rule" 2 "$JRNC" lint --explain emtpy-stage

# --- The design's worked example -------------------------------------------------------
acme=$(cd "$JRN_ROOT" && "$JRNC" lint --today "$today" examples/acme_post_sales.jrn 2>&1; echo "exit status: $?")
acme=$(printf '%s\n' "$acme" | normalise)
compare "worked example: all findings" "$lint/acme_post_sales.expected" "$acme"
for wanted in \
    ":72:13: warning: hop 'recertify -> customize' goes back from stage 'strengthening' to 'adoption', which no 'loops:' declares \[undeclared-loop\]" \
    "warning: stage 'renewal' has no touchpoint \[empty-stage\]" \
    "warning: no KPI measures stage 'adoption' or any of its touchpoints \[stage-without-kpi\]" \
    "warning: no KPI measures stage 'strengthening' or any of its touchpoints \[stage-without-kpi\]" \
    "^exit status: 0$"; do
    if printf '%s\n' "$acme" | grep -q "$wanted"; then pass "worked example: $wanted"
    else fail "worked example: $wanted" "not in the output"; fi
done

# The other shipped examples lint without errors.
for example in "$JRN_ROOT"/examples/*.jrn; do
    status_is "example lints: $(basename "$example")" 0 "$JRNC" lint --today "$today" "$example"
done

# --- Severity options and exit statuses ------------------------------------------------
c() { printf '%s/%s.jrn' "$cases" "$1"; }
status_is "warnings exit 0" 0 "$JRNC" lint --today "$today" "$(c undeclared-loop-fires)"
status_is "--Werror: a warning exits 1" 1 "$JRNC" lint --today "$today" --Werror "$(c undeclared-loop-fires)"
status_is "-Werror works too" 1 "$JRNC" lint --today "$today" -Werror "$(c undeclared-loop-fires)"
status_is "--Werror: notes only exit 0" 0 "$JRNC" lint --today "$today" --Werror "$(c mixed-experience-fires)"
status_is "--Werror: a clean map exits 0" 0 "$JRNC" lint --today "$today" --Werror "$(c undeclared-loop-quiet)"
status_is "-W NOTE-RULE --Werror exits 1" 1 "$JRNC" lint --today "$today" -W mixed-experience --Werror "$(c mixed-experience-fires)"
status_is "compile errors exit 1" 1 "$JRNC" lint "$(c compile-error)"

out=$("$JRNC" lint --today "$today" --Werror "$(c undeclared-loop-fires)" 2>&1)
check "--Werror reports the warning as an error" grep -q "error: hop 'review -> training' .*\[undeclared-loop\]" <<<"$out"
out=$("$JRNC" lint --today "$today" -W effort-spike "$(c effort-spike-fires)" 2>&1)
check "-W RULE makes its notes warnings" grep -q "warning: hop 'trade_press -> rfp' .*\[effort-spike\]" <<<"$out"
out=$("$JRNC" lint --today "$today" -Weffort-spike "$(c effort-spike-fires)" 2>&1)
check "-WRULE works too" grep -q "warning: .*\[effort-spike\]" <<<"$out"
out=$("$JRNC" lint --today "$today" -Wno-undeclared-loop "$(c undeclared-loop-fires)" 2>&1; echo "exit $?")
if [ "$out" = "exit 0" ]; then pass "-Wno-RULE turns it off"; else fail "-Wno-RULE turns it off" "$out"; fi
out=$("$JRNC" lint --today "$today" -Wno-undeclared-loop -W undeclared-loop "$(c undeclared-loop-fires)" 2>&1)
check "the last of -W/-Wno- wins" grep -q "\[undeclared-loop\]" <<<"$out"
out=$("$JRNC" lint --today "$today" -W undeclared-loop -Wno-undeclared-loop "$(c undeclared-loop-fires)" 2>&1)
if [ -z "$out" ]; then pass "the last of -W/-Wno- wins (off)"; else fail "the last of -W/-Wno- wins (off)" "$out"; fi

# --- Usage and I/O errors: exit 2 -------------------------------------------------------
status_is "unknown rule in -W" 2 "$JRNC" lint -W emtpy-stage "$(c empty-stage-fires)"
out=$("$JRNC" lint -Wno-emtpy-stage "$(c empty-stage-fires)" 2>&1)
check "unknown rule in -Wno- suggests one" grep -q "unknown rule 'emtpy-stage'; did you mean 'empty-stage'?" <<<"$out"
status_is "-W without a rule" 2 "$JRNC" lint "$(c empty-stage-fires)" -W
status_is "unknown format" 2 "$JRNC" lint --format xml "$(c empty-stage-fires)"
status_is "impossible --today" 2 "$JRNC" lint --today 2026-02-29 "$(c empty-stage-fires)"
status_is "malformed --today" 2 "$JRNC" lint --today 23/11/2026 "$(c empty-stage-fires)"
status_is "unknown option" 2 "$JRNC" lint --frobnicate "$(c empty-stage-fires)"
status_is "no file" 2 "$JRNC" lint
status_is "missing file" 2 "$JRNC" lint "$TMP_DIR/no-such-map.jrn"
status_is "-o without a document format" 2 "$JRNC" lint -o out.txt "$(c empty-stage-fires)"
out=$("$JRNC" lint --format=json --today=2026-11-23 -W=x "$(c undeclared-loop-fires)" 2>&1); status=$?
if [ "$status" -eq 2 ] && grep -q "unknown rule '=x'" <<<"$out"; then pass "-W=RULE is not a form"; else fail "-W=RULE is not a form" "$out"; fi
out=$("$JRNC" lint -Wno-owner "$(c empty-stage-fires)" 2>&1); status=$?
if [ "$status" -eq 2 ] && grep -q "unknown rule 'owner'" <<<"$out"; then pass "-Wno-RULE written together turns RULE off"
else fail "-Wno-RULE written together turns RULE off" "exit $status" "$out"; fi
out=$("$JRNC" lint --today 2026-11-23 -Wno-no-owner -W no-owner "$(c no-owner-fires)" 2>&1)
check "-W RULE apart names the rule, even no-owner" grep -q "warning: .*\[no-owner\]" <<<"$out"
out=$("$JRNC" lint -f json --today 2026-11-23 "$(c undeclared-loop-fires)" 2>/dev/null)
check "-f json is --format json" grep -q '"rule": "undeclared-loop"' <<<"$out"
out=$("$JRNC" lint --format=json --today=2026-11-23 "$(c undeclared-loop-fires)" 2>/dev/null)
check "--format=FMT and --today=DATE" grep -q '"rule": "undeclared-loop"' <<<"$out"
status_is "--today 2024-02-29 exists" 0 "$JRNC" lint --today 2024-02-29 "$(c undeclared-loop-quiet)"
out=$("$JRNC" lint --help); status=$?
if [ "$status" -eq 0 ] && grep -q "^Usage: jrnc lint" <<<"$out"; then pass "--help"; else fail "--help" "exit $status" "$out"; fi

# Each FILE is its own compilation; the worst status wins and every file is reported.
out=$("$JRNC" lint --today "$today" "$(c undeclared-loop-fires)" "$TMP_DIR/no-such-map.jrn" "$(c empty-stage-fires)" 2>&1); status=$?
if [ "$status" -eq 2 ] && grep -q "\[undeclared-loop\]" <<<"$out" && grep -q "\[empty-stage\]" <<<"$out"; then
    pass "several files: all reported, worst status"
else
    fail "several files: all reported, worst status" "exit $status" "$out"
fi
status_is "several files: errors beat warnings" 1 "$JRNC" lint "$(c undeclared-loop-fires)" "$(c compile-error)"

# Standard input.
out=$("$JRNC" lint --today "$today" - < "$(c undeclared-loop-fires)" 2>&1)
check "standard input" grep -q "^<stdin>:14:10: warning: .*\[undeclared-loop\]" <<<"$out"

# --- JSON -----------------------------------------------------------------------------
json_run() {
    (cd "$cases" && "$JRNC" lint --today "$today" --format json "$@" 2>/dev/null)
}
json=$(json_run undeclared-loop-fires.jrn imported-declarations.jrn compile-error.jrn no-such-map.jrn)
compare "json: document" "$lint/json.expected" "$json"
json_run undeclared-loop-fires.jrn imported-declarations.jrn compile-error.jrn no-such-map.jrn > run.json
if have python3; then
    check "json: parses, counts add up" python3 - run.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 1, doc["version"]
assert [f["status"] for f in doc["files"]] == ["ok", "ok", "errors", "unreadable"], doc["files"]
severities = [d["severity"] for d in doc["diagnostics"]]
for name in ("error", "warning", "note"):
    assert doc["summary"][name + "s"] == severities.count(name), (name, doc["summary"])
for d in doc["diagnostics"]:
    assert set(d) == {"file", "line", "column", "end_line", "end_column", "severity", "rule", "message", "notes"}, d
    if d["file"] is not None:
        assert (d["end_line"], d["end_column"]) > (d["line"], d["column"]), d
PY
else
    skip "json: parses, counts add up" "python3 is missing"
fi

# --- SARIF ----------------------------------------------------------------------------
sarif_run() {
    (cd "$cases" && "$JRNC" lint --today "$today" --format sarif "$@" 2>/dev/null)
}
sarif_run ./*.jrn > cases.sarif
(cd "$JRN_ROOT" && "$JRNC" lint --today "$today" --format sarif examples/*.jrn 2>/dev/null) > examples.sarif
sarif_run undeclared-loop-fires.jrn compile-error.jrn no-such-map.jrn > mixed.sarif
"$JRNC" lint --format sarif - < "$(c undeclared-loop-fires)" > stdin.sarif 2>/dev/null
sarif_run -W mixed-experience --Werror mixed-experience-fires.jrn > werror.sarif
if have node && [ -d "$validator/node_modules/ajv-draft-04" ]; then
    for log in cases examples mixed stdin werror; do
        check "sarif: $log.sarif validates against the SARIF 2.1.0 schema" \
            node "$validator/validate-sarif.js" "$validator/sarif-schema-2.1.0.json" "$log.sarif"
    done
    # The validator must reject what the schema forbids, or the checks above prove nothing.
    sed 's/"level": "warning"/"level": "warn"/' cases.sarif > broken.sarif
    if node "$validator/validate-sarif.js" "$validator/sarif-schema-2.1.0.json" broken.sarif 2>/dev/null; then
        fail "sarif: the validator rejects an invalid level" "broken.sarif was accepted"
    else
        pass "sarif: the validator rejects an invalid level"
    fi
    facts=$(node "$validator/sarif-facts.js" mixed.sarif 2>&1; echo "exit status: $?")
    compare "sarif: results of a mixed run" "$lint/sarif-mixed.expected" "$facts"
    check "sarif: examples' results check out" node "$validator/sarif-facts.js" examples.sarif
    facts=$(node "$validator/sarif-facts.js" werror.sarif 2>&1)
    check "sarif: --Werror results have level error" grep -q "^mixed-experience error " <<<"$facts"
    facts=$(node "$validator/sarif-facts.js" stdin.sarif 2>&1)
    check "sarif: standard input has no uri" grep -q "^undeclared-loop warning (standard input) 14:10" <<<"$facts"
else
    skip "sarif: schema validation" "node or the validator is missing: run tests/deps/lint.sh"
fi
sarif_run ./*.jrn > again.sarif
check "sarif: the same bytes on every run" cmp cases.sarif again.sarif

# -o writes the document whole; a failed write leaves an existing file alone.
(cd "$cases" && "$JRNC" lint --today "$today" --format json -o "$TMP_DIR/out.json" undeclared-loop-fires.jrn imported-declarations.jrn compile-error.jrn no-such-map.jrn 2>/dev/null)
check "-o writes the document" cmp out.json run.json
status_is "-o into a missing folder" 2 "$JRNC" lint --format json -o "$TMP_DIR/missing/out.json" "$(c undeclared-loop-quiet)"

# --- The docs: every rule documented, its examples fire and its fixes do not -----------
docs="$JRN_ROOT/docs/lint-rules.md"
mkdir -p docs
awk -v dir=docs '
/^### `[a-z-]+`/ { rule = $2; gsub(/`/, "", rule); block = 0; data = 0; next }
/^## / { rule = "" }
rule != "" && /^```jrn$/ { block++; file = dir "/" rule (block == 1 ? ".fires.jrn" : ".fixed.jrn"); inside = 1; next }
rule != "" && /^```csv$/ { data++; file = dir "/" rule (data == 1 ? ".fires.csv" : ".fixed.csv"); inside = 1; next }
inside && /^```$/ { inside = 0; close(file); next }
inside { print > file }
' "$docs"
for rule in $rules; do
    if [ ! -f "docs/$rule.fires.jrn" ] || [ ! -f "docs/$rule.fixed.jrn" ]; then
        fail "docs: $rule" "docs/lint-rules.md has no section with a failing example and its fix"
        continue
    fi
    # A rule about measured data has the data beside its examples (```csv blocks).
    fires_data=() fixed_data=()
    [ -f "docs/$rule.fires.csv" ] && fires_data=(--data "docs/$rule.fires.csv")
    [ -f "docs/$rule.fixed.csv" ] && fixed_data=(--data "docs/$rule.fixed.csv")
    fired=$("$JRNC" lint --today "$today" -W "$rule" "${fires_data[@]}" "docs/$rule.fires.jrn" 2>&1)
    fixed=$("$JRNC" lint --today "$today" -W "$rule" "${fixed_data[@]}" "docs/$rule.fixed.jrn" 2>&1)
    if ! grep -q "\[$rule\]" <<<"$fired"; then fail "docs: $rule" "the failing example does not fire it" "$fired"
    elif grep -q "\[$rule\]" <<<"$fixed"; then fail "docs: $rule" "the fixed example still fires it" "$fixed"
    else pass "docs: $rule"; fi
done

# --- trapped-loop means one thing: lint finds the traps jrnc flow finds ------------------
# Every map with journeys that compiles (the examples, the test maps, the docs' examples),
# with its --data when a lint case has some: the same findings at the same places in the
# same words (flow adds the share caught). A map that suppresses trapped-loop is left out:
# lint honours the directive, flow has none.
trap_lines() { grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): .*\[trapped-loop\]$' | sed -E 's/ \((no entrant gets there|[0-9.]+% of entrants get caught)\) \[trapped-loop\]$/ [trapped-loop]/'; }
compared=0 traps=0 disagree=()
while IFS= read -r -d '' file; do
    grep -q "journey" "$file" || continue
    grep -qE "jrnc: *disable(-file)?=.*trapped-loop" "$file" && continue
    dir=$(dirname "$file") base=$(basename "$file")
    data=()
    if [ -f "$dir/${base%.jrn}.args" ]; then
        read -r -a words < "$dir/${base%.jrn}.args"
        for ((w = 0; w < ${#words[@]}; w++)); do
            if [ "${words[w]}" = --data ]; then data+=(--data "${words[w + 1]}"); fi
        done
    fi
    (cd "$dir" && "$JRNC" check "$base" > /dev/null 2>&1) || continue
    from_lint=$(cd "$dir" && "$JRNC" lint --today "$today" "${data[@]}" "$base" 2>&1 | trap_lines)
    from_flow=$(cd "$dir" && "$JRNC" flow "${data[@]}" "$base" 2>&1 > /dev/null | trap_lines)
    compared=$((compared + 1))
    traps=$((traps + $(printf '%s' "$from_lint" | grep -c .)))
    if [ "$from_lint" != "$from_flow" ]; then
        disagree+=("${file#"$JRN_ROOT"/}:" "$(diff <(printf '%s\n' "$from_lint") <(printf '%s\n' "$from_flow") | sed 's/^/  /')")
    fi
done < <(find "$JRN_ROOT/examples" "$JRN_ROOT/tests" "$TMP_DIR/docs" -name '*.jrn' -print0 | sort -z)
# Enough maps and traps that agreement means something (acme, the rule's cases, flow's trap...).
if [ "${#disagree[@]}" -gt 0 ]; then fail "lint and flow report the same traps" "${disagree[@]}"
elif [ "$compared" -lt 40 ] || [ "$traps" -lt 8 ]; then
    fail "lint and flow report the same traps" "only $compared maps and $traps traps compared"
else pass "lint and flow report the same traps ($compared maps, $traps traps)"; fi

# The worked example's admin journey never ends; its measured data loses 40% at recertify.
out=$(cd "$JRN_ROOT" && "$JRNC" lint --today "$today" --data examples/acme_actuals.csv examples/acme_post_sales.jrn 2>&1)
if grep -q "\[trapped-loop\]" <<<"$out"; then fail "worked example with its data: no trap" "$out"
else pass "worked example with its data: no trap"; fi

# Linear: a 200,000-step journey, as a chain and as one cycle, lints in seconds.
python3 "$JRN_ROOT/tests/hostile/generate.py" hostile > /dev/null 2>&1 || true
if [ -f hostile/long-chain.jrn ]; then
    sed '$d' hostile/long-chain.jrn > long-cycle.jrn
    sed -i '$ s/$/ -> t0/' long-cycle.jrn
    echo "}" >> long-cycle.jrn
    for map in hostile/long-chain.jrn long-cycle.jrn; do
        elapsed=$(cpu_seconds /dev/null "$TMP_DIR/long.err" "$JRNC" lint --today "$today" "$map"); status=$?
        out=$(cat "$TMP_DIR/long.err")
        traps=$(grep -c "\[trapped-loop\]" <<<"$out")
        want=0; [ "$map" = long-cycle.jrn ] && want=1
        if [ "$status" -ne 0 ] || [ "$traps" -ne "$want" ]; then
            fail "200,000 steps: $(basename "$map")" "exit $status, $traps trapped-loop findings (want $want)" "$(head -c 1500 <<<"$out")"
        elif awk "BEGIN { exit !($elapsed >= 10) }"; then fail "200,000 steps: $(basename "$map") in seconds" "took ${elapsed} CPU seconds"
        else pass "200,000 steps: $(basename "$map") lints in ${elapsed} CPU seconds"; fi
    done
else
    skip "200,000 steps" "python3 is missing"
fi

# --- CI integration: problem matcher and pre-commit hook -------------------------------
matcher="$JRN_ROOT/editors/github/jrnc-problem-matcher.json"
if have node; then
    annotations=$( (cd "$cases" && "$JRNC" lint --today "$today" effort-spike-fires.jrn imported-declarations.jrn compile-error.jrn 2>&1) \
                   | node "$lint/problem-matcher.js" "$matcher")
    compare "problem matcher: annotations" "$lint/problem-matcher.expected" "$annotations"
else
    skip "problem matcher: annotations" "node is missing"
fi
hooks="$JRN_ROOT/.pre-commit-hooks.yaml"
entry=$(sed -n 's/^  entry: //p' "$hooks")
files=$(sed -n 's/^  files: //p' "$hooks")
if [ "${entry%% *}" != jrnc ]; then
    fail "pre-commit: entry runs jrnc" "entry: $entry"
else
    # shellcheck disable=SC2086
    status_is "pre-commit: a map with warnings fails" 1 "$JRNC" ${entry#jrnc } "$(c undeclared-loop-fires)"
    # shellcheck disable=SC2086
    status_is "pre-commit: a clean map passes" 0 "$JRNC" ${entry#jrnc } "$(c undeclared-loop-quiet)"
fi
if grep -qE "$files" <<<"maps/acme.jrn" && ! grep -qE "$files" <<<"maps/acme.jrn.orig"; then
    pass "pre-commit: files matches .jrn files only"
else
    fail "pre-commit: files matches .jrn files only" "files: $files"
fi

# A SOURCE_DATE_EPOCH whose year is near INT_MAX: no overflow (the sanitizer build exits 99),
# and stale-review still measures from it.
out=$(SOURCE_DATE_EPOCH=6000000000000000 "$JRNC" lint "$JRN_ROOT/examples/acme_post_sales.jrn" 2>&1); status=$?
if [ "$status" -eq 0 ] && [[ "$out" != *"runtime error"* ]] && grep -q "today is 190134401-01-15).*\[stale-review\]" <<<"$out"; then
    pass "SOURCE_DATE_EPOCH=6000000000000000: no overflow, stale-review measures from it"
else fail "SOURCE_DATE_EPOCH=6000000000000000: no overflow, stale-review measures from it" "exit $status" "$(printf '%s\n' "$out" | tail -5)"; fi
# A SOURCE_DATE_EPOCH that is no date is an error (exit 2), never today's date in disguise.
for epoch in "" "abc" "12x" " 5" "+5" "-5" "1e9" "99999999999999999999999" "67768036191676800" $'\033[2J'; do
    out=$(SOURCE_DATE_EPOCH="$epoch" "$JRNC" lint "$JRN_ROOT/examples/acme_post_sales.jrn" 2>&1); status=$?
    if [ "$status" -eq 2 ] && [ "$(wc -l <<<"$out")" -eq 1 ] && [[ "$out" == "jrnc lint: SOURCE_DATE_EPOCH "* ]] && [[ "$out" != *$'\033'* ]]; then
        pass "SOURCE_DATE_EPOCH='$(cat -v <<<"$epoch")': exit 2, one line"
    else
        fail "SOURCE_DATE_EPOCH='$(cat -v <<<"$epoch")': exit 2, one line" "exit $status" "$(cat -v <<<"$out" | head -5)"
    fi
done
out=$(SOURCE_DATE_EPOCH=1825070400 "$JRNC" lint "$JRN_ROOT/examples/acme_post_sales.jrn" 2>&1)
grep -q "today is 2027-11-01).*\[stale-review\]" <<<"$out" \
    && pass "SOURCE_DATE_EPOCH=1825070400 is 2027-11-01 (UTC)" || fail "SOURCE_DATE_EPOCH=1825070400 is 2027-11-01 (UTC)" "$out"
expect_exit "--today wins over a SOURCE_DATE_EPOCH that is no date" 0 \
    env SOURCE_DATE_EPOCH=junk "$JRNC" lint --today 2026-01-01 "$JRN_ROOT/examples/acme_post_sales.jrn"

# Many findings on one long line (each used to recount the line's columns): every one is
# reported, at its column in characters ("é" is one), the last as right as the first.
python3 - "$TMP_DIR/one-line.jrn" <<'PY'
import sys
n = 3000
line = 'stage s "S" { touchpoint a "A" touchpoint b "B" ' + " ".join(f'touchpoint t{i} "é"' for i in range(n)) + " }"
open(sys.argv[1], "w").write(line + '\njourney j "J" { a -> b }\n')
PY
column=$(python3 -c 'import sys; line = open(sys.argv[1]).readline(); print(line.index("t2999 ") + 1)' "$TMP_DIR/one-line.jrn")
out=$("$JRNC" lint --today 2026-01-01 "$TMP_DIR/one-line.jrn" 2>&1)
found=$(grep -c "\[orphan-touchpoint\]" <<<"$out")
if [ "$found" -eq 3000 ] && grep -q "^$TMP_DIR/one-line.jrn:1:$column: warning: touchpoint 't2999' is in no journey" <<<"$out" &&
   grep -q "^$TMP_DIR/one-line.jrn:1:60: warning: touchpoint 't0' is in no journey" <<<"$out"; then
    pass "3,000 findings on one line, each at its column"
else
    fail "3,000 findings on one line, each at its column" "$found findings; want t2999 at column $column" "$(grep "'t0'\|'t2999'" <<<"$out")"
fi

# A run of directive comments all cover the construct below them (one lookup each, not a
# scan per comment), and file-wide directives cover every finding of their rule.
{ printf 'stage s "S"\n'; for i in $(seq 300); do echo "# jrnc: disable=orphan-touchpoint"; done
  printf 'touchpoint a in s\ntouchpoint b in s\n# jrnc: disable-file=no-owner\n# jrnc: disable-file=no-owner\n'
  printf 'touchpoint c in s\njourney j { b -> c }\n'; } > "$TMP_DIR/many-directives.jrn"
out=$("$JRNC" lint -W unused-suppression --today 2026-01-01 "$TMP_DIR/many-directives.jrn" 2>&1)
orphans=$(grep -c 'orphan-touchpoint\]' <<< "$out"); unused=$(grep -c 'unused-suppression\]' <<< "$out")
owners=$(grep -c 'no-owner\]' <<< "$out")
[ "$orphans" = 0 ] && [ "$owners" = 0 ] && [ "$unused" = 300 ] \
    && pass "suppressions: 300 directives above one construct, file-wide ones, the unused reported" \
    || fail "suppressions: many directives" "orphan $orphans, no-owner $owners, unused $unused" "$(head -20 <<< "$out")"
