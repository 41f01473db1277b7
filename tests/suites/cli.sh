#!/usr/bin/env bash
# The command line: exit statuses, stdin, include folders, JRN_PATH, colour, help.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
example="$JRN_ROOT/examples/acme_post_sales.jrn"

expect_exit "missing file exits 2" 2 "$JRNC" check no-such-file.jrn
out=$("$JRNC" check no-such-file.jrn 2>&1)
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [[ "$out" == *"cannot read 'no-such-file.jrn'"* ]] \
    && pass "missing file: one line naming it" || fail "missing file: one line naming it" "$out"
expect_exit "unknown option exits 2" 2 "$JRNC" check --frobnicate "$example"
expect_exit "no input file exits 2" 2 "$JRNC" check
expect_exit "folder as input exits 2" 2 "$JRNC" check "$JRN_ROOT/examples"
expect_exit "worst status of several files" 1 "$JRNC" check "$example" "$JRN_ROOT/tests/check/errors/duplicate.jrn"
expect_exit "check --help" 0 "$JRNC" check --help
expect_exit "jrnc --help" 0 "$JRNC" --help
version=$("$JRNC" --version)
[[ "$version" =~ ^jrnc\ [0-9]+\.[0-9]+\.[0-9]+$ ]] && pass "--version" || fail "--version" "$version"
[ -f "$("$JRNC" --print-stdlib-dir)/std/prelude.jrn" ] && pass "--print-stdlib-dir holds the prelude" \
    || fail "--print-stdlib-dir holds the prelude" "$("$JRNC" --print-stdlib-dir)"

# What is printed and exits 0 must have been written: a full disk is exit 2 and one line.
if [ -w /dev/full ]; then
    for arguments in "--help" "--version" "--print-stdlib-dir" "check --help" "lint --help" \
                     "lint --list-rules" "lint --explain empty-stage" "fmt -h" "diff --help" "flow --help"; do
        out=$("$JRNC" $arguments 2>&1 >/dev/full); status=$?
        [ $status -eq 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] \
            && [[ "$out" == *"cannot write 'standard output': No space left on device" ]] \
            && pass "jrnc $arguments > /dev/full: exit 2, one line" \
            || fail "jrnc $arguments > /dev/full: exit 2, one line" "exit $status" "$out"
    done
else
    skip "jrnc --help > /dev/full: exit 2" "no writable /dev/full"
fi

# Options: one parser for every command. Values apart or after '=', short values
# attached; options after the files; '--' ends them; long options spelt out.
expect_exit "--include DIR" 2 "$JRNC" check --include "$JRN_ROOT/no-such-folder" no-such-file.jrn
expect_exit_output "options after the file" 1 "unknown channel" "$JRNC" check "$example" --no-prelude
expect_exit_output "-- ends the options" 2 "cannot read '--no-prelude'" "$JRNC" check -- --no-prelude
expect_exit_output "- after -- is still standard input" 0 "" sh -c "\"$JRNC\" check -- - < \"$example\""
expect_exit_output "a misspelt long option: did you mean" 2 \
    "^jrnc check: unknown option '--no-prelud'; did you mean '--no-prelude'? (see 'jrnc check --help')$" \
    "$JRNC" check --no-prelud "$example"
expect_exit_output "an abbreviated long option is not taken" 2 "unknown option '--form'; did you mean '--format'?" \
    "$JRNC" --form json "$example"
expect_exit_output "a value given to an option that takes none" 2 "option '--no-prelude' takes no value" \
    "$JRNC" check --no-prelude=yes "$example"
expect_exit_output "a missing value names it (short)" 2 "^jrnc: option '-o' needs a file name (see 'jrnc --help')$" \
    "$JRNC" "$example" -o
expect_exit_output "a missing value names it (long)" 2 "^jrnc flow: option '--journey' needs a journey id" \
    "$JRNC" flow "$example" --journey
expect_exit_output "an option of another command" 2 "^jrnc check: unknown option '-f'" "$JRNC" check -f json "$example"
expect_exit_output "fmt takes no -I" 2 "^jrnc fmt: unknown option '-Iinc'" "$JRNC" fmt -Iinc "$example"
expect_exit_output "--color takes a value" 2 "^jrnc check: option '--color' needs auto, always or never" \
    "$JRNC" check "$example" --color
out=$("$JRNC" -f json "$example") && [ "$("$JRNC" --format=json "$example")" = "$out" ] \
    && [ "$("$JRNC" --format json "$example")" = "$out" ] && [ "$("$JRNC" "$example" -fjson)" = "$out" ] \
    && pass "-f json, --format=json, --format json, -fjson" || fail "-f json, --format=json, --format json, -fjson"
[ "$("$JRNC" --version --no-such-option)" = "$("$JRNC" --version)" ] \
    && pass "--version acts where it stands" || fail "--version acts where it stands"

# Standard input, with a relative use resolved from the current folder.
expect_exit "stdin with -" 0 sh -c "\"$JRNC\" check - < \"$example\""
out=$(printf 'team a "A"\nteam a "B"\n' | "$JRNC" check - 2>&1)
[[ "$out" == "<stdin>:2:6: error: duplicate team 'a'"* ]] && pass "stdin errors are located as <stdin>" \
    || fail "stdin errors are located as <stdin>" "$out"

# -I and JRN_PATH: where 'use' looks after the importing file's folder.
mkdir -p inc path && printf 'team shared "Shared"\n' > inc/shared.jrn && printf 'team other "Other"\n' > path/other.jrn
printf 'use "shared"\nstage s "S" { owner: shared }\n' > uses-shared.jrn
printf 'use "other"\nstage s "S" { owner: other }\n' > uses-other.jrn
expect_exit "use without -I fails" 1 "$JRNC" check uses-shared.jrn
expect_exit "use finds -I DIR" 0 "$JRNC" check -I inc uses-shared.jrn
expect_exit "use finds -IDIR" 0 "$JRNC" check -Iinc uses-shared.jrn
expect_exit "use finds JRN_PATH" 0 env JRN_PATH="/nonexistent:$TMP_DIR/path" "$JRNC" check uses-other.jrn
expect_exit "--no-prelude drops the prelude" 1 "$JRNC" check --no-prelude "$example"

# Colour: never with NO_COLOR or off a terminal; on with --color=always.
out=$("$JRNC" check "$JRN_ROOT/tests/check/errors/duplicate.jrn" 2>&1)
[[ "$out" != *$'\033'* ]] && pass "no colour off a terminal" || fail "no colour off a terminal" "$out"
out=$("$JRNC" check --color=always "$JRN_ROOT/tests/check/errors/duplicate.jrn" 2>&1)
[[ "$out" == *$'\033['* ]] && pass "--color=always colours" || fail "--color=always colours" "$out"
if have script; then
    out=$(NO_COLOR=1 script -qec "\"$JRNC\" check \"$JRN_ROOT/tests/check/errors/duplicate.jrn\"" /dev/null 2>&1)
    [[ "$out" != *$'\033['* ]] && pass "NO_COLOR on a terminal" || fail "NO_COLOR on a terminal" "$out"
    out=$(env -u NO_COLOR script -qec "\"$JRNC\" check \"$JRN_ROOT/tests/check/errors/duplicate.jrn\"" /dev/null 2>&1)
    [[ "$out" == *$'\033['* ]] && pass "colour on a terminal" || fail "colour on a terminal" "$out"
else
    skip "colour on a terminal" "script(1) is missing"
fi

# Errors past the limit are counted, not printed.
python3 - > many-errors.jrn <<'PY'
for i in range(2000):
    print(f'team t{i % 7} "T"')
PY
out=$("$JRNC" check many-errors.jrn 2>&1); status=$?
errors=$(printf '%s\n' "$out" | grep -c ': error: ')
[ "$status" -eq 1 ] && [ "$errors" -eq 50 ] && [[ "$out" == *"too many errors: 1943 more not shown (limit is 50)"* ]] \
    && pass "error cap" || fail "error cap" "status $status, $errors errors" "$(printf '%s\n' "$out" | tail -2)"
