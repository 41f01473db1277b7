#!/usr/bin/env bash
# jrnc diff: one case per kind of change (tests/diff/cases/NAME/new.jrn against
# tests/diff/base.jrn, or the case's own old.jrn; expected text in expected.txt, Markdown in
# expected.md when present); JSON parsed by python3; formatting-only changes print nothing;
# standard input, pipes, /dev/null and git (process substitution and the docs' recipes);
# errors and usage. UPDATE=1 rewrites the expected files from the current output.
source "$JRN_ROOT/tests/lib.sh"
diff_dir="$JRN_ROOT/tests/diff"
cd "$diff_dir" || exit 1

# Exit status wanted for an expected output: 1 when something changed, else 0.
wanted_status() { if [ -s "$1" ]; then echo 1; else echo 0; fi; }

# --- one case per kind of change ----------------------------------------------------------
for case_dir in cases/*/; do
    case_dir=${case_dir%/}
    name=$(basename "$case_dir")
    old=base.jrn
    [ -f "$case_dir/old.jrn" ] && old="$case_dir/old.jrn"
    for format in txt md; do
        expected="$case_dir/expected.$format"
        [ "$format" = txt ] || [ -f "$expected" ] || continue
        flag=text; [ "$format" = md ] && flag=md
        "$JRNC" diff --format "$flag" "$old" "$case_dir/new.jrn" > "$TMP_DIR/out" 2> "$TMP_DIR/err"; status=$?
        if [ "${UPDATE:-}" = 1 ]; then cp "$TMP_DIR/out" "$expected"; fi
        want=$(wanted_status "$expected")
        if [ "$status" -ne "$want" ]; then fail "$name ($flag)" "exit $status, expected $want" "$(cat "$TMP_DIR/err")"
        elif ! cmp -s "$TMP_DIR/out" "$expected"; then fail "$name ($flag)" "$(diff "$expected" "$TMP_DIR/out")"
        else pass "$name ($flag)"; fi
    done
    # JSON: a valid document whose changes match the text output one for one.
    "$JRNC" diff --format json "$old" "$case_dir/new.jrn" > "$TMP_DIR/out.json" 2>&1
    if out=$(python3 - "$TMP_DIR/out.json" "$case_dir/expected.txt" <<'EOF' 2>&1
import json, sys
document = json.load(open(sys.argv[1]))
lines = [line for line in open(sys.argv[2]).read().splitlines() if line]
changes = document["changes"]
assert document["changed"] == bool(changes), "changed does not match the changes"
assert len(changes) == len(lines), "%d changes in JSON, %d lines of text" % (len(changes), len(lines))
keys = ["change", "subject", "id", "label", "owner", "impact", "group", "group_id",
        "property", "old", "new", "note"]
for change, line in zip(changes, lines):
    assert list(change) == keys, "keys %s" % list(change)
    assert change["change"] in ("added", "removed", "moved", "retitled", "modified", "reordered")
    assert change["impact"] in ("moment-of-truth", "pain-point", "kpi-target", "experience",
                                "structure", "detail")
    subject = "spine" if change["subject"] == "spine" else change["subject"] + " " + change["id"]
    assert line.startswith(subject), "%r is not about %r" % (line, subject)
    if change["change"] == "modified":
        assert change["old"] != change["new"], "a modification without a change"
EOF
    ); then pass "$name (json)"; else fail "$name (json)" "$out"; fi
done

# --- typed JSON values --------------------------------------------------------------------
"$JRNC" diff -f json base.jrn cases/most-consequential/new.jrn > "$TMP_DIR/typed.json"
if out=$(python3 - "$TMP_DIR/typed.json" <<'EOF' 2>&1
import json, sys
changes = json.load(open(sys.argv[1]))["changes"]
def find(id_, prop):
    return next(c for c in changes if c["id"] == id_ and c["property"] == prop)
assert find("checkout", "emotion")["old"] == -1 and find("checkout", "emotion")["new"] is None
assert find("call", "truth")["old"] is True and find("call", "truth")["new"] == "Decides the renewal"
assert find("call", "truth")["impact"] == "moment-of-truth"
assert find("call", "effort")["new"] == 3
target = find("csat", "target")
assert (target["old"], target["new"], target["owner"], target["impact"]) == ("4", "4.5", "touchpoint checkout", "kpi-target")
assert [c["impact"] for c in changes if c["group_id"] == "support"][0] == "moment-of-truth"
EOF
); then pass "json: typed values and impacts"; else fail "json: typed values and impacts" "$out"; fi
"$JRNC" diff -f json base.jrn cases/stage-loops/new.jrn > "$TMP_DIR/list.json"
if python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["changes"][0]; assert (c["old"], c["new"]) == (["buy"], ["buy", "support"])' "$TMP_DIR/list.json" 2>/dev/null; then
    pass "json: lists are arrays"
else
    fail "json: lists are arrays" "$(cat "$TMP_DIR/list.json")"
fi

# --- nothing changed ----------------------------------------------------------------------
for format in text md; do
    out=$("$JRNC" diff --format "$format" base.jrn cases/formatting-only/new.jrn 2>&1); status=$?
    if [ "$status" -eq 0 ] && [ -z "$out" ]; then pass "formatting only: no output, exit 0 ($format)"
    else fail "formatting only: no output, exit 0 ($format)" "exit $status" "$out"; fi
done
out=$("$JRNC" diff -f json base.jrn cases/formatting-only/new.jrn 2>&1); status=$?
if [ "$status" -eq 0 ] && python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["changed"] is False and d["changes"] == []' <<< "$out"; then
    pass "formatting only: JSON says nothing changed, exit 0"
else
    fail "formatting only: JSON says nothing changed, exit 0" "exit $status" "$out"
fi
problems=()
for example in "$JRN_ROOT"/examples/*.jrn; do
    out=$("$JRNC" diff "$example" "$example" 2>&1) && [ -z "$out" ] || problems+=("$example: $out")
done
if [ ${#problems[@]} -eq 0 ]; then pass "every example compared with itself: no change"; else fail "every example compared with itself: no change" "${problems[@]}"; fi

# --- standard input, pipes, /dev/null -----------------------------------------------------
expected=$(cat cases/hop-rate/expected.txt)
out=$("$JRNC" diff - cases/hop-rate/new.jrn < base.jrn 2>&1); status=$?
if [ "$status" -eq 1 ] && [ "$out" = "$expected" ]; then pass "OLD from standard input"; else fail "OLD from standard input" "exit $status" "$out"; fi
out=$("$JRNC" diff base.jrn - < cases/hop-rate/new.jrn 2>&1); status=$?
if [ "$status" -eq 1 ] && [ "$out" = "$expected" ]; then pass "NEW from standard input"; else fail "NEW from standard input" "exit $status" "$out"; fi
out=$("$JRNC" diff <(cat base.jrn) <(cat cases/hop-rate/new.jrn) 2>&1); status=$?
if [ "$status" -eq 1 ] && [ "$out" = "$expected" ]; then pass "process substitution"; else fail "process substitution" "exit $status" "$out"; fi
out=$("$JRNC" diff /dev/null git/teams.jrn 2>&1); status=$?
if [ "$status" -eq 1 ] && [ "$out" = 'team care: added ("Customer Care")' ]; then pass "/dev/null: everything is added"
else fail "/dev/null: everything is added" "exit $status" "$out"; fi

# --- git ----------------------------------------------------------------------------------
if have git; then
    repo="$TMP_DIR/repo"
    mkdir -p "$repo/maps"
    cp git/teams.jrn "$repo/maps/teams.jrn"
    cp git/map-1.jrn "$repo/maps/map.jrn"
    gitq() { git -C "$repo" -c user.name=test -c user.email=test@example.com "$@"; }
    gitq init -q && gitq add . && gitq commit -qm first
    cp git/map-2.jrn "$repo/maps/map.jrn"
    gitq commit -qam second
    expected='touchpoint chat: truth (none) -> yes
hop checkout -> chat in journey path: rate 30% -> 45%'
    # The old version comes through a pipe: its "use" finds maps/teams.jrn next to the new one.
    out=$(cd "$repo" && "$JRNC" diff <(git show HEAD~1:maps/map.jrn) maps/map.jrn 2>&1); status=$?
    if [ "$status" -eq 1 ] && [ "$out" = "$expected" ]; then pass "git: jrnc diff <(git show HEAD~1:map.jrn) map.jrn"
    else fail "git: jrnc diff <(git show HEAD~1:map.jrn) map.jrn" "exit $status" "$out"; fi
    out=$(cd "$repo" && git show HEAD~1:maps/map.jrn | "$JRNC" diff - maps/map.jrn 2>&1); status=$?
    if [ "$status" -eq 1 ] && [ "$out" = "$expected" ]; then pass "git: git show ... | jrnc diff - map.jrn"
    else fail "git: git show ... | jrnc diff - map.jrn" "exit $status" "$out"; fi
    # The recipes of docs/diff.md, run as written there (jrnc found on PATH).
    recipe() { grep -o "^ *git config $1 .*" "$JRN_ROOT/docs/diff.md" | sed 's/^ *//' | head -1; }
    export PATH="$(dirname "$JRNC"):$PATH"
    [ "$(basename "$JRNC")" = jrnc ] || { mkdir -p "$TMP_DIR/bin"; ln -sf "$JRNC" "$TMP_DIR/bin/jrnc"; export PATH="$TMP_DIR/bin:$PATH"; }
    echo '*.jrn diff=jrnc' > "$repo/.gitattributes"
    (cd "$repo" && eval "$(recipe diff.jrnc.command)")
    out=$(cd "$repo" && git diff HEAD~1 HEAD 2>&1); status=$?
    if [ "$status" -eq 0 ] && [ "$out" = "jrnc diff maps/map.jrn
$expected" ]; then pass "git: diff.jrnc.command recipe"; else fail "git: diff.jrnc.command recipe" "exit $status" "$out"; fi
    (cd "$repo" && git config --unset diff.jrnc.command && eval "$(recipe difftool.jrnc.cmd)")
    out=$(cd "$repo" && git difftool --no-prompt --tool=jrnc HEAD~1 HEAD -- maps/map.jrn 2>&1); status=$?
    if [ "$status" -eq 0 ] && [ "$out" = "$expected" ]; then pass "git: difftool recipe"; else fail "git: difftool recipe" "exit $status" "$out"; fi
    (cd "$repo" && eval "$(recipe diff.jrnc.textconv)")
    "$JRNC" fmt - < "$repo/maps/map.jrn" > "$TMP_DIR/tidy.jrn" && cp "$TMP_DIR/tidy.jrn" "$repo/maps/map.jrn"
    out=$(cd "$repo" && git diff 2>&1); status=$?
    raw=$(cd "$repo" && git diff --no-textconv 2>&1)
    if [ "$status" -eq 0 ] && [ -z "$out" ] && [ -n "$raw" ]; then pass "git: textconv recipe hides a formatting-only change"
    else fail "git: textconv recipe hides a formatting-only change" "exit $status" "$out"; fi
else
    skip "git" "git is not installed"
fi

# --- errors and usage ---------------------------------------------------------------------
printf 'team a "A"\ntouchpoint t "T" in nowhere\n' > "$TMP_DIR/bad.jrn"
out=$("$JRNC" diff base.jrn "$TMP_DIR/bad.jrn" 2>&1); status=$?
if [ "$status" -eq 2 ] && printf '%s\n' "$out" | grep -q "bad.jrn:2:[0-9]*: error: "; then pass "errors: a map with errors is trouble (exit 2)"
else fail "errors: a map with errors is trouble (exit 2)" "exit $status" "$out"; fi
# usage_case NAME STATUS PATTERN ARGUMENT...: jrnc diff ARGUMENT... with nothing on stdin.
usage_case() { expect_exit_output "usage: $1" "$2" "$3" "$JRNC" diff "${@:4}" < /dev/null; }
usage_case "missing file" 2 "cannot read" base.jrn "$TMP_DIR/missing.jrn"
usage_case "one file" 2 "give two maps" base.jrn
usage_case "three files" 2 "too many files" base.jrn base.jrn base.jrn
usage_case "unknown format" 2 "unknown format 'yaml'" --format yaml base.jrn base.jrn
usage_case "unknown option" 2 "unknown option '--frobnicate'" --frobnicate base.jrn base.jrn
usage_case "stdin twice" 2 "only one of OLD and NEW" - -
usage_case "help" 0 "Usage: jrnc diff" --help
