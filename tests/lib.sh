# Helpers sourced by test suites: report cases in the runner's format.
# shellcheck shell=bash
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; shift; for line in "$@"; do echo "$line"; done; }
skip() { echo "SKIP: $1 ($2)"; }
# check NAME COMMAND...: pass when COMMAND succeeds, otherwise fail with its output.
check() {
    local name=$1; shift
    local out
    if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$out"; fi
}
# expect_exit_output NAME STATUS PATTERN COMMAND...: pass when COMMAND exits with STATUS
# and its output (standard output and error) matches the grep PATTERN (empty: any output).
expect_exit_output() {
    local name=$1 want=$2 pattern=$3; shift 3
    local out status
    out=$("$@" 2>&1); status=$?
    if [ "$status" -eq "$want" ] && { [ -z "$pattern" ] || printf '%s\n' "$out" | grep -q -- "$pattern"; }; then
        pass "$name"
    else
        fail "$name" "exit $status, expected $want" "$out"
    fi
}
# expect_exit NAME STATUS COMMAND...: pass when COMMAND exits with STATUS.
expect_exit() { expect_exit_output "$1" "$2" "" "${@:3}"; }
# expect_golden NAME WANT STATUS OUTPUT FILE: pass when a command's STATUS is WANT and its
# OUTPUT is FILE's text. UPDATE=1 first rewrites FILE from OUTPUT (review the diff!).
expect_golden() {
    local name=$1 want=$2 status=$3 out=$4 file=$5
    if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$out" > "$file"; fi
    local expected
    expected=$(cat "$file" 2>/dev/null)
    if [ "$status" -ne "$want" ]; then fail "$name" "exit $status, expected $want" "$out"
    elif [ "$out" != "$expected" ]; then fail "$name" "$(diff <(printf '%s\n' "$expected") <(printf '%s\n' "$out"))"
    else pass "$name"; fi
}
# have TOOL: true when TOOL is on PATH.
have() { command -v "$1" >/dev/null 2>&1; }

# What another program judges of jrnc's output (headless Chromium measuring a page,
# Graphviz rendering a DOT) is judged in the release build's run only: what the sanitizer
# run adds is jrnc's own memory and behaviour while it writes the output, and the other
# program's verdict on the same bytes is the same. So the sanitizer run (JRNC_RELEASE set
# by tests/run.sh) holds such an output to the release build's, byte for byte.
in_sanitizer_run() { [ -n "${JRNC_RELEASE:-}" ]; }
# same_as_release NAME WRITTEN ARG...: in the sanitizer run, passes when the release
# build run with ARG... writes what the sanitizer build wrote to WRITTEN (a file or a
# folder); the argument OUT stands for the path the release build writes to. Its status
# is the case's: 0 when it passed.
same_as_release() {
    local name=$1 written=$2; shift 2
    local release="$written.release" args=() arg
    rm -rf "$release"
    for arg in "$@"; do if [ "$arg" = OUT ]; then args+=("$release"); else args+=("$arg"); fi; done
    # its exit status may be 1 (a map with errors among others): the output is the point
    "$JRNC_RELEASE" "${args[@]}" >/dev/null 2>&1
    if diff -r "$written" "$release" >"$TMP_DIR/same_as_release.diff" 2>&1; then
        pass "$name"
    else
        fail "$name" "the sanitizer build wrote other bytes than the release build:" \
            "$(head -c 2000 "$TMP_DIR/same_as_release.diff")"
        return 1
    fi
}

# memcheck NAME COMMAND...: runs COMMAND under valgrind memcheck; passes when valgrind
# finds no memory error and no definite or indirect leak, and COMMAND exits with at most
# MEMCHECK_MAX_STATUS (default 0). Standard input is MEMCHECK_INPUT (default /dev/null).
# The array MEMCHECK_OPTIONS adds valgrind options (a suppressions file).
# Graphviz keeps plugin tables for the life of the process: "still reachable" never fails.
memcheck() {
    local name=$1; shift
    valgrind --quiet --error-exitcode=97 --leak-check=full --num-callers=60 \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        ${MEMCHECK_OPTIONS[@]+"${MEMCHECK_OPTIONS[@]}"} \
        "$@" > /dev/null 2> valgrind.txt < "${MEMCHECK_INPUT:-/dev/null}"
    local status=$?
    if [ "$status" -eq 97 ] || grep -q '==[0-9]*==' valgrind.txt; then
        fail "$name" "$(head -c 3000 valgrind.txt)"
    elif [ "$status" -gt "${MEMCHECK_MAX_STATUS:-0}" ]; then
        fail "$name" "exit $status" "$(head -c 2000 valgrind.txt)"
    else
        pass "$name"
    fi
}

# cpu_seconds OUT ERR COMMAND...: runs COMMAND with standard output to OUT and standard error
# to ERR, and prints the CPU seconds (user + system) it took. Growth guards compare CPU time,
# not wall time, so a busy machine does not fail them; the exit status is COMMAND's.
cpu_seconds() {
    local out=$1 err=$2; shift 2
    local TIMEFORMAT='%U %S' times status
    times=$( { time "$@" >"$out" 2>"$err"; } 2>&1 ); status=$?
    awk -v t="$times" 'BEGIN { split(t, p, " "); printf "%.2f\n", p[1] + p[2] }'
    return $status
}
