#!/usr/bin/env bash
# Watch suite: `jrnc watch FILE -o OUT` keeps OUT up to date as the map, a file it uses and
# a --data file are saved by rename and in place; OUT is always whole (a reader polling it
# during a burst of saves never sees half a file, and after the burst it is exactly what a
# one-shot compile of the last save gives); a map with errors keeps the last good OUT and
# the fixed map recovers; SIGINT and SIGTERM end it with status 0; usage errors exit 2.
set -u
. "$JRN_ROOT/tests/lib.sh"
. "$JRN_ROOT/tests/serve/lib.sh"
cd "$TMP_DIR" || exit 2

expect_exit_output "watch: no file is a usage error" 2 "no input file" "$JRNC" watch -o out.json
expect_exit_output "watch: -o is required" 2 "-o OUT" "$JRNC" watch "$JRN_ROOT/examples/acme_post_sales.jrn"
expect_exit_output "watch: standard input cannot be watched" 2 "standard input" "$JRNC" watch - -o out.json
expect_exit_output "watch: an unknown format is a usage error" 2 "unknown output format" \
    "$JRNC" watch -f nope "$JRN_ROOT/examples/acme_post_sales.jrn" -o out.json
expect_exit_output "watch: --help" 0 "Usage: jrnc watch" "$JRNC" watch --help

# The map uses part.jrn, which holds the persona's title.
mkdir -p map
cat >map/part.jrn <<'EOF'
persona user "Part user"
EOF
map_text() {   # map_text TITLE
    printf 'use "part"\nmap "%s" { owner: cs }\nteam cs "Customer Success"\nstage onboarding "Onboarding" { touchpoint welcome "Welcome" }\n' "$1"
}
map_text "First" >map/main.jrn

"$JRNC" watch map/main.jrn -f json -o out.json 2>watch.log &
watcher=$!
has() { grep -q -- "$2" "$1" 2>/dev/null; }
if poll_until 10 has out.json '"First"'; then pass "watch: compiles once at the start"
else fail "watch: compiles once at the start" "$(cat watch.log)"; fi

map_text "Renamed save" | save_by_rename map/main.jrn
if poll_until 5 has out.json '"Renamed save"'; then pass "watch: a save by rename rewrites OUT"
else fail "watch: a save by rename rewrites OUT" "$(cat watch.log)"; fi

map_text "In place" | save_in_place map/main.jrn
if poll_until 5 has out.json '"In place"'; then pass "watch: a save in place (truncate, write) rewrites OUT"
else fail "watch: a save in place (truncate, write) rewrites OUT" "$(cat watch.log)"; fi

printf 'persona user "Part changed"\n' | save_by_rename map/part.jrn
if poll_until 5 has out.json '"Part changed"'; then pass "watch: a save of a used file rewrites OUT"
else fail "watch: a save of a used file rewrites OUT" "$(cat watch.log)"; fi

# A file the map starts to use is watched from then on.
printf 'segment smb "Small business"\n' >map/extra.jrn
{ printf 'use "extra"\n'; map_text "Uses extra"; } | save_by_rename map/main.jrn
poll_until 5 has out.json '"Uses extra"'
printf 'segment smb "Small and midsize"\n' | save_in_place map/extra.jrn
if poll_until 5 has out.json '"Small and midsize"'; then pass "watch: a file the map starts to use is watched"
else fail "watch: a file the map starts to use is watched" "$(cat watch.log)"; fi

# Errors: OUT keeps the last good output, byte for byte; the fix recovers.
cp out.json good.json
before=$(grep -c 'keeps the last good output' watch.log)
{ printf 'use "extra"\n'; map_text "Broken"; printf 'stage onboarding "Again"\n'; } | save_by_rename map/main.jrn
more_errors() { [ "$(grep -c 'keeps the last good output' watch.log)" -gt "$before" ]; }
if poll_until 5 more_errors && cmp -s out.json good.json && grep -q 'main.jrn:[0-9]*:[0-9]*: error' watch.log; then
    pass "watch: a map with errors prints them and keeps the last good OUT"
else
    fail "watch: a map with errors prints them and keeps the last good OUT" "$(tail -5 watch.log)"
fi
{ printf 'use "extra"\n'; map_text "Fixed"; } | save_in_place map/main.jrn
if poll_until 5 has out.json '"Fixed"'; then pass "watch: the fixed map recovers by itself"
else fail "watch: the fixed map recovers by itself" "$(tail -5 watch.log)"; fi

# A burst of saves, read all along: every read of OUT is whole JSON, and once the burst
# is over OUT is what a one-shot compile of the last save writes. The 60 saves, 5 ms
# apart, are a few changes, not 60: a change counts after 40 ms without another, or
# 400 ms after the first.
compiles_before=$(grep -c "wrote 'out.json'\|keeps the last good output" watch.log)
python3 - map/main.jrn out.json >burst.log 2>&1 <<'EOF'
import json, os, sys, threading
map_path, out_path = sys.argv[1], sys.argv[2]
base = open(map_path).read()
done = threading.Event()
bad = []
reads = 0
def reader():
    global reads
    while not done.is_set():
        try:
            json.loads(open(out_path).read())
            reads += 1
        except Exception as error:
            bad.append(repr(error)[:120])
thread = threading.Thread(target=reader)
thread.start()
for i in range(60):
    text = base.replace('"Fixed"', '"Burst %d"' % i)
    if i % 2:
        with open(map_path, "w") as f:
            f.write(text)
    else:
        with open(map_path + ".saving~", "w") as f:
            f.write(text)
        os.rename(map_path + ".saving~", map_path)
    threading.Event().wait(0.005)
threading.Event().wait(1.0)
done.set()
thread.join()
print("reads", reads, "bad", len(bad), bad[:3])
sys.exit(1 if bad or reads == 0 else 0)
EOF
burst=$?
"$JRNC" -f json map/main.jrn -o expected.json 2>/dev/null
if poll_until 5 cmp -s out.json expected.json && [ "$burst" -eq 0 ]; then
    pass "watch: OUT stays whole through a burst of saves and ends as the last save compiles"
else
    fail "watch: OUT stays whole through a burst of saves and ends as the last save compiles" \
        "$(cat burst.log)" "$(diff <(grep -o '"Burst [0-9]*"' out.json | head -1) <(grep -o '"Burst [0-9]*"' expected.json | head -1))"
fi
compiles=$(( $(grep -c "wrote 'out.json'\|keeps the last good output" watch.log) - compiles_before ))
if [ "$compiles" -ge 1 ] && [ "$compiles" -le 12 ]; then
    pass "watch: a burst of 60 saves is coalesced ($compiles compiles)"
else
    fail "watch: a burst of 60 saves is coalesced" "$compiles compiles for 60 saves (at most 12 expected)"
fi
stop_within "watch: SIGINT ends it with status 0" "$watcher" INT

# --data files are watched too; SIGTERM ends it cleanly.
cp "$JRN_ROOT/examples/acme_post_sales.jrn" acme.jrn
cp "$JRN_ROOT/examples/acme_actuals.csv" actuals.csv
"$JRNC" watch acme.jrn --data actuals.csv -f md -o acme.md 2>data.log &
watcher=$!
poll_until 10 test -s acme.md
cp acme.md acme-before.md
# The first data row's value changes.
awk -F, 'NR == 2 { $3 = "12%" } { print }' OFS=, actuals.csv | save_by_rename actuals.csv
changed() { [ -s acme.md ] && ! cmp -s acme.md acme-before.md; }
if poll_until 5 changed; then pass "watch: a save of a --data file rewrites OUT"
else fail "watch: a save of a --data file rewrites OUT" "$(cat data.log)"; fi
stop_within "watch: SIGTERM ends it with status 0" "$watcher" TERM

# A map reached through a symbolic link: the file it names is watched.
mkdir -p real
map_text "Linked" >real/linked.jrn
cp map/part.jrn real/part.jrn
ln -sf ../real/linked.jrn map/link.jrn
"$JRNC" watch map/link.jrn -f json -o linked.json 2>link.log &
watcher=$!
poll_until 10 has linked.json '"Linked"'
map_text "Linked and saved" | save_by_rename real/linked.jrn
if poll_until 5 has linked.json '"Linked and saved"'; then pass "watch: a map reached by a symbolic link is watched where it lives"
else fail "watch: a map reached by a symbolic link is watched where it lives" "$(cat link.log)"; fi
stop_within "watch: SIGINT ends it with status 0 (symbolic link)" "$watcher" INT

# Pictures: the HTML report's graph and -T svg are laid out by Graphviz at every save
# (each save's layout in a process of its own: Graphviz cannot lay out twice in one).
for format in "-f html" "-T svg"; do
    name=${format#-? }
    cp "$JRN_ROOT/examples/acme_post_sales.jrn" "pic-$name.jrn"
    # shellcheck disable=SC2086
    "$JRNC" watch "pic-$name.jrn" $format -o "pic.$name" 2>"pic-$name.log" &
    watcher=$!
    poll_until 20 test -s "pic.$name"
    drawn=0
    for round in 1 2 3; do
        sed "s/Acme post-sales/Acme round $round/" "$JRN_ROOT/examples/acme_post_sales.jrn" | save_by_rename "pic-$name.jrn"
        poll_until 10 grep -q "Acme round $round" "pic.$name" && drawn=$((drawn + 1))
    done
    if [ "$drawn" -eq 3 ] && ! grep -q 'Sanitizer\|runtime error' "pic-$name.log"; then
        pass "watch: $format is laid out again at each of three saves"
    else
        fail "watch: $format is laid out again at each of three saves" "$drawn of 3 drawn" "$(head -20 "pic-$name.log")"
    fi
    stop_within "watch: SIGINT ends it with status 0 ($format)" "$watcher" INT
done
