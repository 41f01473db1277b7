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
# With JRNC_SANITIZE=path, the suites run a second time against that sanitizer build, with
# JRNC_RELEASE naming the first run's binary (empty in the first run); a suite whose text
# has a line "# runner: once" (it does not run jrnc) runs only once.
# A line "# seconds: N" (about N seconds on two busy cores) starts a long suite early, so
# the last suites to finish are short ones; "# sanitizer seconds: N" does the same for its
# sanitizer run (without it, two and a half times the first).
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

# Sanitizer reports must fail a test even where jrnc's own exit status would be 1 or 2.
export ASAN_OPTIONS="exitcode=99:detect_leaks=1:abort_on_error=0:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=98:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"

# A suite that skips a case for a missing tool fails it: `make check` installs every tool
# the suites need (make test-deps), so a skip means a case that silently stopped running.
# JRN_TESTS_ALLOW_SKIP=1 lets a developer run the suites on a machine without them.
allow_skip=${JRN_TESTS_ALLOW_SKIP:-0}
# Suites run side by side, JRN_TEST_JOBS at a time (default: one per core); each writes
# its own log, and the logs are reported in suite order once all have run.
jobs_max=${JRN_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}

# execute_suite SUITE LABEL: runs one suite file into its log and records its exit status.
execute_suite() {
    local suite=$1 label=$2
    mkdir -p "$scratch/$label"
    if [ ! -f "$suite" ]; then
        echo "FAIL: $(basename "$suite" .sh) (no such suite)" >"$scratch/$label.log"
        echo 0 >"$scratch/$label.status"
        return
    fi
    local start=$EPOCHREALTIME
    # JRN_TEST_LABEL ("reports", "reports-asan"): a suite that keeps files for a person to
    # look at keeps them apart per run, as both runs of a suite go side by side
    TMP_DIR="$scratch/$label" JRN_TEST_LABEL="$label" bash "$suite" >"$scratch/$label.log" 2>&1
    echo $? >"$scratch/$label.status"
    awk "BEGIN { printf \"%.0f\\n\", $EPOCHREALTIME - $start }" >"$scratch/$label.seconds"
}

# report_suite LABEL: prints one suite's counts and failures, and adds them to the totals.
report_suite() {
    local label=$1
    local log="$scratch/$label.log" status suite_pass suite_fail suite_skip
    status=$(cat "$scratch/$label.status")
    suite_pass=$(grep -c '^PASS: ' "$log")
    suite_fail=$(grep -c '^FAIL: ' "$log")
    suite_skip=$(grep -c '^SKIP: ' "$log")
    if [ "$status" -ne 0 ]; then
        # A suite that dies part-way must not look green.
        echo "FAIL: $label exited with status $status" >>"$log"
        suite_fail=$((suite_fail + 1))
    fi
    if [ $((suite_pass + suite_fail + suite_skip)) -eq 0 ]; then
        echo "FAIL: $label ran no test" >>"$log"
        suite_fail=1
    fi
    if [ "$suite_skip" -gt 0 ] && [ "$allow_skip" != 1 ]; then
        echo "FAIL: $label skipped $suite_skip case(s) for a missing tool: run 'make test-deps'" >>"$log"
        suite_fail=$((suite_fail + suite_skip))
    fi
    passed=$((passed + suite_pass)); failed=$((failed + suite_fail)); skipped=$((skipped + suite_skip))
    # The wall time shows which suites bound `make check` (it must stay well under 30 minutes).
    printf '%-20s %4d passed, %d failed, %d skipped  %5ss\n' "$label" "$suite_pass" "$suite_fail" "$suite_skip" \
        "$(cat "$scratch/$label.seconds" 2>/dev/null || echo '?')"
    # Show failures (with their explanation lines) and skips; keep passes quiet.
    awk '/^FAIL: /{show=1; print "  " $0; next} /^(PASS|SKIP): /{show=0; if ($0 ~ /^SKIP/) print "  " $0; next} show{print "    " $0}' "$log" | head -n 200
}

# The runs: each suite with JRNC, then (JRNC_SANITIZE) again with the sanitizer build,
# except suites marked "runner: once" (they do not run jrnc).
labels=() binaries=() files=() releases=()
for suite in "${suites[@]}"; do
    labels+=("$(basename "$suite" .sh)"); binaries+=("$JRNC"); files+=("$suite"); releases+=("")
done
if [ -n "${JRNC_SANITIZE:-}" ]; then
    case "$JRNC_SANITIZE" in /*) ;; *) JRNC_SANITIZE="$root/$JRNC_SANITIZE" ;; esac
    for suite in "${suites[@]}"; do
        grep -q '^# runner: once' "$suite" 2>/dev/null && continue
        # "-asan", not "[asan]": the label names the suite's folder, which suites put in patterns.
        labels+=("$(basename "$suite" .sh)-asan"); binaries+=("$JRNC_SANITIZE"); files+=("$suite")
        releases+=("$JRNC")
    done
fi

# expected_seconds SUITE LABEL: the suite's "# seconds:" hint (20 without one); for the
# sanitizer run its "# sanitizer seconds:" hint, else two and a half times the first.
expected_seconds() {
    local seconds sanitizer
    seconds=$(sed -n 's/^# seconds: \([0-9]*\)$/\1/p' "$1" 2>/dev/null | head -n 1)
    seconds=${seconds:-20}
    sanitizer=$(sed -n 's/^# sanitizer seconds: \([0-9]*\)$/\1/p' "$1" 2>/dev/null | head -n 1)
    case "$2" in *-asan) seconds=${sanitizer:-$((seconds * 5 / 2))} ;; esac
    echo "$seconds"
}
order=$(for i in "${!labels[@]}"; do echo "$(expected_seconds "${files[$i]}" "${labels[$i]}") $i"; done |
        sort -k1,1nr -k2,2n | cut -d' ' -f2)
for i in $order; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
    JRNC="${binaries[$i]}" JRNC_RELEASE="${releases[$i]}" execute_suite "${files[$i]}" "${labels[$i]}" &
done
wait
for label in "${labels[@]}"; do report_suite "$label"; done
echo
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
