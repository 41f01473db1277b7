#!/usr/bin/env bash
# jrnc flow: the worked check of issue 10, journeys checked against an exact reference
# (python3 fractions, tests/flow/reference.py), a trapped loop, a 10,000-step journey,
# tangled journeys solved iteratively (checked against the flow's own equations, tests/flow/balance.py)
# and refused in bounded time, every output format, the command line, and the shipped examples.
# UPDATE=1 rewrites the golden files (tests/flow/*.text, *.md, *.stderr) — review the diff!
source "$JRN_ROOT/tests/lib.sh"
cd "$JRN_ROOT/tests/flow" || exit 1

if ! have python3; then
    skip "flow: every case" "python3 is missing"
    exit 0
fi

# --- The worked check, with the numbers the issue states ---------------------------------
json=$("$JRNC" flow -f json worked.jrn 2>&1)
out=$(python3 - "$json" <<'EOF'
import json, math, sys
j = json.loads(sys.argv[1])["journeys"][0]
want = [("completion", j["completion"], 0.5333), ("ends.d", j["ends"]["d"], 0.5333),
        ("lost.a", j["lost"]["a"], 0.2), ("lost.c", j["lost"]["c"], 0.2667),
        ("visits.b", j["visits"]["b"], 1.0667), ("visits.c", j["visits"]["c"], 1.0667),
        ("mean_days_to_complete", j["mean_days_to_complete"], 7.0)]
bad = [f"{k}: {g} != {w}" for k, g, w in want if not math.isclose(g, w, abs_tol=5e-5)]
if set(j["lost"]) != {"a", "c"} or set(j["ends"]) != {"d"}:
    bad.append(f"lost {j['lost']} ends {j['ends']}")
keys = list(j)[:7]
if keys != ["id", "completion", "ends", "lost", "lost_by_stage", "visits", "mean_days_to_complete"]:
    bad.append(f"key order {keys}")
print("\n".join(bad))
EOF
)
[ -z "$out" ] && pass "worked check: completion 0.5333 at d, lost 0.2 at a and 0.2667 at c, visits 1.0667, mean 7.0 days" \
    || fail "worked check" "$out" "$json"

# --- Hand-computed and random journeys against the exact reference -----------------------
python3 check_cases.py "$JRNC" "$TMP_DIR"

# --- Golden renderings: text and Markdown, and the trapped-loop warning ------------------
golden() {
    local name=$1 file=$2 format=$3 expected=$4
    local got
    got=$("$JRNC" flow -f "$format" "$file" 2>/dev/null)
    if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$got" > "$expected"; fi
    if [ "$got" == "$(cat "$expected")" ]; then pass "$name"
    else fail "$name" "$(diff <(cat "$expected") <(printf '%s\n' "$got"))"; fi
}
for case in worked trapped substage; do
    golden "text rendering: $case" "$case.jrn" text "$case.text"
    golden "markdown rendering: $case" "$case.jrn" md "$case.md"
done
got=$("$JRNC" flow trapped.jrn 2>&1 >/dev/null); status=$?
if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$got" > trapped.stderr; fi
if [ "$status" -eq 0 ] && [ "$got" == "$(cat trapped.stderr)" ]; then pass "trapped loop: located warning, exit 0"
else fail "trapped loop: located warning, exit 0" "exit $status" "$(diff trapped.stderr <(printf '%s\n' "$got"))"; fi
out=$("$JRNC" flow -f json trapped.jrn 2>/dev/null | python3 -c '
import json, sys
j = json.load(sys.stdin)["journeys"][0]
ok = j["visits"]["b"] is None and j["traps"] == [{"steps": ["b", "c"], "share": 0.5}] and j["trapped"] == 0.5
print("" if ok else json.dumps(j))')
[ -z "$out" ] && pass "trapped loop: JSON has null visits and the trap's share" || fail "trapped loop: JSON" "$out"

# Markdown tables: every row of a table has as many cells as its header.
out=$("$JRNC" flow -f md "$JRN_ROOT/examples/b2b_logistics.jrn" 2>/dev/null | awk '
    /^\|/ { n = gsub(/[^\\]\|/, "&"); if (!intable) { cols = n; intable = 1 } else if (n != cols) print NR ": " $0; next }
    { intable = 0 }')
[ -z "$out" ] && pass "markdown tables are rectangular" || fail "markdown tables are rectangular" "$out"

# --- A 10,000-step journey (one 10,000-step loop, and a ladder of crossing loops) ---------
python3 big.py write "$TMP_DIR/big.jrn"
elapsed=$(cpu_seconds "$TMP_DIR/big.json" "$TMP_DIR/big.err" "$JRNC" flow -f json "$TMP_DIR/big.jrn"); status=$?
if [ "$status" -ne 0 ]; then fail "10,000 steps: solves" "exit $status" "$(head -5 "$TMP_DIR/big.err")"
elif awk "BEGIN { exit !($elapsed >= 2) }"; then fail "10,000 steps: under 2 CPU seconds" "took ${elapsed}s"
else pass "10,000 steps: under 2 CPU seconds (${elapsed}s)"; fi
out=$(python3 big.py check "$TMP_DIR/big.json" 2>&1)
[ -z "$out" ] && pass "10,000 steps: matches the closed form, shares add up to 1" || fail "10,000 steps: closed form" "$out"

# --- Tangled journeys: many hops between far-apart steps fill a direct solver's factors in;
# they are solved iteratively, with answers that satisfy the flow's own equations
# (tests/flow/balance.py); a journey of many nearly closed loops linked at random, which
# the iteration cannot settle within its budget and whose exact factors are too costly,
# is refused at the journey in bounded time; a tangled journey within the direct method's
# bound is still solved.
python3 "$JRN_ROOT/tests/bench/flow_journey.py" 20000 1.5 "$TMP_DIR/tangled.jrn"
elapsed=$(cpu_seconds "$TMP_DIR/tangled.json" "$TMP_DIR/tangled.err" "$JRNC" flow -f json "$TMP_DIR/tangled.jrn"); status=$?
# (Its time is make bench's target, under 2 s; here it is only shown.)
if [ "$status" -ne 0 ]; then fail "20,000 steps and 30,000 random hops: solved" "exit $status" "$(head -5 "$TMP_DIR/tangled.err")"
else pass "20,000 steps and 30,000 random hops: solved (${elapsed} CPU s)"; fi
out=$(python3 "$JRN_ROOT/tests/flow/balance.py" "$TMP_DIR/tangled.json" 2>&1)
[ -z "$out" ] && pass "20,000 tangled steps: the answers satisfy the flow's equations" || fail "20,000 tangled steps: balance" "$out"

python3 "$JRN_ROOT/tests/bench/flow_loops.py" 20000 16 4 99.99 "$TMP_DIR/loops.jrn"
start=$EPOCHREALTIME
out=$(timeout 120 "$JRNC" flow -f json "$TMP_DIR/loops.jrn" 2>&1 >/dev/null); status=$?
elapsed=$(awk "BEGIN { printf \"%.2f\", $EPOCHREALTIME - $start }")
if [ "$status" -eq 1 ] && grep -q "^$TMP_DIR/loops.jrn:20002:9: error: journey 'j' is too tangled to compute its flow: with 20000 steps and 30000 hops, the iterative solution did not settle within 2 billion operations and the exact one would take about [0-9.]* billion (the limit is 10 billion)$" <<<"$out"; then
    pass "1,250 loops at 99.99% linked at random: refused at the journey in ${elapsed}s"
else
    fail "1,250 loops at 99.99% linked at random: refused at the journey" "exit $status after ${elapsed}s" "$(head -5 <<<"$out")"
fi
python3 "$JRN_ROOT/tests/bench/flow_loops.py" 16000 16 4 99.99 "$TMP_DIR/loops-small.jrn"
expect_exit "1,000 loops at 99.99% linked at random: solved exactly when the iteration does not settle" 0 \
    "$JRNC" flow -f json -o "$TMP_DIR/loops-small.json" "$TMP_DIR/loops-small.jrn"
out=$(python3 "$JRN_ROOT/tests/flow/balance.py" "$TMP_DIR/loops-small.json" 2>&1)
[ -z "$out" ] && pass "1,000 linked loops: the answers satisfy the flow's equations" || fail "1,000 linked loops: balance" "$out"
python3 "$JRN_ROOT/tests/bench/flow_journey.py" 3000 1.5 "$TMP_DIR/tangled-small.jrn"
expect_exit "3,000 steps and 4,500 random hops: solved" 0 "$JRNC" flow -f json -o "$TMP_DIR/tangled-small.json" "$TMP_DIR/tangled-small.jrn"
out=$(python3 "$JRN_ROOT/tests/flow/balance.py" "$TMP_DIR/tangled-small.json" 2>&1)
[ -z "$out" ] && pass "3,000 tangled steps: the answers satisfy the flow's equations" || fail "3,000 tangled steps: balance" "$out"

# --- A nearly closed loop: pivoted elimination loses a digit per nine of the loop's rate;
# the solver's refinement must win them back. The probabilities are taken as jrnc reads
# them (rates / 100, remainders 1 - rated, in doubles), the answer in exact fractions; a
# step's hops are shares of what leaves it (the rounded remainder leaks nothing).
cat > "$TMP_DIR/nearly-closed.jrn" <<'EOF'
stage s "S"
touchpoint a in s
touchpoint b in s
touchpoint c in s
touchpoint d in s
touchpoint e in s
journey nearly "Nearly closed" {
  a -> b
  b -> c
  b -> d [rate: 0.0000001%]
  c -> a [rate: 99.999999%]
  c -> e
}
EOF
out=$("$JRNC" flow -f json "$TMP_DIR/nearly-closed.jrn" 2>"$TMP_DIR/nearly-closed.err" | python3 -c '
import json, math, sys
from fractions import Fraction as F
j = json.load(sys.stdin)["journeys"][0]
total = j["completion"] + j["lost_total"] + j["trapped"]
to_d, to_a = 0.0000001 / 100, 99.999999 / 100
to_c = F(1.0 - to_d)
want = 1 / (1 - to_c / (to_c + F(to_d)) * F(to_a))  # what b sends on, of all it sends
bad = []
if not math.isclose(total, 1, rel_tol=1e-12): bad.append(f"completion + lost + trapped = {total!r}")
got = j["visits"]["a"]
if not math.isclose(got, want, rel_tol=1e-9): bad.append(f"visits at a: {got!r}, want {float(want)!r}")
print("\n".join(bad))' 2>&1)
[ -z "$out" ] && pass "a loop at 99.999999%: visits 9.09e7, shares add up to 1" || fail "a loop at 99.999999%" "$out"

# --- The command line ----------------------------------------------------------------------
expect_exit "flow --help" 0 "$JRNC" flow --help
expect_exit "flow without a file exits 2" 2 "$JRNC" flow
expect_exit "flow with an unknown option exits 2" 2 "$JRNC" flow --frobnicate worked.jrn
expect_exit "flow with an unknown format exits 2" 2 "$JRNC" flow -f yaml worked.jrn
expect_exit "flow on a map with errors exits 1" 1 "$JRNC" flow "$JRN_ROOT/tests/check/errors/duplicate.jrn"
out=$("$JRNC" flow --journey workd worked.jrn 2>&1); status=$?
[ "$status" -eq 2 ] && [[ "$out" == *"no journey 'workd' in the map; did you mean 'worked'?"* ]] \
    && pass "--journey: unknown id, did-you-mean, exit 2" || fail "--journey: unknown id" "exit $status" "$out"
out=$("$JRNC" flow -f json --journey clerk_path "$JRN_ROOT/examples/b2b_logistics.jrn" | python3 -c '
import json, sys; print(",".join(j["id"] for j in json.load(sys.stdin)["journeys"]))')
[ "$out" = clerk_path ] && pass "--journey picks one journey" || fail "--journey picks one journey" "$out"
"$JRNC" flow -f md -o "$TMP_DIR/out.md" worked.jrn && cmp -s "$TMP_DIR/out.md" worked.md \
    && pass "-o writes the report" || fail "-o writes the report" "$(diff worked.md "$TMP_DIR/out.md")"
out=$("$JRNC" flow - < worked.jrn 2>&1)
[ "$out" == "$(cat worked.text)" ] && pass "flow reads standard input" || fail "flow reads standard input" "$out"
a=$("$JRNC" flow -f json "$JRN_ROOT/examples/b2b_logistics.jrn"); b=$("$JRNC" flow -f json "$JRN_ROOT/examples/b2b_logistics.jrn")
[ "$a" == "$b" ] && pass "output is identical from run to run" || fail "output is identical from run to run"
"$JRNC" --help | grep -q '^  flow ' && pass "jrnc --help lists flow" || fail "jrnc --help lists flow"

# --- The shipped examples: every journey's shares add up to 1 ------------------------------
for file in "$JRN_ROOT"/examples/*.jrn; do
    name="example: $(basename "$file")"
    out=$("$JRNC" flow -f json "$file" 2>/dev/null | python3 -c '
import json, math, sys
for j in json.load(sys.stdin)["journeys"]:
    total = j["completion"] + j["lost_total"] + j["trapped"]
    if not math.isclose(total, 1, rel_tol=1e-9): print(j["id"], total)' 2>&1)
    [ -z "$out" ] && pass "$name" || fail "$name" "$out"
done

# --- The README shows real output: each ```console block of `$ jrnc flow ...` is run -------
python3 - "$JRNC" "$JRN_ROOT" <<'PY'
import re, shlex, subprocess, sys
jrnc, root = sys.argv[1], sys.argv[2]
readme = open(f"{root}/README.md").read()
for block in re.findall(r"^```console\n(\$ jrnc flow[^\n]*)\n(.*?)^```", readme, re.S | re.M):
    command, shown = block
    args = shlex.split(command[2:])[1:]
    got = subprocess.run([jrnc, *args], cwd=root, capture_output=True, text=True).stdout
    name = f"README shows what `{command[2:]}` prints"
    if got == shown:
        print(f"PASS: {name}")
    else:
        import difflib
        print(f"FAIL: {name}")
        for line in difflib.unified_diff(shown.splitlines(), got.splitlines(), "README", "jrnc", lineterm=""):
            print(f"    {line}")
PY

# A journey without steps has no flow: said plainly, and JSON keeps its shape.
printf 'stage s "S"\ntouchpoint a in s\ntouchpoint b in s\njourney full { a -> b }\njourney empty "Empty" { }\n' > "$TMP_DIR/empty.jrn"
out=$("$JRNC" flow --journey empty "$TMP_DIR/empty.jrn" 2>&1)
[ "$out" = "Journey empty: no steps, no flow" ] && pass "a journey without steps: text" || fail "a journey without steps: text" "$out"
out=$("$JRNC" flow -f json --journey empty "$TMP_DIR/empty.jrn" | python3 -c '
import json, sys
j = json.load(sys.stdin)["journeys"][0]
print(j["completion"], j["ends"], j["visits"], j["mean_days_to_complete"], j["entry"])')
[ "$out" = "0 {} {} None None" ] && pass "a journey without steps: JSON" || fail "a journey without steps: JSON" "$out"
