#!/usr/bin/env bash
# seconds: 40
# sanitizer seconds: 175
# jrnc fmt: golden layouts (tests/fmt/cases/NAME.jrn beside NAME.expected); on every .jrn
# of the repository: idempotence, comments kept in order, and the same meaning (jrnc diff
# finds no change; -f json equal without locations); comments scattered at random;
# --check, --diff, in-place rewriting, files with errors left untouched, usage.
# UPDATE=1 rewrites the .expected files from the current output (review the diff!).
source "$JRN_ROOT/tests/lib.sh"
fmt_dir="$JRN_ROOT/tests/fmt"
comments() { python3 "$fmt_dir/comments.py" "$@"; }
checksum() { cksum < "$1"; }

# --- golden layouts -------------------------------------------------------------------
for input in "$fmt_dir"/cases/*.jrn; do
    name="golden: $(basename "$input" .jrn)"
    expected="${input%.jrn}.expected"
    "$JRNC" fmt - < "$input" > "$TMP_DIR/out" 2> "$TMP_DIR/err"; status=$?
    if [ "${UPDATE:-}" = 1 ]; then cp "$TMP_DIR/out" "$expected"; fi
    if [ "$status" -ne 0 ]; then fail "$name" "exit $status" "$(cat "$TMP_DIR/err")"
    elif ! cmp -s "$TMP_DIR/out" "$expected"; then fail "$name" "$(diff "$expected" "$TMP_DIR/out")"
    elif ! "$JRNC" fmt - < "$expected" | cmp -s - "$expected"; then fail "$name" "the expected layout is not a fixed point"
    else pass "$name"; fi
done

# --- every .jrn of the repository -------------------------------------------------------
# The compile options a file checks clean with (the no-prelude case needs its flag), or
# nothing when it does not check clean.
check_options() {
    if "$JRNC" check "$1" >/dev/null 2>&1; then echo "ok"
    elif "$JRNC" check --no-prelude "$1" >/dev/null 2>&1; then echo "ok --no-prelude"
    fi
}
have_json=false
if "$JRNC" -f json "$JRN_ROOT/examples/acme_post_sales.jrn" >/dev/null 2>&1; then have_json=true; fi

formatted_count=0 meaning_count=0
mkdir -p "$TMP_DIR/formatted" "$TMP_DIR/json"
: > "$TMP_DIR/comment-pairs"; : > "$TMP_DIR/json-pairs"
while IFS= read -r file; do
    rel=${file#"$JRN_ROOT"/}
    once="$TMP_DIR/formatted/$formatted_count.jrn"
    "$JRNC" fmt - < "$file" > "$once" 2>/dev/null; status=$?
    if [ "$status" -eq 1 ]; then continue; fi    # syntax errors: fmt refuses, tested below
    formatted_count=$((formatted_count + 1))
    if [ "$status" -ne 0 ]; then fail "idempotent: $rel" "exit $status"; continue; fi
    "$JRNC" fmt - < "$once" > "$TMP_DIR/twice" 2>&1
    if cmp -s "$once" "$TMP_DIR/twice"; then pass "idempotent: $rel"
    else fail "idempotent: $rel" "$(diff "$once" "$TMP_DIR/twice" | head -20)"; fi
    printf '%s\t%s\t%s\n' "$file" "$once" "$rel" >> "$TMP_DIR/comment-pairs"
    options=$(check_options "$file")
    [ -n "$options" ] || continue
    meaning_count=$((meaning_count + 1))
    read -r _ flag <<< "$options"
    # The formatted text comes on standard input and finds its "use"s in the original's folder.
    # Warnings about the text (a CR in a comment) are the map's, not a change of meaning.
    out=$(cd "$(dirname "$file")" && "$JRNC" diff $flag "$file" - < "$once" 2>&1); status=$?
    out=$(grep -v ": warning: \|^ *[0-9]* | \|^ *| " <<<"$out")
    if [ "$status" -eq 0 ] && [ -z "$out" ]; then pass "same meaning (diff): $rel"
    else fail "same meaning (diff): $rel" "exit $status" "$out"; fi
    if $have_json; then
        json="$TMP_DIR/json/$meaning_count"
        (cd "$(dirname "$file")" && "$JRNC" -f json $flag "$file" > "$json.a" 2>/dev/null &&
            "$JRNC" -f json $flag - < "$once" > "$json.b" 2>/dev/null)
        printf '%s\t%s\t%s\n' "$json.a" "$json.b" "$rel" >> "$TMP_DIR/json-pairs"
    fi
done < <(find "$JRN_ROOT/examples" "$JRN_ROOT/tests" "$JRN_ROOT/stdlib" -name '*.jrn' | sort)
comments compare < "$TMP_DIR/comment-pairs"
if $have_json; then python3 "$fmt_dir/json_meaning.py" < "$TMP_DIR/json-pairs"
else skip "same meaning (json)" "jrnc -f json is not built yet; jrnc diff checks the meaning"; fi
# Guards: a broken find or a fmt that refuses everything must not look green.
if [ "$formatted_count" -ge 20 ] && [ "$meaning_count" -ge 10 ]; then pass "repository files found ($formatted_count formatted, $meaning_count compiled)"
else fail "repository files found" "only $formatted_count formatted and $meaning_count compiled"; fi

# --- lint suppressions keep covering what they covered -------------------------------------
# "# jrnc: disable=RULE" covers the line it ends (or the next line with code): formatting
# keeps comments on the lines of the code they follow, so the findings stay the same.
# The findings without their places: severity, rule and message lines of the JSON report.
findings() { grep -E '^ *"(severity|rule|message)"'; }
lint_count=0
for file in "$JRN_ROOT"/tests/lint/cases/*.jrn; do
    [ -f "$file" ] || continue
    rel=${file#"$JRN_ROOT"/}
    dir=$(dirname "$file")
    before=$(cd "$dir" && "$JRNC" lint --format json --today 2026-11-23 - < "$file" 2>/dev/null | findings) || continue
    "$JRNC" fmt - < "$file" > "$TMP_DIR/once" 2>/dev/null || continue
    lint_count=$((lint_count + 1))
    after=$(cd "$dir" && "$JRNC" lint --format json --today 2026-11-23 - < "$TMP_DIR/once" 2>/dev/null | findings)
    if [ "$before" = "$after" ]; then pass "same lint findings: $rel"
    else fail "same lint findings: $rel" "$(diff <(printf '%s\n' "$before") <(printf '%s\n' "$after"))"; fi
done
if [ -d "$JRN_ROOT/tests/lint/cases" ] && [ "$lint_count" -lt 10 ]; then fail "lint cases found" "only $lint_count"; fi

# --- comments scattered at random --------------------------------------------------------
# Into the examples and a few maps rich in chains, hop brackets and blocks: every variant
# formats, is a fixed point, keeps its comments in order and (when it compiles) its meaning.
: > "$TMP_DIR/scatter-pairs"
for source in "$JRN_ROOT"/examples/*.jrn "$JRN_ROOT/tests/diff/base.jrn" \
              "$fmt_dir/cases/comments.jrn" "$fmt_dir/cases/strings.jrn" "$fmt_dir/cases/layout.jrn"; do
    base=$(basename "$source" .jrn)
    comments scatter "$source" "$TMP_DIR/scatter/$base" 12 "${#base}"
    compiles=false
    "$JRNC" check "$source" >/dev/null 2>&1 && compiles=true
    problems=()
    for variant in "$TMP_DIR/scatter/$base"/*.jrn; do
        label=$(basename "$variant")
        if ! "$JRNC" fmt - < "$variant" > "$TMP_DIR/once" 2> "$TMP_DIR/err"; then
            problems+=("$label: fmt failed: $(cat "$TMP_DIR/err")"); continue
        fi
        "$JRNC" fmt - < "$TMP_DIR/once" | cmp -s - "$TMP_DIR/once" || problems+=("$label: not idempotent")
        cp "$TMP_DIR/once" "$variant.formatted"
        printf '%s\t%s\t%s\n' "$variant" "$variant.formatted" "scattered $base/$label" >> "$TMP_DIR/scatter-pairs"
        if $compiles; then
            out=$("$JRNC" diff "$variant" - < "$TMP_DIR/once" 2>&1) && [ -z "$out" ] || problems+=("$label: meaning changed: $out")
        fi
    done
    if [ ${#problems[@]} -eq 0 ]; then pass "scattered comments: $base"; else fail "scattered comments: $base" "${problems[@]}"; fi
done
comments compare < "$TMP_DIR/scatter-pairs"

# --- --check ------------------------------------------------------------------------------
cases="$fmt_dir/cases"
cp "$cases/layout.jrn" "$TMP_DIR/messy.jrn"
cp "$cases/layout.expected" "$TMP_DIR/tidy.jrn"
before=$(checksum "$TMP_DIR/messy.jrn")
out=$("$JRNC" fmt --check "$TMP_DIR/tidy.jrn" 2>&1); status=$?
if [ "$status" -eq 0 ] && [ -z "$out" ]; then pass "--check: a formatted file passes quietly"
else fail "--check: a formatted file passes quietly" "exit $status" "$out"; fi
out=$(cd "$TMP_DIR" && "$JRNC" fmt --check tidy.jrn messy.jrn 2>&1); status=$?
if [ "$status" -eq 1 ] && [ "$out" = "messy.jrn" ] && [ "$(checksum "$TMP_DIR/messy.jrn")" = "$before" ]; then
    pass "--check: lists only the unformatted file, exit 1, changes nothing"
else
    fail "--check: lists only the unformatted file, exit 1, changes nothing" "exit $status" "$out"
fi
out=$("$JRNC" fmt --check - < "$cases/layout.jrn" 2>&1); status=$?
if [ "$status" -eq 1 ] && [ "$out" = "<stdin>" ]; then pass "--check: standard input"; else fail "--check: standard input" "exit $status" "$out"; fi
printf '\xef\xbb\xbfteam a "A"\n' > "$TMP_DIR/bom.jrn"
out=$("$JRNC" fmt --check "$TMP_DIR/bom.jrn" 2>&1); status=$?
if [ "$status" -eq 1 ]; then pass "--check: a byte-order mark is unformatted"; else fail "--check: a byte-order mark is unformatted" "exit $status" "$out"; fi

# --- --diff -------------------------------------------------------------------------------
cp "$fmt_dir/diff/input.jrn" "$TMP_DIR/input.jrn"
before=$(checksum "$TMP_DIR/input.jrn")
(cd "$TMP_DIR" && "$JRNC" fmt --diff input.jrn) > "$TMP_DIR/out.diff" 2>&1; status=$?
if [ "${UPDATE:-}" = 1 ]; then cp "$TMP_DIR/out.diff" "$fmt_dir/diff/input.diff"; fi
if [ "$status" -eq 0 ] && cmp -s "$TMP_DIR/out.diff" "$fmt_dir/diff/input.diff" && [ "$(checksum "$TMP_DIR/input.jrn")" = "$before" ]; then
    pass "--diff: the expected unified diff, file untouched, exit 0"
else
    fail "--diff: the expected unified diff, file untouched, exit 0" "exit $status" "$(diff "$fmt_dir/diff/input.diff" "$TMP_DIR/out.diff")"
fi
if have patch; then
    (cd "$TMP_DIR" && patch -s -p0 < out.diff) >/dev/null 2>&1
    if "$JRNC" fmt - < "$fmt_dir/diff/input.jrn" | cmp -s - "$TMP_DIR/input.jrn"; then pass "--diff: applies with patch -p0"
    else fail "--diff: applies with patch -p0" "$(diff <("$JRNC" fmt - < "$fmt_dir/diff/input.jrn") "$TMP_DIR/input.jrn")"; fi
else
    skip "--diff: applies with patch -p0" "patch is not installed"
fi
out=$("$JRNC" fmt --diff "$TMP_DIR/tidy.jrn" 2>&1); status=$?
if [ "$status" -eq 0 ] && [ -z "$out" ]; then pass "--diff: nothing for a formatted file"; else fail "--diff: nothing for a formatted file" "exit $status" "$out"; fi
"$JRNC" fmt --check --diff "$TMP_DIR/messy.jrn" > "$TMP_DIR/out" 2>&1; status=$?
if [ "$status" -eq 1 ] && grep -q '^@@ ' "$TMP_DIR/out"; then pass "--check --diff: the diff and exit 1"; else fail "--check --diff: the diff and exit 1" "exit $status"; fi

# --- in place -----------------------------------------------------------------------------
cp "$cases/layout.jrn" "$TMP_DIR/inplace.jrn"
chmod 640 "$TMP_DIR/inplace.jrn"
out=$("$JRNC" fmt "$TMP_DIR/inplace.jrn" 2>&1); status=$?
mode=$(stat -c %a "$TMP_DIR/inplace.jrn")
leftovers=$(find "$TMP_DIR" -maxdepth 1 -name '*.tmp*')
if [ "$status" -eq 0 ] && [ -z "$out" ] && cmp -s "$TMP_DIR/inplace.jrn" "$cases/layout.expected" && [ "$mode" = 640 ] && [ -z "$leftovers" ]; then
    pass "in place: rewritten, permissions kept, no temporary file left"
else
    fail "in place: rewritten, permissions kept, no temporary file left" "exit $status, mode $mode" "$out" "$leftovers"
fi
touch -d '2001-01-01 00:00' "$TMP_DIR/tidy.jrn"
"$JRNC" fmt "$TMP_DIR/tidy.jrn"; status=$?
if [ "$status" -eq 0 ] && [ "$(stat -c %Y "$TMP_DIR/tidy.jrn")" = "$(date -d '2001-01-01 00:00' +%s)" ]; then
    pass "in place: a formatted file is not written"
else
    fail "in place: a formatted file is not written" "exit $status"
fi
cp "$cases/layout.jrn" "$TMP_DIR/target.jrn"
ln -sf target.jrn "$TMP_DIR/link.jrn"
"$JRNC" fmt "$TMP_DIR/link.jrn"; status=$?
if [ "$status" -eq 0 ] && [ -L "$TMP_DIR/link.jrn" ] && cmp -s "$TMP_DIR/target.jrn" "$cases/layout.expected"; then
    pass "in place: a symbolic link stays a link, its target is rewritten"
else
    fail "in place: a symbolic link stays a link, its target is rewritten" "exit $status"
fi
out=$("$JRNC" fmt - < "$cases/layout.jrn" 2>/dev/null)
if [ "$out" = "$(cat "$cases/layout.expected")" ]; then pass "stdin to stdout"; else fail "stdin to stdout" "$out"; fi

# --- files with errors are never rewritten ------------------------------------------------
for broken in syntax-errors invalid-escape bad-date unterminated-text-block; do
    cp "$JRN_ROOT/tests/check/errors/$broken.jrn" "$TMP_DIR/$broken.jrn"
    before=$(checksum "$TMP_DIR/$broken.jrn")
    out=$(cd "$TMP_DIR" && "$JRNC" fmt "$broken.jrn" 2>&1 >/dev/null); status=$?
    stdout=$(cd "$TMP_DIR" && "$JRNC" fmt - < "$broken.jrn" 2>/dev/null)
    if [ "$status" -eq 1 ] && [ "$(checksum "$TMP_DIR/$broken.jrn")" = "$before" ] && [ -z "$stdout" ] &&
       printf '%s\n' "$out" | grep -qE "^$broken\.jrn:[0-9]+:[0-9]+: error: "; then
        pass "errors: $broken is reported and left untouched"
    else
        fail "errors: $broken is reported and left untouched" "exit $status" "$out" "$stdout"
    fi
done
cp "$cases/layout.jrn" "$TMP_DIR/fixable.jrn"
cp "$JRN_ROOT/tests/check/errors/syntax-errors.jrn" "$TMP_DIR/broken.jrn"
before=$(checksum "$TMP_DIR/broken.jrn")
"$JRNC" fmt "$TMP_DIR/broken.jrn" "$TMP_DIR/fixable.jrn" 2>/dev/null; status=$?
if [ "$status" -eq 1 ] && [ "$(checksum "$TMP_DIR/broken.jrn")" = "$before" ] && cmp -s "$TMP_DIR/fixable.jrn" "$cases/layout.expected"; then
    pass "errors: the other files are still formatted, exit 1"
else
    fail "errors: the other files are still formatted, exit 1" "exit $status"
fi
printf 'team a "A"\ntouchpoint t "T" { channel: nowhere }\n' > "$TMP_DIR/unresolved.jrn"
out=$("$JRNC" fmt --check "$TMP_DIR/unresolved.jrn" 2>&1); status=$?
if [ "$status" -eq 0 ]; then pass "errors: names are not resolved (an unknown channel is formatted)"
else fail "errors: names are not resolved (an unknown channel is formatted)" "exit $status" "$out"; fi

# --- usage --------------------------------------------------------------------------------
# usage_case NAME STATUS PATTERN ARGUMENT...: jrnc fmt ARGUMENT... with nothing on stdin.
usage_case() { expect_exit_output "usage: $1" "$2" "$3" "$JRNC" fmt "${@:4}" < /dev/null; }
usage_case "no file" 2 "no input file"
usage_case "unknown option" 2 "unknown option '--frobnicate'" --frobnicate x.jrn
usage_case "missing file" 2 "cannot read" "$TMP_DIR/missing.jrn"
usage_case "a folder" 2 "cannot read" "$TMP_DIR"
usage_case "help" 0 "Usage: jrnc fmt" --help
if "$JRNC" --help | grep -q '^  fmt ' && "$JRNC" --help | grep -q '^  diff '; then pass "usage: jrnc --help lists fmt and diff"
else fail "usage: jrnc --help lists fmt and diff"; fi

# --- big and deep input -------------------------------------------------------------------
python3 - "$TMP_DIR/big.jrn" <<'EOF'
import sys
with open(sys.argv[1], 'w') as out:
    out.write('stage s "S" {\n')
    for i in range(20000):
        out.write('  touchpoint t%d "T %d" { channel: web }   # c%d\n' % (i, i, i))
    out.write('}\njourney j {\n  ' + ' -> '.join('t%d' % i for i in range(20000)) + '\n}\n')
    out.write(''.join('stage n%d {\n' % i for i in range(60)) + '}\n' * 60)
EOF
if timeout 20 "$JRNC" fmt - < "$TMP_DIR/big.jrn" > "$TMP_DIR/big.out" 2>&1 &&
   timeout 20 "$JRNC" fmt - < "$TMP_DIR/big.out" | cmp -s - "$TMP_DIR/big.out"; then
    pass "big input: 20,000 touchpoints, a 20,000-step chain, 60 nested blocks"
else
    fail "big input: 20,000 touchpoints, a 20,000-step chain, 60 nested blocks" "$(head -5 "$TMP_DIR/big.out")"
fi

# --- the documentation's examples are formatted -------------------------------------------
# Blocks inside list items are indented: drop the fence's indentation from their lines.
awk 'match($0, /^ *```jrn$/){n++; indent=RLENGTH-6; inside=1; next} /^ *```/{inside=0}
     inside{print substr($0, indent+1) > (dir "/doc-" n ".jrn")}' \
    dir="$TMP_DIR" "$JRN_ROOT/docs/formatting.md"
problems=()
for example in "$TMP_DIR"/doc-*.jrn; do
    "$JRNC" check "$example" >/dev/null 2>&1 || problems+=("$(basename "$example") does not check")
    "$JRNC" fmt --check "$example" >/dev/null 2>&1 || problems+=("$(basename "$example") is not formatted")
done
if [ ${#problems[@]} -eq 0 ] && ls "$TMP_DIR"/doc-*.jrn >/dev/null 2>&1; then pass "docs/formatting.md: examples check and are formatted"
else fail "docs/formatting.md: examples check and are formatted" "${problems[@]}"; fi
