#!/usr/bin/env bash
# What jrnc reads and how it reads it: each file once (by device and inode, whatever name
# reaches it), and texts that would show a reviewer something other than what jrnc reads
# (a CR inside a comment, bidirectional controls) or that no journey needs (a duration of
# millennia), reported where they stand.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1

# A used file reached under two names (a hard link, a symbolic link, ./x) is loaded once.
mkdir -p lib
printf 'stage shared "Shared"\n' > lib/common.jrn
ln -f lib/common.jrn lib/hard.jrn
ln -sf common.jrn lib/soft.jrn
printf 'use "lib/common"\nuse "lib/hard"\nuse "lib/soft"\nuse "./lib/common.jrn"\nstage own "Own"\n' > linked.jrn
expect_exit "a used file under four names is loaded once" 0 "$JRNC" check linked.jrn
out=$("$JRNC" -f json linked.jrn | grep -c '"id": "shared"')
if [ "$out" -eq 1 ]; then pass "a used file under four names declares its stage once"
else fail "a used file under four names declares its stage once" "stage listed $out times"; fi

# A map that uses itself through a hard link is a cycle, not a second file.
printf 'use "self_link"\nstage s "S"\n' > self.jrn
ln -f self.jrn self_link.jrn
expect_exit_output "a file using itself under another name is a cycle" 1 "file uses itself" "$JRNC" check self.jrn

# --use-root and JRN_USE_ROOTS confine `use` to folders, by real path: "..", an absolute
# path, a symbolic link out of a root and a sibling folder whose name starts like the
# root's are refused at the use (exit 1) and never read; the standard library stays usable.
mkdir -p confine/repo/lib confine/repo2 confine/outside
printf 'stage c "C"\n' > confine/repo/lib/c.jrn
printf 'SECRET-OUTSIDE one\nSECRET-OUTSIDE two\n' > confine/outside/key.jrn
printf 'stage near "Near"\n' > confine/repo2/near.jrn
ln -sf ../../outside/key.jrn confine/repo/lib/escape.jrn
ln -sf c.jrn confine/repo/lib/inside.jrn
printf 'use "lib/c"\nuse "lib/inside"\nuse "std/spines/b2b"\nstage s "S"\n' > confine/repo/good.jrn
expect_exit "use-root: files under the root and the standard library are used" 0 \
    "$JRNC" check --use-root confine/repo confine/repo/good.jrn
n=0
for target in "../outside/key" "lib/escape" "$PWD/confine/outside/key.jrn" "../repo2/near" "lib/../../outside/key"; do
    n=$((n + 1))
    printf 'stage s "S"\nuse "%s"\n' "$target" > "confine/repo/bad$n.jrn"
    out=$("$JRNC" check --use-root confine/repo "confine/repo/bad$n.jrn" 2>&1); status=$?
    if [ "$status" -eq 1 ] && grep -q "^confine/repo/bad$n.jrn:2:5: error: cannot use '.*': it is outside the folders maps may use" <<<"$out" &&
       ! grep -q SECRET-OUTSIDE <<<"$out" && [ "$(grep -c ': error: ' <<<"$out")" -eq 1 ]; then
        pass "use-root: use \"$target\" is refused at the use, unread"
    else
        fail "use-root: use \"$target\" is refused at the use, unread" "exit $status" "$out"
    fi
done
out=$(JRN_USE_ROOTS="$PWD/confine/repo" "$JRNC" -f json confine/repo/bad1.jrn 2>&1 >/dev/null); status=$?
if [ "$status" -eq 1 ] && grep -q "bad1.jrn:2:5: error: cannot use '../outside/key'" <<<"$out" && grep -q "real path is $PWD/confine/outside/key.jrn" <<<"$out"; then
    pass "use-root: JRN_USE_ROOTS confines the default command, and the note names the real path"
else
    fail "use-root: JRN_USE_ROOTS confines the default command, and the note names the real path" "exit $status" "$out"
fi
for command in lint flow; do
    expect_exit_output "use-root: $command is confined too" 1 "outside the folders maps may use" \
        env JRN_USE_ROOTS=confine/repo "$JRNC" $command confine/repo/bad2.jrn
done
# diff, like diff(1), exits 2 when a map it compares has errors.
expect_exit_output "use-root: diff is confined too" 2 "bad2.jrn:2:5: error: cannot use 'lib/escape'" \
    env JRN_USE_ROOTS=confine/repo "$JRNC" diff confine/repo/good.jrn confine/repo/bad2.jrn
expect_exit "use-root: JRN_USE_ROOTS is a colon list" 0 \
    env JRN_USE_ROOTS="confine/repo2::confine/outside:confine/repo" "$JRNC" check --no-prelude confine/repo/bad4.jrn
expect_exit "use-root: the command line adds to JRN_USE_ROOTS" 0 \
    env JRN_USE_ROOTS=confine/repo "$JRNC" check --use-root confine/repo2 confine/repo/bad4.jrn
expect_exit "use-root: / allows every file" 0 "$JRNC" check --use-root / confine/repo/bad4.jrn
expect_exit "use-root: without a root, use reads anywhere" 0 "$JRNC" check confine/repo/bad4.jrn
expect_exit_output "use-root: a missing folder is a usage error" 2 \
    "jrnc check: --use-root: cannot use 'confine/none' as a root: No such file or directory" \
    "$JRNC" check --use-root confine/none confine/repo/good.jrn
expect_exit_output "use-root: a file is no root" 2 "'confine/repo/good.jrn' is not a folder" \
    "$JRNC" check --use-root confine/repo/good.jrn confine/repo/good.jrn
expect_exit_output "use-root: a JRN_USE_ROOTS folder that is missing is a usage error" 2 "JRN_USE_ROOTS: cannot use 'confine/none'" \
    env JRN_USE_ROOTS=confine/repo:confine/none "$JRNC" lint confine/repo/good.jrn
expect_exit_output "use-root: a JRN_USE_ROOTS naming no folder is an error, not no confinement" 2 "JRN_USE_ROOTS names no folder" \
    env JRN_USE_ROOTS="::" "$JRNC" check confine/repo/bad1.jrn

# A used file that is no map: its first error alone is quoted, never the rest of it.
printf 'SECRET-LINE-ONE is here\nSECRET-LINE-TWO must not show\nSECRET-LINE-THREE neither\n' > secret.txt
printf 'use "secret.txt"\nstage s "S"\n' > uses_secret.jrn
out=$("$JRNC" check uses_secret.jrn 2>&1); status=$?
errors=$(grep -c ": error: " <<<"$out")
if [ "$status" -eq 1 ] && [ "$errors" -eq 1 ] && ! grep -q "SECRET-LINE-TWO\|SECRET-LINE-THREE" <<<"$out" &&
   grep -q "more errors in 'secret.txt' are not shown" <<<"$out"; then
    pass "a used file that does not parse shows its first error's line only"
else
    fail "a used file that does not parse shows its first error's line only" "exit $status, $errors errors" "$out"
fi

# A lone CR in a comment: what follows looks like code in many editors.
printf '# first\rstage hidden "Hidden"\nstage shown "Shown"\n' > cr.jrn
expect_exit_output "a CR inside a comment is a warning at the CR" 0 \
    "cr.jrn:1:8: warning: a carriage return (CR) inside a comment" "$JRNC" check cr.jrn
printf '# a comment\r\nstage s "S"\r\n' > crlf.jrn
out=$("$JRNC" check crlf.jrn 2>&1); status=$?
if [ "$status" -eq 0 ] && [ -z "$out" ]; then pass "a CRLF line end after a comment is no warning"
else fail "a CRLF line end after a comment is no warning" "exit $status" "$out"; fi

# Trojan Source: bidirectional controls in comments, strings and text blocks.
printf '# ok \xe2\x80\xae reversed\nstage s "S" { goal: "a \xe2\x81\xa6 b" }\nstage t "T" { goal: """\n  x \xe2\x80\xab y\n  """ }\n' > bidi.jrn
out=$("$JRNC" check bidi.jrn 2>&1); status=$?
for want in "bidi.jrn:1:6: warning: bidirectional control character U+202E in a comment" \
            "bidi.jrn:2:24: warning: bidirectional control character U+2066 in a string" \
            "bidi.jrn:4:5: warning: bidirectional control character U+202B in a text block"; do
    if [ "$status" -eq 0 ] && grep -qF "$want" <<<"$out"; then pass "bidi: ${want#*warning: }"
    else fail "bidi: ${want#*warning: }" "exit $status" "$out"; fi
done

# Durations are bounded: a thousand years.
printf 'stage s "S" { touchpoint a "A" { channel: web } touchpoint b "B" { channel: web } }\njourney j "J" { a -> b [after: 1001y] }\n' > long.jrn
expect_exit_output "a duration over 1,000 years is an error at it" 1 \
    "long.jrn:2:32: error: duration '1001y' too long (limit is 1000 years)" "$JRNC" check long.jrn
digits=$(printf '9%.0s' $(seq 1 308))
printf 'stage s "S" { touchpoint a "A" { channel: web } touchpoint b "B" { channel: web } }\njourney j "J" { a -> b [after: %sy] }\n' "$digits" > huge.jrn
expect_exit_output "a 308-digit duration is an error, not infinity" 1 "error: " "$JRNC" check huge.jrn
printf 'stage s "S" { touchpoint a "A" { channel: web } touchpoint b "B" { channel: web } }\njourney j "J" { a -> b [after: 1000y] }\n' > limit.jrn
expect_exit "a duration of exactly 1,000 years is accepted" 0 "$JRNC" check limit.jrn

# A repeated x_ key keeps the order written, on hops as on elements.
printf 'stage s "S" { touchpoint a "A" { channel: web  x_k: "1"  x_k: "2" } touchpoint b "B" { channel: web } }\njourney j "J" { a -> b [x_k: "one", x_k: "two"] }\n' > order.jrn
json=$("$JRNC" -f json order.jrn)
if grep -q '"x_k": \["one", "two"\]' <<<"$json" && grep -q '"x_k": \["1", "2"\]' <<<"$json"; then
    pass "x_ keys keep their order on hops and touchpoints"
else
    fail "x_ keys keep their order on hops and touchpoints" "$(grep x_k <<<"$json")"
fi
exit 0
