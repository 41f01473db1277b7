#!/usr/bin/env bash
# Hostile input: every file gets a located error (exit 1) or a clean result (exit 0),
# quickly, with no crash, hang or sanitizer report (those exit 98/99 or by signal).
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
python3 "$JRN_ROOT/tests/hostile/generate.py" inputs

# Generous bound: the sanitizer build on a slow machine; real runs take milliseconds.
limit=60
for file in inputs/*.jrn; do
    name="hostile: $(basename "$file")"
    start=$(date +%s)
    timeout "$limit" "$JRNC" check "$file" > out.txt 2> err.txt
    status=$?
    took=$(( $(date +%s) - start ))
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        fail "$name" "exit $status after ${took}s" "$(head -c 2000 err.txt)"
    elif [ "$status" -eq 1 ] && ! grep -qE '^(inputs/[^:]+:[0-9]+:[0-9]+: error: |jrnc: )' err.txt; then
        fail "$name" "exit 1 without a located error" "$(head -c 2000 err.txt)"
    elif [ "$(wc -l < err.txt)" -gt 400 ]; then
        fail "$name" "$(wc -l < err.txt) lines of diagnostics: the error cap did not hold"
    elif [ -s out.txt ]; then
        fail "$name" "check wrote to standard output"
    else
        pass "$name"
    fi
done

# The rest of the pipeline on the same inputs: lint, the formatter's check, flow, and
# DOT and the JSON model for the inputs that compile.
for file in inputs/*.jrn; do
    base=$(basename "$file")
    for command in "lint" "fmt --check" "flow"; do
        timeout "$limit" "$JRNC" $command "$file" > /dev/null 2> err.txt
        status=$?
        if [ "$status" -gt 1 ] && ! { [ "$command" = flow ] && [ "$status" -eq 1 ]; }; then
            fail "hostile: $command $base" "exit $status" "$(head -c 1500 err.txt)"
            continue
        fi
        pass "hostile: $command $base"
    done
    if "$JRNC" check "$file" > /dev/null 2>&1; then
        for format in dot json; do
            timeout "$limit" "$JRNC" -f "$format" "$file" > out.txt 2> err.txt; status=$?
            if [ "$status" -eq 0 ] && [ -s out.txt ]; then pass "hostile: -f $format $base"
            else fail "hostile: -f $format $base" "exit $status" "$(head -c 1500 err.txt)"; fi
        done
    fi
done

# Non-regular files are refused, never read.
mkfifo fifo.jrn
for target in /dev/zero fifo.jrn inputs; do
    printf 'use "%s"\n' "$target" > "use-$(basename "$target").jrn"
    timeout 20 "$JRNC" check "use-$(basename "$target").jrn" > /dev/null 2> err.txt; status=$?
    if [ "$status" -eq 1 ] && grep -q "cannot use" err.txt; then pass "use of $target is refused"
    else fail "use of $target is refused" "exit $status" "$(cat err.txt)"; fi
done
timeout 20 "$JRNC" check fifo.jrn > /dev/null 2> err.txt; status=$?
[ "$status" -eq 2 ] && pass "a FIFO as input is refused" || fail "a FIFO as input is refused" "exit $status" "$(cat err.txt)"

# Truncated and mutated copies of every example.
python3 - "$JRN_ROOT"/examples/*.jrn <<'PY'
import random, sys, os
rng = random.Random(7)
os.makedirs("mutants", exist_ok=True)
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    base = os.path.basename(path)[:-4]
    for n in range(12):
        cut = rng.randrange(len(data))
        open(f"mutants/{base}-cut{n}.jrn", "wb").write(data[:cut])
        mutated = bytearray(data)
        for _ in range(rng.randrange(1, 8)):
            i = rng.randrange(len(mutated))
            mutated[i] = rng.choice(b'{}[]:,"#-> \n\x00\xff\xc3abc019%.')
        open(f"mutants/{base}-mut{n}.jrn", "wb").write(bytes(mutated))
PY
bad=0
for file in mutants/*.jrn; do
    timeout 20 "$JRNC" check "$file" > /dev/null 2> err.txt; status=$?
    if [ "$status" -gt 1 ]; then
        bad=$((bad + 1)); fail "mutant $(basename "$file")" "exit $status" "$(head -c 1500 err.txt)"
    fi
done
[ "$bad" -eq 0 ] && pass "truncated and mutated examples ($(ls mutants | wc -l) files)"
