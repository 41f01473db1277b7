#!/usr/bin/env bash
# Test runner: runs every suite in tests/suites/ and prints one "N passed, N failed" line.
#
# Each suite is an executable script that prints one line per test case:
#   PASS: name        the case passed
#   FAIL: name        the case failed (indented lines after it explain why)
#   SKIP: name (why)  a tool the case needs is missing on this machine
# Suites get JRNC (the binary under test, absolute path) and JRN_ROOT (the
# repository root) in their environment, and a private scratch folder in TMP_DIR.
# Usage: tests/run.sh [SUITE-NAME...]   (default: every suite)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
export JRN_ROOT="$root"
export JRNC="${JRNC:-$root/jrnc}"
case "$JRNC" in /*) ;; *) JRNC="$root/$JRNC" ;; esac
export NO_COLOR=1
if [ ! -x "$JRNC" ]; then
    echo "tests/run.sh: $JRNC is not built (run make first)" >&2
    exit 2
fi

suites=()
if [ $# -gt 0 ]; then
    for name in "$@"; do suites+=("$root/tests/suites/$name.sh"); done
else
    for suite in "$root"/tests/suites/*.sh; do suites+=("$suite"); done
fi

passed=0 failed=0 skipped=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jrnc-tests.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
for suite in "${suites[@]}"; do
    name=$(basename "$suite" .sh)
    if [ ! -f "$suite" ]; then
        echo "FAIL: $name (no such suite)"; failed=$((failed + 1)); continue
    fi
    mkdir -p "$scratch/$name"
    log="$scratch/$name.log"
    TMP_DIR="$scratch/$name" bash "$suite" >"$log" 2>&1
    status=$?
    suite_pass=$(grep -c '^PASS: ' "$log")
    suite_fail=$(grep -c '^FAIL: ' "$log")
    suite_skip=$(grep -c '^SKIP: ' "$log")
    if [ "$status" -ne 0 ]; then
        # A suite that dies part-way must not look green.
        echo "FAIL: $name exited with status $status" >>"$log"
        suite_fail=$((suite_fail + 1))
    fi
    if [ $((suite_pass + suite_fail + suite_skip)) -eq 0 ]; then
        echo "FAIL: $name ran no test" >>"$log"
        suite_fail=1
    fi
    passed=$((passed + suite_pass)); failed=$((failed + suite_fail)); skipped=$((skipped + suite_skip))
    printf '%-14s %4d passed, %d failed, %d skipped\n' "$name" "$suite_pass" "$suite_fail" "$suite_skip"
    # Show failures (with their explanation lines) and skips; keep passes quiet.
    awk '/^FAIL: /{show=1; print "  " $0; next} /^(PASS|SKIP): /{show=0; if ($0 ~ /^SKIP/) print "  " $0; next} show{print "    " $0}' "$log" | head -n 200
done
echo
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
