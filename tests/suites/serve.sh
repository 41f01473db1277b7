#!/usr/bin/env bash
# Serve suite: `jrnc serve` on a loopback port. Headless chromium (tests/serve/live.mjs)
# opens the page while the map is saved by rename and in place, broken and fixed, and sees
# the page redraw within a second, scroll kept, errors shown located and escaped over the
# last good picture, with slow clients holding connections all along. curl tries to leave
# the fixed routes (.., encoded, doubled slashes, the map's own name) and gets 404s; other
# methods get 405, another Host 403. A port in use is exit 2; --port 0 takes a free one;
# --host warns; --open starts the browser; SIGINT and SIGTERM end it with status 0.
# Needs curl, python3, node with tests/serve/node_modules and chromium (tests/deps/serve.sh).
set -u
. "$JRN_ROOT/tests/lib.sh"
. "$JRN_ROOT/tests/serve/lib.sh"
cd "$TMP_DIR" || exit 2

expect_exit_output "serve: no file is a usage error" 2 "no input file" "$JRNC" serve --port 0
expect_exit_output "serve: standard input cannot be watched" 2 "standard input" "$JRNC" serve -
expect_exit_output "serve: a bad port is a usage error" 2 "from 0 to 65535" \
    "$JRNC" serve --port 70000 "$JRN_ROOT/examples/acme_post_sales.jrn"
expect_exit_output "serve: a bad view is a usage error" 2 "--view takes" \
    "$JRNC" serve --view sideways "$JRN_ROOT/examples/acme_post_sales.jrn"
expect_exit_output "serve: an unknown host is a usage error" 2 "--host 'no.such.host.invalid'" \
    "$JRNC" serve --host no.such.host.invalid --port 0 "$JRN_ROOT/examples/acme_post_sales.jrn"
expect_exit_output "serve: --help" 0 "Usage: jrnc serve" "$JRNC" serve --help

cp "$JRN_ROOT/examples/acme_post_sales.jrn" acme.jrn

# start_server NAME ARGS...: starts jrnc serve ARGS in the background (server: its pid,
# url: the address it printed; stderr in NAME.log). False when no address came.
start_server() {
    local name=$1; shift
    : >"$name.url"
    "$JRNC" serve "$@" >"$name.url" 2>"$name.log" &
    server=$!
    poll_until 20 test -s "$name.url" || return 1
    url=$(head -n 1 "$name.url")
}

if ! start_server main acme.jrn --port 0; then
    fail "serve: --port 0 starts on a free port and prints its address" "$(cat main.log)"
    exit 0
fi
case "$url" in
    http://127.0.0.1:0/) fail "serve: --port 0 starts on a free port and prints its address" "printed $url" ;;
    http://127.0.0.1:[0-9]*/) pass "serve: --port 0 starts on a free port and prints its address" ;;
    *) fail "serve: --port 0 starts on a free port and prints its address" "printed '$url'" ;;
esac
port=${url##*:}; port=${port%/}

# The page, with its headers.
status=$(curl -s -D headers.txt -o page.html -w '%{http_code}' "$url")
if [ "$status" = 200 ] && grep -qi '^content-type: text/html; charset=utf-8' headers.txt &&
   grep -qi "^content-security-policy: .*script-src 'nonce-" headers.txt &&
   grep -q '<h1>Acme post-sales</h1>' page.html && grep -q 'id="jrnc-bar"' page.html; then
    pass "serve: / is the HTML report with the live bar, under a content policy"
else
    fail "serve: / is the HTML report with the live bar, under a content policy" "status $status" "$(cat headers.txt)"
fi

# The bar offers every view the map has: the canvas always, the blueprint only with
# backstage or support work (acme has none).
curl -s -o canvas.html "$url?view=canvas"
if grep -q '<a href="/?view=canvas" aria-current="page">Canvas</a>' canvas.html &&
   grep -q '<a href="/?view=spine">Spine</a>' canvas.html && ! grep -q 'view=blueprint' canvas.html; then
    pass "serve: ?view=canvas opens the canvas; no blueprint for a map without backstage work"
else
    fail "serve: ?view=canvas opens the canvas; no blueprint for a map without backstage work" \
        "$(grep -o '<a href="/?view=[^"]*"[^>]*>[^<]*' canvas.html)"
fi

# Every request outside the two routes is a 404 that reads no file.
traversal_failures=()
for path in "/../../../../etc/passwd" "/%2e%2e/%2e%2e/%2e%2e/etc/passwd" "/..%2f..%2f..%2fetc%2fpasswd" \
            "//etc/passwd" "/acme.jrn" "/events/../acme.jrn" "/./acme.jrn" "/%2e/acme.jrn" "/index.html" \
            "/events/" "/%00" "/..\\..\\etc\\passwd" "/favicon.ico"; do
    status=$(curl -s --path-as-is -o body.txt -w '%{http_code}' "http://127.0.0.1:$port$path")
    if [ "$status" != 404 ] || grep -q 'root:' body.txt || grep -q 'Acme post-sales' body.txt; then
        traversal_failures+=("$path: status $status, body $(head -c 80 body.txt)")
    fi
done
status=$(curl -s -o body.txt -w '%{http_code}' "$url?view=../../../../etc/passwd")
if [ "$status" != 200 ] || grep -q 'root:' body.txt; then
    traversal_failures+=("?view=../../etc/passwd: status $status")
fi
if [ ${#traversal_failures[@]} -eq 0 ]; then pass "serve: no path leaves the fixed routes (.., encoded, doubled, the map's name)"
else fail "serve: no path leaves the fixed routes (.., encoded, doubled, the map's name)" "${traversal_failures[@]}"; fi

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data 'x=1' "$url")
expect_exit_output "serve: a POST is 405" 0 "" test "$status" = 405
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: attacker.example' "$url")
expect_exit_output "serve: a request for another host name is 403 (DNS rebinding)" 0 "" test "$status" = 403

# The event stream: the generation at once when the page is behind.
curl -s -N --max-time 2 "${url}events?since=0" >events.txt
if grep -q '^data: [0-9]' events.txt; then pass "serve: /events tells a page that is behind at once"
else fail "serve: /events tells a page that is behind at once" "$(cat events.txt)"; fi

# A port in use: exit 2, plainly.
expect_exit_output "serve: a port in use is exit 2 with a clear message" 2 "port $port on 127.0.0.1 is in use" \
    "$JRNC" serve acme.jrn --port "$port"

# The browser, with slow clients holding connections all along.
python3 "$JRN_ROOT/tests/serve/slow_clients.py" "$url" 24 >slow.log 2>&1 &
slow=$!
poll_until 10 grep -q ready slow.log
if ! have node || ! have chromium || [ ! -d "$JRN_ROOT/tests/serve/node_modules/puppeteer-core" ]; then
    skip "serve: the page in headless chromium" "node, chromium or tests/serve/node_modules is missing (tests/deps/serve.sh)"
else
    # A save shows within a second; the sanitizer build compiles and lays out several
    # times slower than the release build, so it is given 2.5 times as long. On a machine
    # whose load is above its cores (every suite at once on two cores), the bound grows
    # with the load, at most fourfold: the second is the promise on a machine at rest.
    limit=1000
    case "$JRNC" in */sanitize/*) limit=2500 ;; esac
    load=$(cut -d' ' -f1 /proc/loadavg)
    export LIVE_LIMIT_MS=$(awk -v limit="$limit" -v load="$load" -v cores="$(nproc)" \
        'BEGIN { f = load / cores; if (f < 1) f = 1; if (f > 4) f = 4; printf "%d", limit * f }')
    # live.mjs prints a line per case; a script that dies (the browser did not start, a
    # page never loaded) prints none for the cases it did not reach, so its own exit
    # status is a case too.
    node "$JRN_ROOT/tests/serve/live.mjs" "$url" "$TMP_DIR/acme.jrn" 2>live.err
    status=$?
    if [ "$status" -eq 0 ]; then
        pass "serve: the browser test ran to its end"
    else
        fail "serve: the browser test ran to its end" "node exited with status $status:" "$(tail -n 15 live.err)"
    fi
fi
stop_within "serve: SIGINT ends it with status 0, slow clients still connected" "$server" INT
kill "$slow" 2>/dev/null; wait "$slow" 2>/dev/null

# --host: a warning, and any Host header is answered; SIGTERM ends it.
if start_server wide acme.jrn --host 0.0.0.0 --port 0 && grep -q 'warning: listening on 0.0.0.0' wide.log; then
    pass "serve: --host 0.0.0.0 warns that others can read the map"
else
    fail "serve: --host 0.0.0.0 warns that others can read the map" "$(cat wide.log)"
fi
wide_port=${url##*:}; wide_port=${wide_port%/}
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$wide_port/")
expect_exit_output "serve: --host 0.0.0.0 answers on the loopback too" 0 "" test "$status" = 200
stop_within "serve: SIGTERM ends it with status 0" "$server" TERM

# --open: the browser command gets the address.
mkdir -p bin
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s/opened.txt"\n' "$TMP_DIR" >bin/xdg-open
chmod +x bin/xdg-open
if PATH="$TMP_DIR/bin:$PATH" start_server open acme.jrn --port 0 --open &&
   poll_until 5 grep -qx "$url" opened.txt; then
    pass "serve: --open starts the browser on the address"
else
    fail "serve: --open starts the browser on the address" "$(cat open.log)" "$(cat opened.txt 2>/dev/null)"
fi
stop_within "serve: SIGINT ends it with status 0 (--open)" "$server" INT

# --view blueprint: a map with backstage work opens on its service blueprint.
cp "$JRN_ROOT/examples/hotel_stay.jrn" hotel.jrn
if start_server hotel hotel.jrn --port 0 --view blueprint && curl -s -o hotel.html "$url" &&
   grep -q '<a href="/?view=blueprint" aria-current="page">Blueprint</a>' hotel.html; then
    pass "serve: --view blueprint opens a map with backstage work on its blueprint"
else
    fail "serve: --view blueprint opens a map with backstage work on its blueprint" "$(cat hotel.log)" \
        "$(grep -o '<a href="/?view=[^"]*"[^>]*>[^<]*' hotel.html 2>/dev/null)"
fi
stop_within "serve: SIGTERM ends it with status 0 (blueprint)" "$server" TERM
