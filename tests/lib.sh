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
# have TOOL: true when TOOL is on PATH.
have() { command -v "$1" >/dev/null 2>&1; }
