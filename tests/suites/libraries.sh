#!/usr/bin/env bash
# Graphviz's libgvc, KLU and libmicrohttpd are loaded by the commands that need them
# (src/library.c), not linked. Held here on the binary under test (none of them is among
# the libraries the dynamic loader maps at start) and on jrnc built to look for sonames no
# machine has (make's jrnc-without-libraries, plain and with the sanitizers): the commands
# that need none of them answer exactly as ever; each one that needs one names the library
# and the package to install, writes nothing and exits with status 2.
source "$JRN_ROOT/tests/lib.sh"
absent="$JRN_ROOT/build/release/jrnc-without-libraries"
case "$JRNC" in */build/sanitize/*) absent="$JRN_ROOT/build/sanitize/jrnc-without-libraries" ;; esac
if [ ! -x "$absent" ]; then fail "libraries" "$absent is not built (make check builds it)"; exit 0; fi
cd "$TMP_DIR" || exit 1
map="$JRN_ROOT/examples/acme_post_sales.jrn"

needed=$(readelf -d "$JRNC" | awk '/NEEDED/ { print $NF }')
for library in libgvc libcgraph libklu libmicrohttpd libgnutls; do
    if printf '%s\n' "$needed" | grep -q "^\[$library\."; then
        fail "libraries: $library is not linked" "$needed"
    else
        pass "libraries: $library is not linked"
    fi
done

# same_output NAME ARGS...: the two binaries answer alike (output, messages, status).
same_output() {
    local name=$1; shift
    local want got want_status got_status
    want=$("$JRNC" "$@" 2>&1); want_status=$?
    got=$("$absent" "$@" 2>&1); got_status=$?
    if [ "$want_status" -eq "$got_status" ] && [ "$want" = "$got" ] && [ -n "$want" ]; then
        pass "libraries: $name needs none"
    else
        fail "libraries: $name needs none" "exit $got_status, expected $want_status" \
            "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -20)"
    fi
}
same_output "the DOT compile" "$map"
same_output "the canvas" --view canvas "$map"
same_output "check" check --Werror "$map"
same_output "lint" lint -f json "$map"
same_output "JSON" -f json "$map"
same_output "Markdown" -f md "$map"
same_output "fmt" fmt --diff "$map"
same_output "diff" diff "$map" "$JRN_ROOT/examples/b2b_logistics.jrn"
# a loop nobody leaves is found without solving anything (lint's trapped-loop)
same_output "lint's trapped-loop" lint "$JRN_ROOT/tests/lint/cases/trapped-loop-fires.jrn"

# missing NAME PATTERN ARGS...: status 2, PATTERN in the message, nothing written to -o.
missing() {
    local name=$1 pattern=$2; shift 2
    printf 'kept\n' > kept.out
    local out status
    out=$("$absent" "$@" -o kept.out 2>&1); status=$?
    if [ "$status" -eq 2 ] && printf '%s\n' "$out" | grep -qF -- "$pattern" && [ "$(cat kept.out)" = kept ]; then
        pass "libraries: $name"
    else
        fail "libraries: $name" "exit $status, expected 2; kept.out: $(head -c 200 kept.out)" "$out"
    fi
}
gvc="libjrnc-absent-gvc.so.6: cannot open shared object file: No such file or directory (on Debian: sudo apt install libjrnc-absent-gvc6)"
# a name that ends in a digit gets a hyphen before the soname's version, as Debian names it
klu="libjrnc-absent-klu2.so.1: cannot open shared object file: No such file or directory (on Debian: sudo apt install libjrnc-absent-klu2-1)"
missing "-T svg without libgvc" "jrnc: error: cannot draw the map: $gvc" -T svg "$map"
missing "-T png without libgvc" "cannot draw the map: $gvc" -T png "$map"
missing "the HTML report without libgvc" "cannot draw the map: $gvc" -f html "$map"
missing "flow without KLU" "acme_post_sales.jrn:64:9: error: cannot compute the flow of journey 'user_path': $klu" \
    flow "$map"
missing "the flow view without KLU" "cannot compute the flow of journey 'admin_path': $klu" --view flow "$map"
expect_exit_output "libraries: serve without libmicrohttpd" 2 \
    "jrnc serve: cannot start the web server: libjrnc-absent-mhd.so.12: cannot open shared object file: No such file or directory (on Debian: sudo apt install libjrnc-absent-mhd12)" \
    timeout 10 "$absent" serve --port 0 "$map"
exit 0
