#!/usr/bin/env bash
# seconds: 35
# sanitizer seconds: 90
# Hostile input: every file gets a located error (exit 1) or a clean result (exit 0),
# quickly, with no crash, hang or sanitizer report (those exit 98/99 or by signal); no
# output loses a user's file (docs/files.md), and no user string becomes Markdown, HTML,
# a spreadsheet formula or a terminal escape.
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

# ---- files a user must never lose (docs/files.md) ----------------------------------------
example="$JRN_ROOT/examples/acme_post_sales.jrn"
mkdir -p files && cd files || exit 1
cp "$example" map.jrn
"$JRNC" map.jrn > expected.dot
# `-o /dev/stdout >> log` appends to the log; /dev/fd/N and /proc/self/fd/N are descriptors.
echo "first line" > log.txt
"$JRNC" map.jrn -o /dev/stdout >> log.txt; status=$?
{ echo "first line"; cat expected.dot; } | cmp -s - log.txt && [ $status -eq 0 ] \
    && pass "files: -o /dev/stdout >> log appends" || fail "files: -o /dev/stdout >> log appends" "exit $status" "$(head -3 log.txt)"
echo "first line" > log.txt
"$JRNC" map.jrn -o /dev/fd/3 3>> log.txt; status=$?
{ echo "first line"; cat expected.dot; } | cmp -s - log.txt && [ $status -eq 0 ] \
    && pass "files: -o /dev/fd/3 3>> log appends" || fail "files: -o /dev/fd/3 3>> log appends" "exit $status" "$(head -3 log.txt)"
out=$("$JRNC" map.jrn -o /proc/self/fd/1 | cmp - expected.dot 2>&1) \
    && pass "files: -o /proc/self/fd/1 into a pipe" || fail "files: -o /proc/self/fd/1 into a pipe" "$out"
out=$("$JRNC" map.jrn -o /dev/fd/7 2>&1); status=$?
[ $status -eq 2 ] && [ "$out" = "jrnc: cannot write '/dev/fd/7': Bad file descriptor" ] \
    && pass "files: -o a closed descriptor: exit 2" || fail "files: -o a closed descriptor: exit 2" "exit $status" "$out"

# Never over an input: the map (under any name), a file it uses, a --data file.
cp map.jrn before.jrn
ln map.jrn other-name.jrn
ln -s map.jrn link.jrn
for target in map.jrn ./map.jrn other-name.jrn link.jrn; do
    out=$("$JRNC" -f md map.jrn -o "$target" 2>&1); status=$?
    [ $status -eq 2 ] && cmp -s map.jrn before.jrn \
        && [ "$out" = "jrnc: cannot write '$target': it is an input of this run ('map.jrn'); jrnc never writes over its inputs: choose another output file" ] \
        && pass "files: -o $target (the map) is refused" || fail "files: -o $target (the map) is refused" "exit $status" "$out"
done
printf 'stage used "Used"\n' > used.jrn
printf 'use "used.jrn"\nstage mine "Mine"\n' > uses.jrn
cp used.jrn used.before
out=$("$JRNC" uses.jrn -o used.jrn 2>&1); status=$?
[ $status -eq 2 ] && cmp -s used.jrn used.before && [[ "$out" == *"it is an input of this run ('"*"used.jrn')"* ]] \
    && pass "files: -o a file the map uses is refused" || fail "files: -o a file the map uses is refused" "exit $status" "$out"
out=$("$JRNC" flow uses.jrn -o used.jrn 2>&1); status=$?
[ $status -eq 2 ] && cmp -s used.jrn used.before && pass "files: flow -o a used file is refused" \
    || fail "files: flow -o a used file is refused" "exit $status" "$out"
out=$("$JRNC" lint --format json uses.jrn -o uses.jrn 2>&1); status=$?
[ $status -eq 2 ] && grep -q "^use \"used.jrn\"" uses.jrn && [[ "$out" == *"input of this run"* ]] && pass "files: lint -o its own map is refused" \
    || fail "files: lint -o its own map is refused" "exit $status" "$out"
printf 'subject,metric,value,date\n' > data.csv
cp data.csv data.before
out=$("$JRNC" map.jrn --data data.csv -o data.csv 2>&1); status=$?
[ $status -eq 2 ] && cmp -s data.csv data.before && [[ "$out" == *"input of this run ('data.csv')"* ]] \
    && pass "files: -o a --data file is refused" || fail "files: -o a --data file is refused" "exit $status" "$out"

# A read-only file is refused, as a shell redirect would be (even for root: the mode says so).
echo "keep me" > readonly.dot && chmod 444 readonly.dot
out=$("$JRNC" map.jrn -o readonly.dot 2>&1); status=$?
[ $status -eq 2 ] && [ "$(cat readonly.dot)" = "keep me" ] \
    && [ "$out" = "jrnc: cannot write 'readonly.dot': it is read-only (mode 0444); make it writable or choose another output file" ] \
    && pass "files: a read-only file is refused" || fail "files: a read-only file is refused" "exit $status" "$out"
printf 'stage   a   "A"\n' > readonly.jrn && chmod 444 readonly.jrn
out=$("$JRNC" fmt readonly.jrn 2>&1); status=$?
[ $status -eq 2 ] && [ "$(cat readonly.jrn)" = 'stage   a   "A"' ] && [[ "$out" == "jrnc fmt: cannot write 'readonly.jrn': it is read-only (mode 0444)"* ]] \
    && pass "files: fmt refuses a read-only file" || fail "files: fmt refuses a read-only file" "exit $status" "$out"

# Mode, owner and hard links are kept.
echo old > kept.dot && chmod 640 kept.dot && chown 1234:2345 kept.dot
"$JRNC" map.jrn -o kept.dot && cmp -s kept.dot expected.dot && [ "$(stat -c '%a %u %g %h' kept.dot)" = "640 1234 2345 1" ] \
    && pass "files: -o keeps mode and owner" || fail "files: -o keeps mode and owner" "$(stat -c '%a %u %g %h' kept.dot)"
echo old > linked.dot && ln linked.dot second-name.dot
"$JRNC" map.jrn -o linked.dot && cmp -s linked.dot expected.dot && cmp -s second-name.dot expected.dot \
    && [ "$(stat -c %h linked.dot)" = 2 ] && pass "files: -o keeps a hard link" || fail "files: -o keeps a hard link" "$(ls -li linked.dot second-name.dot)"
printf 'stage   a   "A"\n' > linked.jrn && ln linked.jrn linked-too.jrn
"$JRNC" fmt linked.jrn && [ "$(cat linked-too.jrn)" = 'stage a "A"' ] && [ "$(stat -c %h linked.jrn)" = 2 ] \
    && pass "files: fmt keeps a hard link" || fail "files: fmt keeps a hard link" "$(cat linked-too.jrn)"
# Longer text into a linked file, then shorter: no stale tail.
printf 'x%.0s' $(seq 20000) > linked.dot
"$JRNC" map.jrn -o linked.dot && cmp -s second-name.dot expected.dot \
    && pass "files: in-place writing leaves no stale tail" || fail "files: in-place writing leaves no stale tail" "$(wc -c < second-name.dot)"

# As another user: a writable file in a folder that user cannot write, and a file the
# user may write but does not own (renaming would hand it to them).
if have setpriv && [ "$(id -u)" = 0 ]; then
    as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    # The runner's scratch folder is private: the other user works in a folder of its own.
    other_user_dir=$(mktemp -d "${TMPDIR:-/tmp}/jrnc-files.XXXXXX") && chmod 755 "$other_user_dir"
    cd "$other_user_dir" || exit 1
    mkdir -p shared locked && chmod 777 shared && chmod 755 locked
    cp "$TMP_DIR/files/map.jrn" shared/map.jrn && chmod 644 shared/map.jrn
    echo old > locked/out.dot && chmod 666 locked/out.dot
    out=$(as_nobody "$JRNC" shared/map.jrn -o locked/out.dot 2>&1); status=$?
    [ $status -eq 0 ] && cmp -s locked/out.dot "$TMP_DIR/files/expected.dot" && [ "$(ls -A locked)" = out.dot ] \
        && pass "files: a writable file in a folder the user cannot write" \
        || fail "files: a writable file in a folder the user cannot write" "exit $status" "$out"
    echo old > shared/theirs.dot && chmod 666 shared/theirs.dot
    out=$(as_nobody "$JRNC" shared/map.jrn -o shared/theirs.dot 2>&1); status=$?
    [ $status -eq 0 ] && cmp -s shared/theirs.dot "$TMP_DIR/files/expected.dot" && [ "$(stat -c %u shared/theirs.dot)" = 0 ] \
        && [ "$(ls -A shared | grep -c jrnc)" = 0 ] \
        && pass "files: a file the user does not own keeps its owner" \
        || fail "files: a file the user does not own keeps its owner" "exit $status" "$out" "$(ls -la shared)"
    echo "keep me" > shared/not-mine.dot && chmod 644 shared/not-mine.dot
    out=$(as_nobody "$JRNC" shared/map.jrn -o shared/not-mine.dot 2>&1); status=$?
    [ $status -eq 2 ] && [ "$(cat shared/not-mine.dot)" = "keep me" ] \
        && [ "$out" = "jrnc: cannot write 'shared/not-mine.dot': Permission denied: you may not write it; jrnc replaces only files you can write" ] \
        && pass "files: a file the user may not write is refused" || fail "files: a file the user may not write is refused" "exit $status" "$out"
    out=$(as_nobody "$JRNC" shared/map.jrn -o locked/new.dot 2>&1); status=$?
    [ $status -eq 2 ] && [ "$out" = "jrnc: cannot write 'locked/new.dot': Permission denied" ] \
        && pass "files: a new file in a folder the user cannot write: exit 2" \
        || fail "files: a new file in a folder the user cannot write: exit 2" "exit $status" "$out"
    cd "$TMP_DIR/files" && rm -rf "$other_user_dir"
else
    skip "files: as another user" "needs root and setpriv"
fi

# Names up to NAME_MAX work (the temporary's name is cut to fit); no litter stays.
for length in 246 250 255; do
    name=$(printf 'n%.0s' $(seq "$length"))
    out=$("$JRNC" map.jrn -o "$name" 2>&1); status=$?
    [ $status -eq 0 ] && cmp -s "$name" expected.dot && pass "files: a $length-byte output name" \
        || fail "files: a $length-byte output name" "exit $status" "$out"
    "$JRNC" map.jrn -o "$name" && cmp -s "$name" expected.dot && pass "files: a $length-byte name replaced" \
        || fail "files: a $length-byte name replaced"
    rm -f "$name"
done
long=$(printf 'é%.0s' $(seq 127))   # 254 bytes: the cut must not split a character
"$JRNC" map.jrn -o "$long" && cmp -s "$long" expected.dot && pass "files: a long UTF-8 name" || fail "files: a long UTF-8 name"
[ -z "$(ls -A | grep jrnc-)" ] && pass "files: no temporary file is left" || fail "files: no temporary file is left" "$(ls -A | grep jrnc-)"
# Past a file size limit the write fails cleanly (no signal), the old file stays, no litter.
echo "keep me" > limited.dot
out=$(ulimit -f 4; "$JRNC" map.jrn -o limited.dot 2>&1); status=$?
[ $status -eq 2 ] && [ "$(cat limited.dot)" = "keep me" ] && [ "$out" = "jrnc: cannot write 'limited.dot': File too large" ] \
    && [ -z "$(ls -A | grep jrnc-)" ] && pass "files: a file size limit: exit 2, nothing lost, no litter" \
    || fail "files: a file size limit: exit 2, nothing lost, no litter" "exit $status" "$out" "$(ls -A | grep jrnc-)"
# The temporary is hidden, in the target's folder, named after it.
# (strace is a test dependency: tests/deps/unix.sh installs it.)
strace_out=$(strace -f -e trace=rename,renameat,renameat2 "$JRNC" map.jrn -o watched.dot 2>&1 >/dev/null | grep -o '"\.watched\.dot\.jrnc-[A-Za-z0-9]\{6\}", [A-Z_]*"watched\.dot"\|"\.watched\.dot\.jrnc-[A-Za-z0-9]\{6\}", "watched\.dot"')
[ -n "$strace_out" ] && pass "files: the temporary is .NAME.jrnc-XXXXXX beside the file" \
    || fail "files: the temporary is .NAME.jrnc-XXXXXX beside the file" "$(strace -e trace=rename,renameat,renameat2 "$JRNC" map.jrn -o watched.dot 2>&1 >/dev/null)"

# A dangling symbolic link: its target is created, the link stays.
mkdir -p targets && ln -s targets/made.dot dangling.dot
"$JRNC" map.jrn -o dangling.dot && [ -L dangling.dot ] && cmp -s targets/made.dot expected.dot \
    && pass "files: -o a dangling link creates its target" || fail "files: -o a dangling link creates its target" "$(ls -l dangling.dot targets)"
ln -s loop-b loop-a && ln -s loop-a loop-b
out=$("$JRNC" map.jrn -o loop-a 2>&1); status=$?
[ $status -eq 2 ] && [ "$out" = "jrnc: cannot write 'loop-a': Too many levels of symbolic links" ] \
    && pass "files: -o a link loop: exit 2" || fail "files: -o a link loop: exit 2" "exit $status" "$out"
# Kernel files: a truthful error.
out=$("$JRNC" map.jrn -o /proc/version 2>&1); status=$?
[ $status -eq 2 ] && [ "$out" = "jrnc: cannot write '/proc/version': it is a read-only file of the kernel" ] \
    && pass "files: -o /proc/version says why" || fail "files: -o /proc/version says why" "exit $status" "$out"
out=$("$JRNC" map.jrn -o . 2>&1); status=$?
[ $status -eq 2 ] && [ "$out" = "jrnc: cannot write '.': Is a directory" ] \
    && pass "files: -o a folder: exit 2" || fail "files: -o a folder: exit 2" "exit $status" "$out"

# The DOT text is written as it is produced, in parts of 64 KiB (cli_stream_begin): the
# 300-touchpoint map's is about three. Every promise above holds for it too.
python3 "$JRN_ROOT/tests/bench/generate.py" 300 big > /dev/null
"$JRNC" big.jrn > big.expected; status=$?
size=$(wc -c < big.expected)
[ $status -eq 0 ] && [ "$size" -gt 131072 ] && pass "files: a DOT of three parts and more ($size bytes)" \
    || fail "files: a DOT of three parts and more ($size bytes)" "exit $status"
"$JRNC" big.jrn | cmp -s - big.expected && pass "files: a streamed DOT through a pipe" || fail "files: a streamed DOT through a pipe"
writes=$(strace -e trace=write -e signal=none "$JRNC" big.jrn -o parts.dot 2>&1 >/dev/null | grep -o '^write(3, .*= [0-9]*$' | grep -o '[0-9]*$')
largest=$(sort -n <<<"$writes" | tail -1)
[ "$(wc -l <<<"$writes")" -ge 3 ] && [ "${largest:-0}" -gt 0 ] && [ "$largest" -le 65536 ] && cmp -s parts.dot big.expected \
    && pass "files: -o writes the DOT to its temporary in parts of at most 64 KiB" \
    || fail "files: -o writes the DOT to its temporary in parts of at most 64 KiB" "writes: $(tr '\n' ' ' <<<"$writes")"
echo old > big-kept.dot && chmod 640 big-kept.dot && chown 1234:2345 big-kept.dot
"$JRNC" big.jrn -o big-kept.dot && cmp -s big-kept.dot big.expected && [ "$(stat -c '%a %u %g %h' big-kept.dot)" = "640 1234 2345 1" ] \
    && pass "files: a streamed DOT keeps mode and owner" || fail "files: a streamed DOT keeps mode and owner" "$(stat -c '%a %u %g %h' big-kept.dot)"
echo old > big-linked.dot && ln big-linked.dot big-second.dot
"$JRNC" big.jrn -o big-linked.dot && cmp -s big-second.dot big.expected && [ "$(stat -c %h big-linked.dot)" = 2 ] \
    && pass "files: a streamed DOT into a hard-linked file (written whole)" \
    || fail "files: a streamed DOT into a hard-linked file (written whole)" "$(ls -li big-linked.dot big-second.dot)"
echo "keep me" > big-readonly.dot && chmod 444 big-readonly.dot
out=$("$JRNC" big.jrn -o big-readonly.dot 2>&1); status=$?
[ $status -eq 2 ] && [ "$(cat big-readonly.dot)" = "keep me" ] \
    && [ "$out" = "jrnc: cannot write 'big-readonly.dot': it is read-only (mode 0444); make it writable or choose another output file" ] \
    && pass "files: a streamed DOT refuses a read-only file, once" || fail "files: a streamed DOT refuses a read-only file, once" "exit $status" "$out"
cp big.jrn big.before
out=$("$JRNC" big.jrn -o big.jrn 2>&1); status=$?
[ $status -eq 2 ] && cmp -s big.jrn big.before && [[ "$out" == *"it is an input of this run ('big.jrn')"* ]] \
    && pass "files: a streamed DOT is never written over its map" || fail "files: a streamed DOT is never written over its map" "exit $status" "$out"
# A limit past the first part: the old file stays whole, the temporary goes.
echo "keep me" > big-limited.dot
out=$(ulimit -f 100; "$JRNC" big.jrn -o big-limited.dot 2>&1); status=$?
[ $status -eq 2 ] && [ "$(cat big-limited.dot)" = "keep me" ] && [ "$out" = "jrnc: cannot write 'big-limited.dot': File too large" ] \
    && [ -z "$(ls -A | grep jrnc-)" ] && pass "files: a streamed DOT past a file size limit: exit 2, nothing lost, no litter" \
    || fail "files: a streamed DOT past a file size limit: exit 2, nothing lost, no litter" "exit $status" "$out" "$(ls -A | grep jrnc-)"
out=$("$JRNC" big.jrn 2>&1 > /dev/full); status=$?
[ $status -eq 2 ] && [ "$out" = "jrnc: cannot write 'standard output': No space left on device" ] \
    && pass "files: a streamed DOT to a full standard output: exit 2, said once" \
    || fail "files: a streamed DOT to a full standard output: exit 2, said once" "exit $status" "$out"
out=$("$JRNC" big.jrn -o /dev/full 2>&1); status=$?
[ $status -eq 2 ] && [ "$out" = "jrnc: cannot write '/dev/full': No space left on device" ] \
    && pass "files: a streamed DOT into /dev/full: exit 2" || fail "files: a streamed DOT into /dev/full: exit 2" "exit $status" "$out"
cd .. || exit 1

# ---- no injection: user strings stay text in Markdown, CSV and on the terminal ----------
mkdir -p inject && cd inject || exit 1
# The pull-request comment attack: a retitled touchpoint that would post a heading, a
# notifying @mention, a live link and raw HTML (an emotion label); ESC sequences.
cat > scale.jrn <<'JRN'
metric emotion "Customer emotion" {
  scale: -2..2
  better: higher
  labels: "<a href=https://evil.example>x</a>", "unhappy", "neutral", "pleased", "@team \u{1B}[31mred"
}
JRN
printf 'use "scale.jrn"\nstage s "Stage" {\n  touchpoint t "Support" { emotion: 0 }\n  touchpoint u "Done"\n}\njourney j "Journey" { t -> u [rate: 50%%] }\n' > old.jrn
cat > new.jrn <<'JRN'
use "scale.jrn"
stage s "Stage" {
  touchpoint t "Support\n\n## ✅ Approved by @security-team\n\nhttps://evil.example www.evil.example \u{1B}]52;c;aGk=\u{7}" { emotion: -2 }
  touchpoint u "Done" { emotion: 2 }
}
journey j "Journey \u{1B}[2J" { t -> u [rate: 50%] }
JRN
zwj=$'\u200d'
out=$("$JRNC" diff --no-prelude --format md old.jrn new.jrn 2>&1); status=$?
expected="## Journey map changes

old.jrn → new.jrn: 4 changes.

### Stage: Stage (\`s\`)

- Touchpoint **Support<br><br>\\#\\# ✅ Approved by @${zwj}security-team<br><br>https:${zwj}//evil.example www${zwj}.evil.example \\]52;c;aGk=** (\`t\`): emotion 0 (neutral) → -2 (&lt;a href=https:${zwj}//evil.example&gt;x&lt;/a&gt;)
- Touchpoint **Done** (\`u\`): emotion *none* → 2 (@${zwj}team \\[31mred)
- Touchpoint **Support<br><br>\\#\\# ✅ Approved by @${zwj}security-team<br><br>https:${zwj}//evil.example www${zwj}.evil.example \\]52;c;aGk=** (\`t\`): retitled \"Support\" → \"Support\\\\n\\\\n\\#\\# ✅ Approved by @${zwj}security-team\\\\n\\\\nhttps:${zwj}//evil.example www${zwj}.evil.example \\\\u{1B}\\]52;c;aGk=\\\\u{7}\"

### Journey: Journey \\[2J (\`j\`)

- Journey **Journey \\[2J** (\`j\`): retitled \"Journey\" → \"Journey \\\\u{1B}\\[2J\""
[ $status -eq 1 ] && [ "$out" = "$expected" ] && pass "inject: diff --format md keeps titles and labels text" \
    || fail "inject: diff --format md keeps titles and labels text" "exit $status" "$(diff <(printf '%s\n' "$expected") <(printf '%s\n' "$out"))"
# No line of the comment starts a block the title made; nothing reaches a renderer as markup.
if have python3; then
    out=$(printf '%s\n' "$out" | python3 -c '
import sys, re
text = sys.stdin.read()
bad = [l for l in text.split("\n") if re.match(r"\s*(#|>|[-*+] |\d+[.)] |https?:)", l) and not l.startswith(("## Journey map changes", "### Stage: ", "### Journey: ", "- Touchpoint **", "- Journey **"))]
bad += re.findall(r"(?<![\w\\])@[A-Za-z]", text) + re.findall(r"https?://", text) + re.findall(r"<(?!br>)[a-z]", text) + re.findall(r"[\x00-\x08\x0b-\x1f\x7f]", text)
print("\n".join(map(repr, bad)))')
    [ -z "$out" ] && pass "inject: diff md has no live heading, mention, link, tag or control" || fail "inject: diff md has no live heading, mention, link, tag or control" "$out"
fi
out=$("$JRNC" diff --no-prelude old.jrn new.jrn 2>&1); status=$?
expected='touchpoint t: emotion 0 (neutral) -> -2 (<a href=https://evil.example>x</a>)
touchpoint u: emotion (none) -> 2 (@team \u{1B}[31mred)
touchpoint t: retitled "Support" -> "Support\n\n## ✅ Approved by @security-team\n\nhttps://evil.example www.evil.example \u{1B}]52;c;aGk=\u{7}"
journey j: retitled "Journey" -> "Journey \u{1B}[2J"'
[ $status -eq 1 ] && [ "$out" = "$expected" ] && pass "inject: diff text shows escapes, sends none" \
    || fail "inject: diff text shows escapes, sends none" "exit $status" "$out"
# The same escape in every Markdown output: -f md and flow --format md.
"$JRNC" --no-prelude -f md new.jrn -o report.md && "$JRNC" flow --no-prelude --format md new.jrn -o flow.md
# The report's Mermaid block is code (no mention or link is live there; tests/suites/mermaid.sh
# checks it): only an escape or a tag would count in it.
for file in report.md flow.md; do
    bad=$(sed '/^```mermaid$/,/^```$/{/\x1b\|\x07\|<[a-z]/!d}' "$file" | grep -naP '\x1b|\x07|https?://|(?<![\w\\])@[A-Za-z]|^#+ .*Approved|<a ')
    [ -z "$bad" ] && grep -q "Approved by @${zwj}security" "$file" && pass "inject: $file: no escape, link, mention, heading or tag" \
        || fail "inject: $file: no escape, link, mention, heading or tag" "$bad"
done
grep -q '^## Journey Journey \\\[2J (`j`)$' flow.md && pass "inject: flow md journey heading" || fail "inject: flow md journey heading" "$(grep -a '^## ' flow.md)"
# Bidirectional controls ("Trojan Source") and Unicode line separators are dropped from
# Markdown: a comment must read in the order it is written.
printf 'stage s "Stage" {\n  touchpoint t "Approve \\u{202E}daer\\u{2066}x\\u{2069} \\u{2028}line"\n}\n' > bidi.jrn
printf 'stage s "Stage" {\n  touchpoint t "Approve"\n}\n' > plain.jrn
"$JRNC" --no-prelude -f md bidi.jrn -o bidi.md
"$JRNC" diff --no-prelude --format md plain.jrn bidi.jrn > bidi-diff.md
for file in bidi.md bidi-diff.md; do
    bad=$(grep -naP '\x{202E}|\x{2066}|\x{2069}|\x{2028}' "$file")
    [ -z "$bad" ] && grep -q 'Approve daerx line' "$file" && pass "inject: $file: no bidirectional control" \
        || fail "inject: $file: no bidirectional control" "$bad" "$(grep -a Approve "$file" | cat -A)"
done
# A list or rule marker opening a description or quote stays text.
printf 'map m "M" { description: "- item\\n1. first\\n---" }\npersona p "P" { quote: "> quoted\\n- x" }\n' > markers.jrn
"$JRNC" -f md markers.jrn > markers.md
grep -qx '\\- item<br>1. first<br>---' markers.md && grep -qx '> &gt; quoted<br>- x' markers.md \
    && pass "inject: md description and quote open no list" || fail "inject: md description and quote open no list" "$(grep -a 'item\|quoted' markers.md)"

# Terminal: flow text, `use` paths, file names, CSV cells: escapes shown, never sent.
out=$("$JRNC" flow --no-prelude new.jrn 2>&1 | head -1)
[ "$out" = 'Journey j "Journey \u{1B}[2J" (entry: t)' ] && pass "inject: flow text shows a title's ESC escaped" \
    || fail "inject: flow text shows a title's ESC escaped" "$out"
printf 'use "\\u{1B}]52;c;aGk=\\u{7}x.jrn"\n' > osc.jrn
out=$("$JRNC" check osc.jrn 2>&1); status=$?
[ $status -eq 1 ] && [ "$(head -1 <<<"$out")" = "osc.jrn:1:5: error: cannot find '\\u{1B}]52;c;aGk=\\u{7}x.jrn'" ] && [[ "$out" != *$'\033'* ]] && [[ "$out" != *$'\a'* ]] \
    && pass "inject: a use path with OSC 52 is shown escaped" || fail "inject: a use path with OSC 52 is shown escaped" "exit $status" "$(cat -A <<<"$out")"
forged=$'evil\nfake.jrn:1:1: error: forged'
mkdir -p names && printf 'stage a "A"\nstage a "B"\n' > "names/$forged.jrn"
out=$("$JRNC" check "names/$forged.jrn" 2>&1); status=$?
[ $status -eq 1 ] && [ "$(head -1 <<<"$out")" = "names/evil\\nfake.jrn:1:1: error: forged.jrn:2:7: error: duplicate stage 'a'" ] \
    && ! grep -q '^fake.jrn' <<<"$out" && pass "inject: a file name with a newline forges no diagnostic line" \
    || fail "inject: a file name with a newline forges no diagnostic line" "exit $status" "$out"
out=$("$JRNC" lint "names/$forged.jrn" 2>&1)
! grep -q '^fake.jrn' <<<"$out" && pass "inject: lint: a file name forges no line" || fail "inject: lint: a file name forges no line" "$out"
out=$("$JRNC" fmt --check "names/$forged.jrn" 2>&1; "$JRNC" "names/$forged"$'\033[2J.jrn' 2>&1)
! grep -q '^fake.jrn' <<<"$out" && [[ "$out" != *$'\033'* ]] && pass "inject: fmt and missing-file errors escape names" || fail "inject: fmt and missing-file errors escape names" "$(cat -A <<<"$out")"
out=$("$JRNC" -o $'out\033[2J/x.dot' "$JRN_ROOT/examples/acme_post_sales.jrn" 2>&1)
[ "$out" = "jrnc: cannot write 'out\\u{1B}[2J/x.dot': No such file or directory" ] && pass "inject: a write error escapes the name" || fail "inject: a write error escapes the name" "$out"
out=$("$JRNC" check $'bad\xff\xe2\x80\xaename.jrn' 2>&1)
[ "$out" = "jrnc: error: cannot read 'bad\\xFF\\u{202E}name.jrn': No such file or directory" ] \
    && pass "inject: invalid UTF-8 and a bidi override in a name are shown escaped" \
    || fail "inject: invalid UTF-8 and a bidi override in a name are shown escaped" "$(cat -A <<<"$out")"
out=$("$JRNC" --no-such$'\033]0;title\a' 2>&1)
[ "$out" = "jrnc: unknown option '--no-such\u{1B}]0;title\u{7}' (see 'jrnc --help')" ] && pass "inject: usage errors" || fail "inject: usage errors" "$(cat -A <<<"$out")"
printf 'subject,metric,value,date\n\033[31mred,csat,4,2026-01-01\n' > esc.csv
out=$("$JRNC" -f json --data esc.csv "$JRN_ROOT/examples/acme_post_sales.jrn" 2>&1 >/dev/null)
[ "$(head -1 <<<"$out")" = "esc.csv:2:1: error: unknown subject '\\u{1B}[31mred': no touchpoint, stage or journey has this id" ] && [[ "$out" != *$'\033'* ]] \
    && pass "inject: a CSV cell quoted in a data error is escaped" || fail "inject: a CSV cell quoted in a data error is escaped" "$(cat -A <<<"$out")"

# CSV: formula cells get OWASP's leading ', numbers stay numbers.
cat > formula.jrn <<'JRN'
stage s "=HYPERLINK(\"http://evil.example\",\"x\")" {
  touchpoint a "+1 then" { emotion: -1  pain: "@SUM(A1)"  trigger: "-2+3" }
  touchpoint b "\tTab" { delight: "\u{D}CR"  truth: "=cmd|' /C calc'!A0" }
}
JRN
out=$("$JRNC" -f csv formula.jrn | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
for r in rows: print(r["stage"], r["touchpoint"], r["emotion"], r["pain_text"], r["trigger"], r["delight_text"], r["truth_text"], sep="|")')
expected="'=HYPERLINK(\"http://evil.example\",\"x\")|'+1 then|-1|'@SUM(A1)|'-2+3||
'=HYPERLINK(\"http://evil.example\",\"x\")|'	Tab||||'"$'\r'"CR|'=cmd|' /C calc'!A0"
[ "$out" = "$expected" ] && pass "inject: csv formula cells are neutralised" || fail "inject: csv formula cells are neutralised" "$(diff <(printf '%s\n' "$expected") <(printf '%s\n' "$out"))"
cd .. || exit 1
