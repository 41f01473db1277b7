#!/usr/bin/env bash
# seconds: 85
# sanitizer seconds: 10
# Serve soak suite: `jrnc serve` on a small map saved 2,000 times (by rename and in place,
# alternately), each save waited for on the event stream, the page drawn every 100 saves:
# the server's resident memory after the last save is within 1 MB of what it was after
# the first 400 (tests/serve/soak.py), and SIGINT still ends it with status 0. The
# sanitizer build runs 200 saves: its allocator keeps freed memory on purpose, so its
# figures mean nothing, but LeakSanitizer checks at the end that nothing leaked.
set -u
. "$JRN_ROOT/tests/lib.sh"
. "$JRN_ROOT/tests/serve/lib.sh"
cd "$TMP_DIR" || exit 2

saves=2000
case "$JRNC" in */sanitize/*) saves=200 ;; esac
cat >soak.jrn <<'MAP'
map "Small" { owner: cs }
team cs "Customer Success"
persona user "User"
stage onboarding "Onboarding" { touchpoint welcome "Welcome" }
stage adoption "Adoption" { touchpoint daily "Daily use" }
MAP
"$JRNC" serve soak.jrn --port 0 >url.txt 2>serve.log &
server=$!
if ! poll_until 20 test -s url.txt; then
    fail "serve soak: the server starts" "$(cat serve.log)"
    exit 0
fi
output=$(python3 "$JRN_ROOT/tests/serve/soak.py" "$(head -n 1 url.txt)" "$TMP_DIR/soak.jrn" "$server" "$saves" 2>&1)
if [ "$saves" -lt 2000 ]; then
    if printf '%s\n' "$output" | grep -q '^soak: '; then pass "serve soak: $saves saves under the sanitizers"
    else fail "serve soak: $saves saves under the sanitizers" "$output"; fi
else
    printf '%s\n' "$output" | grep -v '^soak: '
    if ! printf '%s\n' "$output" | grep -q '^soak: '; then fail "serve soak: the soak ran to its end" "$output"
    else printf '%s\n' "$output" | grep '^soak: ' >&2; fi
fi
stop_within "serve soak: SIGINT ends it with status 0 after $saves saves" "$server" INT
if grep -q 'ERROR: \(Address\|Leak\)Sanitizer\|runtime error' serve.log; then
    fail "serve soak: no sanitizer report" "$(grep -A5 'Sanitizer\|runtime error' serve.log | head -20)"
else
    pass "serve soak: no sanitizer report"
fi
