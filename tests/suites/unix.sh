#!/usr/bin/env bash
# seconds: 60
# jrnc as a Unix tool: install, the installed binary and its stdlib, man page, completions,
# uninstall, dist, and the command-line conventions every command shares.
# runner: once
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
example="$JRN_ROOT/examples/acme_post_sales.jrn"
broken="$JRN_ROOT/tests/check/errors/duplicate.jrn"
man_page="$JRN_ROOT/docs/jrnc.1"
bash_completion="$JRN_ROOT/editors/shell/jrnc.bash"
zsh_completion="$JRN_ROOT/editors/shell/_jrnc"
zsh_complete="$JRN_ROOT/tests/unix/zsh-complete.zsh"
# make inherits MAKEFLAGS from `make check`: keep its jobserver out of these runs.
run_make() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory -C "$JRN_ROOT" "$@"; }

# The commands `jrnc --help` lists, and the long options `jrnc [COMMAND] --help` lists.
commands=$("$JRNC" --help | awk '/^Commands/ {in_list=1; next} in_list && /^  [a-z]/ {print $1} in_list && /^$/ {exit}')
long_options_of() {
    "$JRNC" $1 --help | grep -oE '(^|[ ,])--[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,]*//' | sort -u
}
[ -n "$commands" ] && pass "jrnc --help lists commands" || fail "jrnc --help lists commands" "$("$JRNC" --help)"

# ---- the man page -------------------------------------------------------------------
if have groff; then
    out=$(groff -ww -man -z "$man_page" 2>&1)
    [ -z "$out" ] && pass "man page: groff -ww finds nothing" || fail "man page: groff -ww finds nothing" "$out"
else
    skip "man page: groff -ww finds nothing" "groff is missing"
fi
if have mandoc; then
    out=$(mandoc -T lint "$man_page" 2>&1)
    [ -z "$out" ] && pass "man page: mandoc -T lint finds nothing" || fail "man page: mandoc -T lint finds nothing" "$out"
else
    skip "man page: mandoc -T lint finds nothing" "mandoc is missing"
fi
version=$("$JRNC" --version | awk '{print $2}')
grep -q "^\.TH JRNC 1 [0-9-]* \"jrnc $version\"" "$man_page" && pass "man page names version $version" \
    || fail "man page names version $version" "$(grep '^\.TH' "$man_page")"

# Rendered text, one space between words, so options and commands can be looked up.
if have groff; then
    man_text=$(groff -man -Tutf8 -P-cbou "$man_page" 2>/dev/null | tr -s ' ')
    for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
        grep -q "^$section\$" <<<"$man_text" || fail "man page has section $section"
    done && pass "man page has every section"
    missing=""
    for word in JRN_PATH NO_COLOR 'jrnc map.jrn | dot -Tsvg' 'dot(1)'; do
        grep -qF -- "$word" <<<"$man_text" || missing="$missing '$word'"
    done
    [ -z "$missing" ] && pass "man page: environment, dot example, see also" || fail "man page: environment, dot example, see also" "missing:$missing"
    # Drift: every command and option the binary lists is documented.
    missing=""
    documented=$(sed -n '/^COMMANDS$/,/^OPTIONS$/s/^ *jrnc \([a-z][a-z]*\) .*/\1/p' <<<"$man_text")
    for command in $commands; do
        grep -qx "$command" <<<"$documented" || missing="$missing $command"
        for option in $(long_options_of "$command"); do
            grep -qF -- "$option" <<<"$man_text" || missing="$missing $command:$option"
        done
    done
    for option in $(long_options_of ""); do
        grep -qF -- "$option" <<<"$man_text" || missing="$missing jrnc:$option"
    done
    [ -z "$missing" ] && pass "man page documents every command and option of --help" \
        || fail "man page documents every command and option of --help" "missing:$missing"
else
    skip "man page documents every command and option of --help" "groff is missing"
fi

# ...and every option the man page gives a command is one its --help lists (the options
# every command shares are checked above; --render is -T's long spelling).
if have groff; then
    stale=""
    while IFS='|' read -r section tag; do
        command=""; [ "$section" != "the default command" ] && command=${section#jrnc }
        "$JRNC" $command --help 2>/dev/null | head -1 | grep -q "^Usage: jrnc $command" || continue
        for option in $(grep -oE -- '--[a-zA-Z][a-zA-Z-]*' <<<"$tag"); do
            [ "$option" = --render ] && continue
            long_options_of "$command" | grep -qx -- "$option" || stale="$stale ${command:-jrnc}:$option"
        done
    done < <(groff -man -Tutf8 -P-cbou "$man_page" 2>/dev/null | awk '
        /^   Options of /   { sub(/^   Options of /, ""); section = $0; next }
        /^[A-Z]/            { section = "" }
        section != "" && section != "every command" && /^       -/ { print section "|" $0 }')
    [ -z "$stale" ] && pass "man page documents no option a command does not have" \
        || fail "man page documents no option a command does not have" "not in --help:$stale"
fi

# ...and every command the man page documents that jrnc runs is listed by jrnc --help.
if have groff; then
    unlisted=""
    for command in $(sed -n '/^COMMANDS$/,/^OPTIONS$/s/^ *jrnc \([a-z][a-z]*\) .*/\1/p' <<<"$man_text" | sort -u); do
        "$JRNC" "$command" --help 2>/dev/null | head -1 | grep -q "^Usage: jrnc $command" || continue
        grep -qx "$command" <<<"$commands" || unlisted="$unlisted $command"
    done
    [ -z "$unlisted" ] && pass "every command jrnc runs is listed by jrnc --help" \
        || fail "every command jrnc runs is listed by jrnc --help" "not listed:$unlisted"
fi

# ---- completion ---------------------------------------------------------------------
# bash_complete FILE WORD...: the candidates bash completion offers for the last WORD.
bash_complete() {
    local file=$1; shift
    bash --norc --noprofile -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _jrnc jrnc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' bash "$file" "$@"
}
out=$(cd "$JRN_ROOT/examples" && bash_complete "$bash_completion" jrnc ch)
[ "$out" = "check" ] && pass "bash: jrnc ch<TAB> completes check" || fail "bash: jrnc ch<TAB> completes check" "$out"
out=$(bash_complete "$bash_completion" jrnc check --)
[[ $'\n'"$out"$'\n' == *$'\n--help\n'* && "$out" == *--no-prelude* && "$out" == *--include* ]] \
    && pass "bash: jrnc check --<TAB> offers its options" || fail "bash: jrnc check --<TAB> offers its options" "$out"
out=$(cd "$JRN_ROOT/examples" && bash_complete "$bash_completion" jrnc check ac)
[ "$out" = "acme_post_sales.jrn" ] && pass "bash: completes .jrn files" || fail "bash: completes .jrn files" "$out"
out=$(bash_complete "$bash_completion" jrnc -f "")
[ "$(echo $out)" = "dot json md html csv mermaid" ] && pass "bash: -f <TAB> offers the formats" || fail "bash: -f <TAB> offers the formats" "$out"
out=$(bash_complete "$bash_completion" jrnc --color = "")
[ "$(echo $out)" = "auto always never" ] && pass "bash: --color=<TAB> offers when" || fail "bash: --color=<TAB> offers when" "$out"

if have zsh; then
    out=$(zsh -n "$zsh_completion" 2>&1) && pass "zsh: completion parses" || fail "zsh: completion parses" "$out"
    out=$(cd "$JRN_ROOT/examples" && timeout 20 zsh -f "$zsh_complete" "$JRN_ROOT/editors/shell" "jrnc ch")
    [ "$out" = "check" ] && pass "zsh: jrnc ch<TAB> completes check" || fail "zsh: jrnc ch<TAB> completes check" "$out"
    out=$(timeout 20 zsh -f "$zsh_complete" "$JRN_ROOT/editors/shell" "jrnc check --")
    [[ $'\n'"$out"$'\n' == *$'\n--help\n'* && "$out" == *--no-prelude* ]] \
        && pass "zsh: jrnc check --<TAB> offers its options" || fail "zsh: jrnc check --<TAB> offers its options" "$out"
else
    skip "zsh: completion parses" "zsh is missing"
fi

# Drift: every command and long option of --help is offered by both completions.
missing=""
offered=$(bash_complete "$bash_completion" jrnc "")
for command in $commands; do
    grep -qx "$command" <<<"$offered" || missing="$missing bash:$command"
    grep -q "'$command:" "$zsh_completion" || missing="$missing zsh:$command"
done
for command in "" $commands; do
    offered=$(bash_complete "$bash_completion" jrnc $command --)
    for option in $(long_options_of "$command"); do
        grep -qxE -- "$option=?" <<<"$offered" || missing="$missing bash:${command:-jrnc}:$option"
        grep -qE -- "$option[]=+}'[]" "$zsh_completion" || missing="$missing zsh:${command:-jrnc}:$option"
    done
done
[ -z "$missing" ] && pass "completions offer every command and option of --help" \
    || fail "completions offer every command and option of --help" "missing:$missing"

# Drift: every lint rule is offered after -W and -Wno- by both completions.
if rules=$("$JRNC" lint --list-rules 2>/dev/null) && [ -n "$rules" ]; then
    missing=""
    offered=$(bash_complete "$bash_completion" jrnc lint -W "")
    for rule in $(awk '{print $1}' <<<"$rules"); do
        grep -qx -- "$rule" <<<"$offered" || missing="$missing bash:$rule"
        grep -qw -- "$rule" "$zsh_completion" || missing="$missing zsh:$rule"
    done
    [ -z "$missing" ] && pass "completions offer every rule of lint --list-rules" \
        || fail "completions offer every rule of lint --list-rules" "missing:$missing"
else
    skip "completions offer every rule of lint --list-rules" "jrnc lint has not landed"
fi

# ---- install, run from elsewhere, uninstall -----------------------------------------
stage="$TMP_DIR/stage"
prefix=/opt/jrnc-test
installed="$stage$prefix"
out=$(run_make install DESTDIR="$stage" PREFIX="$prefix" 2>&1)
if [ $? -eq 0 ] && [ -x "$installed/bin/jrnc" ]; then pass "make install DESTDIR PREFIX"
else fail "make install DESTDIR PREFIX" "$out"; fi
missing=""
for file in share/man/man1/jrnc.1 share/bash-completion/completions/jrnc share/zsh/site-functions/_jrnc \
            $(cd "$JRN_ROOT" && find stdlib -type f | sed 's|^|share/jrnc/|') share/jrnc/docs/lint-rules.md \
            $(cd "$JRN_ROOT" && find editors -type f ! -name '*.elc' ! -path '*/node_modules/*' 2>/dev/null | sed 's|^|share/jrnc/|'); do
    [ -f "$installed/$file" ] || missing="$missing $file"
done
[ -z "$missing" ] && pass "install puts man page, completions, stdlib and editors in place" \
    || fail "install puts man page, completions, stdlib and editors in place" "missing:$missing"

# The installed language server links a finding's rule to its section of the installed
# rule catalogue (LSP codeDescription), by line: the line the link names is the rule's heading.
out=$(cd / && python3 - "$installed/bin/jrnc" <<'PY' 2>&1
import json, subprocess, sys, urllib.parse
server = subprocess.Popen([sys.argv[1], "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()
def receive():
    length = 0
    while True:
        line = server.stdout.readline()
        if line in (b"\r\n", b""): break
        if line.lower().startswith(b"content-length:"): length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
while receive().get("id") != 1: pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
text = 'map "M" { reviewed: 2026-01-01 }\nstage s "S" {\n  touchpoint t "T" { channel: web }\n}\n'
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": "file:///nowhere/map.jrn", "languageId": "jrn", "version": 1, "text": text}}})
while True:
    message = receive()
    if message.get("method") == "textDocument/publishDiagnostics": break
server.stdin.close(); server.kill()
found = [d for d in message["params"]["diagnostics"] if d.get("code") == "no-owner"]
if not found: sys.exit(f"no no-owner finding: {message}")
href = found[0].get("codeDescription", {}).get("href", "")
path, _, line = href.partition("#L")
path = urllib.parse.unquote(path[len("file://"):])
heading = open(path).read().split("\n")[int(line) - 1]
print(path, heading)
PY
)
[[ "$out" == "$(cd "$installed/share/jrnc/docs" && pwd -P)/lint-rules.md ### \`no-owner\`" ]] \
    && pass "installed jrnc lsp links a finding's rule to its section of the installed catalogue" \
    || fail "installed jrnc lsp links a finding's rule to its section of the installed catalogue" "$out"

# A map of its own, far from the source tree, that uses a standard spine.
mkdir -p elsewhere
cat > elsewhere/map.jrn <<'JRN'
use "std/spines/b2c"
team care "Customer care"
extend stage purchase {
  touchpoint checkout "Checkout" { channel: web  owner: care }
}
JRN
out=$(cd / && env -u JRN_PATH "$installed/bin/jrnc" check "$TMP_DIR/elsewhere/map.jrn" 2>&1)
[ $? -eq 0 ] && pass "installed jrnc, run from /, finds std/spines without JRN_PATH" \
    || fail "installed jrnc, run from /, finds std/spines without JRN_PATH" "$out"
if have dot && "$JRNC" "$example" >/dev/null 2>&1; then
    out=$(cd / && "$installed/bin/jrnc" "$TMP_DIR/elsewhere/map.jrn" | dot -Tsvg 2>&1)
    [[ "$out" == *"<svg"*"Checkout"*"</svg>"* ]] && pass "installed jrnc map.jrn | dot -Tsvg draws the map" \
        || fail "installed jrnc map.jrn | dot -Tsvg draws the map" "$(head -5 <<<"$out")"
fi
out=$(cd / && "$installed/bin/jrnc" --print-stdlib-dir)
[ "$out" = "$(cd "$installed/share/jrnc/stdlib" && pwd -P)" ] && pass "installed jrnc: --print-stdlib-dir" \
    || fail "installed jrnc: --print-stdlib-dir" "$out"
out=$(cd / && "$installed/bin/jrnc" check - < "$TMP_DIR/elsewhere/map.jrn" 2>&1)
[ $? -eq 0 ] && pass "installed jrnc reads a map from stdin" || fail "installed jrnc reads a map from stdin" "$out"

if have man; then
    out=$(MANWIDTH=80 man -l "$installed/share/man/man1/jrnc.1" 2>&1 >"$TMP_DIR/man.txt")
    [ -z "$out" ] && grep -q "jrnc - compile journey maps" "$TMP_DIR/man.txt" \
        && pass "installed man page renders with man -l, no warning" || fail "installed man page renders with man -l, no warning" "$out"
    out=$(MANPATH="$installed/share/man" man -w jrnc 2>&1)
    [ "$out" = "$installed/share/man/man1/jrnc.1" ] && pass "man finds the installed page in MANPATH" \
        || fail "man finds the installed page in MANPATH" "$out"
else
    skip "installed man page renders with man -l, no warning" "man is missing"
fi

out=$(bash_complete "$installed/share/bash-completion/completions/jrnc" jrnc ch)
[ "$out" = "check" ] && pass "installed bash completion works" || fail "installed bash completion works" "$out"
if [ -f /usr/share/bash-completion/bash_completion ]; then
    # bash-completion finds completions on demand under $XDG_DATA_DIRS/bash-completion/completions.
    out=$(XDG_DATA_DIRS="$installed/share" bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        __load_completion jrnc && complete -p jrnc' 2>&1)
    [[ "$out" == *"-F _jrnc jrnc"* ]] && pass "bash-completion loads the installed completion on demand" \
        || fail "bash-completion loads the installed completion on demand" "$out"
else
    skip "bash-completion loads the installed completion on demand" "bash-completion is missing"
fi
if have zsh; then
    out=$(timeout 20 zsh -f "$zsh_complete" "$installed/share/zsh/site-functions" "jrnc ch")
    [ "$out" = "check" ] && pass "installed zsh completion works from its fpath folder" \
        || fail "installed zsh completion works from its fpath folder" "$out"
fi

# A moved installation keeps finding its stdlib (relative lookup, not the build PREFIX).
mv "$stage/opt" "$stage/moved"
out=$(cd / && "$stage/moved/jrnc-test/bin/jrnc" check "$TMP_DIR/elsewhere/map.jrn" 2>&1)
[ $? -eq 0 ] && pass "a moved installation still finds its stdlib" || fail "a moved installation still finds its stdlib" "$out"
mv "$stage/moved" "$stage/opt"

# uninstall removes what install put there, and nothing a user added.
mkdir -p "$installed/share/jrnc/local" && echo 'team mine "Mine"' > "$installed/share/jrnc/local/mine.jrn"
out=$(run_make uninstall DESTDIR="$stage" PREFIX="$prefix" 2>&1)
left=$(cd "$stage" && find . ! -type d)
[ "$left" = "./opt/jrnc-test/share/jrnc/local/mine.jrn" ] && [ ! -e "$installed/share/jrnc/stdlib" ] \
    && pass "uninstall removes what was installed, keeps a user's file" \
    || fail "uninstall removes what was installed, keeps a user's file" "left:" "$left" "$out"
rm -rf "$installed/share/jrnc/local"
run_make install DESTDIR="$stage" PREFIX="$prefix" >/dev/null 2>&1 && run_make uninstall DESTDIR="$stage" PREFIX="$prefix" >/dev/null 2>&1
left=$(cd "$stage" && find . ! -type d; ls -d "$installed/share/jrnc" 2>/dev/null)
[ -z "$left" ] && pass "install then uninstall leaves no file and no share/jrnc folder" \
    || fail "install then uninstall leaves no file and no share/jrnc folder" "$left"

# ---- build hygiene: a second build from scratch, in parallel, with the user's compiler,
# flags and PREFIX. CC=clang when it is there, so the build is tried with a second compiler.
build="$TMP_DIR/build"
compiler=cc; have clang && compiler=clang
build_with() {
    run_make -j8 BUILD="$build" PROGRAM="$build/jrnc" CC=$compiler PREFIX=/opt/jrnc-built \
        CPPFLAGS=-DJRN_USER_CPPFLAGS LDFLAGS=-Wl,--as-needed "$@" "$build/jrnc" 2>&1
}
out=$(build_with CFLAGS=-O0); status=$?
compiles=$(grep -c -- ' -c ' <<<"$out")
if [ $status -eq 0 ] && [ "$compiles" -gt 10 ] \
   && [ "$(grep -- ' -c ' <<<"$out" | grep -vc -- "^$compiler .*-DJRN_USER_CPPFLAGS.* -O0")" -eq 0 ] \
   && grep -q -- "^$compiler .*-Wl,--as-needed.* -o $build/jrnc " <<<"$out"; then
    pass "make -j8 from scratch honours CC=$compiler, CFLAGS, CPPFLAGS, LDFLAGS"
else
    fail "make -j8 from scratch honours CC=$compiler, CFLAGS, CPPFLAGS, LDFLAGS" "exit $status" "$(tail -5 <<<"$out")"
fi
out=$(build_with CFLAGS=-O0)
! grep -q -- ' -c ' <<<"$out" && pass "make again with the same flags rebuilds nothing" \
    || fail "make again with the same flags rebuilds nothing" "$out"
out=$(build_with CFLAGS="-O0 -g")
[ "$(grep -c -- ' -c ' <<<"$out")" -eq "$compiles" ] && pass "make with other CFLAGS rebuilds everything" \
    || fail "make with other CFLAGS rebuilds everything" "$out"
# The build-time PREFIX is the fallback a binary alone (no stdlib beside it) names.
mkdir -p lonely && cp "$build/jrnc" lonely/jrnc
out=$(lonely/jrnc --print-stdlib-dir)
[ "$out" = "/opt/jrnc-built/share/jrnc/stdlib" ] && pass "the stdlib folder compiled in follows PREFIX at build" \
    || fail "the stdlib folder compiled in follows PREFIX at build" "$out"

# ---- make dist ----------------------------------------------------------------------
if git -C "$JRN_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    out=$(run_make dist DIST_DIR="$TMP_DIR/dist1" 2>&1) && run_make dist DIST_DIR="$TMP_DIR/dist2" >/dev/null 2>&1
    tarball="$TMP_DIR/dist1/jrnc-$version.tar.gz"
    listing=$(tar tzf "$tarball" 2>&1)
    missing=""
    for file in Makefile README.md docs/jrnc.1 editors/shell/jrnc.bash editors/shell/_jrnc \
                stdlib/std/prelude.jrn stdlib/std/spines/post_sales.jrn examples/acme_post_sales.jrn \
                tests/run.sh tests/suites/unix.sh grammar/journey.y src/main.c include/jrn/cli.h \
                $(git -C "$JRN_ROOT" ls-files editors | head -3); do
        grep -qx "jrnc-$version/$file" <<<"$listing" || missing="$missing $file"
    done
    [ -z "$missing" ] && pass "make dist packs sources, stdlib, docs, editors, tests, examples" \
        || fail "make dist packs sources, stdlib, docs, editors, tests, examples" "missing:$missing" "$out"
    cmp -s "$tarball" "$TMP_DIR/dist2/jrnc-$version.tar.gz" && pass "make dist is reproducible" \
        || fail "make dist is reproducible"
else
    skip "make dist packs sources, stdlib, docs, editors, tests, examples" "not a git work tree"
fi

# ---- conventions every command shares -----------------------------------------------
# args_for COMMAND FILE: the arguments that run COMMAND on FILE (diff compares it with the
# example; import reads it as Mermaid; site takes it as a folder of maps).
args_for() {
    case $1 in
        diff) echo "$2 $example" ;;
        site) echo "$2 -o $TMP_DIR/site-conventions" ;;
        fmt) echo "--check $2" ;;
        import) echo "mermaid $2" ;;
        *) echo "$2" ;;
    esac
}
# The default command is tried on a file only once DOT output exists.
"$JRNC" "$example" >/dev/null 2>&1 && default_writes=yes || default_writes=no
for command in "" $commands; do
    name=${command:-jrnc}
    if [ -z "$command" ] && [ $default_writes = no ]; then
        skip "jrnc FILE: missing file, stdin, colour" "the default output format has not landed"
        "$JRNC" --help >/dev/null && pass "jrnc --help"
        continue
    fi
    out=$("$JRNC" $command --help 2>&1); status=$?
    [ $status -eq 0 ] && [[ "$out" == Usage:* ]] && pass "$name --help" || fail "$name --help" "exit $status" "$out"
    # watch, serve and lsp run until stopped: their files, options and exits are tested by
    # their own suites (watch.sh, serve.sh, lsp.sh), not by running them on a file here.
    case $command in watch|serve|lsp) continue ;; esac
    out=$("$JRNC" $command --no-such-option $(args_for "$command" "$example") 2>&1); status=$?
    [ $status -eq 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [[ "$out" == *--no-such-option* ]] \
        && pass "$name: unknown option, one line, exit 2" || fail "$name: unknown option, one line, exit 2" "exit $status" "$out"
    out=$("$JRNC" $command $(args_for "$command" no-such-file.jrn) 2>&1); status=$?
    [ $status -eq 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [[ "$out" == *no-such-file.jrn* ]] \
        && pass "$name: missing file, one line, exit 2" || fail "$name: missing file, one line, exit 2" "exit $status" "$out"
    "$JRNC" $command $(args_for "$command" "$example") >"$TMP_DIR/from-file.out" 2>/dev/null; file_status=$?
    if [ "$command" = site ]; then
        # site reads folders of maps, never standard input: '-' is a folder name like any.
        expect_exit_output "site: - is no folder" 2 "'-' is not a folder" "$JRNC" site - -o "$TMP_DIR/site-conventions"
    elif [ "$command" = diff ]; then
        "$JRNC" diff - "$example" < "$example" >"$TMP_DIR/from-stdin.out" 2>/dev/null; stdin_status=$?
    elif [ "$command" = fmt ]; then
        # fmt - is a filter: it prints what fmt FILE writes into FILE.
        cp "$example" "$TMP_DIR/formatted.jrn"
        "$JRNC" fmt "$TMP_DIR/formatted.jrn" >/dev/null 2>&1; file_status=$?
        cp "$TMP_DIR/formatted.jrn" "$TMP_DIR/from-file.out"
        "$JRNC" fmt - < "$example" >"$TMP_DIR/from-stdin.out" 2>/dev/null; stdin_status=$?
    else
        "$JRNC" $command $(args_for "$command" -) < "$example" >"$TMP_DIR/from-stdin.out" 2>/dev/null; stdin_status=$?
    fi
    # fmt --check lists an unformatted input by its name, and standard input as <stdin>.
    [ "$command" = fmt ] && sed -i "s|^$example\$|<stdin>|" "$TMP_DIR/from-file.out"
    if [ "$command" != site ]; then
        [ $file_status -eq $stdin_status ] && [ $file_status -ne 2 ] && cmp -s "$TMP_DIR/from-file.out" "$TMP_DIR/from-stdin.out" \
            && pass "$name: - reads standard input" || fail "$name: - reads standard input" "exit $file_status from a file, $stdin_status from stdin"
    fi
    out=$("$JRNC" $command $(args_for "$command" "$broken") 2>&1)
    [[ "$out" != *$'\033'* ]] && pass "$name: no colour off a terminal" || fail "$name: no colour off a terminal" "$out"
    if have script; then
        out=$(NO_COLOR=1 script -qec "\"$JRNC\" $command $(args_for "$command" "$broken")" /dev/null 2>&1)
        [[ "$out" != *$'\033['* ]] && pass "$name: NO_COLOR on a terminal" || fail "$name: NO_COLOR on a terminal" "$out"
        out=$(env -u NO_COLOR script -qec "\"$JRNC\" $command $(args_for "$command" "$broken")" /dev/null 2>&1)
        if [[ "$out" == *error:* ]]; then
            [[ "$out" == *$'\033['* ]] && pass "$name: colour on a terminal" || fail "$name: colour on a terminal" "$out"
        fi
    fi
    # -o, where the command has it, writes whole or nothing: errors leave the file as it was.
    # (lint's JSON and SARIF documents are reports of the errors: lint writes them.)
    if [ "$command" != lint ] && "$JRNC" $command --help | grep -qE '^ +-o, --output'; then
        echo "precious" > kept.out
        "$JRNC" $command -o kept.out "$broken" >/dev/null 2>&1; status=$?
        [ $status -ne 0 ] && [ "$(cat kept.out)" = "precious" ] && pass "$name -o: an input error leaves the file as it was" \
            || fail "$name -o: an input error leaves the file as it was" "exit $status" "$(head -3 kept.out)"
    fi
done

# -o: the file is what standard output would be; links, FIFOs and missing folders.
if [ $default_writes = yes ]; then
    "$JRNC" -o written.out "$example" && "$JRNC" "$example" | cmp -s - written.out \
        && pass "-o FILE holds what standard output would" || fail "-o FILE holds what standard output would"
    # Every other output format the help names, and in-process rendering.
    for format in $("$JRNC" --help | sed -n 's/.*--format FMT *output format: //p' | tr -d ',' | sed 's/(default)//'); do
        [ "$format" = dot ] && continue
        "$JRNC" -f "$format" -o "written.$format" "$example" && "$JRNC" -f "$format" "$example" | cmp -s - "written.$format" \
            && [ -s "written.$format" ] && pass "-f $format -o FILE holds what standard output would" \
            || fail "-f $format -o FILE holds what standard output would"
    done
    if "$JRNC" --help | grep -q -- '^  -T '; then
        "$JRNC" -T svg -o written.svg "$example" && "$JRNC" -T svg "$example" | cmp -s - written.svg \
            && grep -q '</svg>' written.svg && pass "-T svg -o FILE holds what standard output would" \
            || fail "-T svg -o FILE holds what standard output would"
    fi
    echo old > real.out && chmod 640 real.out && ln -sf real.out link.out
    "$JRNC" -o link.out "$example" && [ -L link.out ] && cmp -s real.out written.out \
        && [ "$(stat -c %a real.out)" = 640 ] \
        && pass "-o through a symlink replaces its target, keeps the mode" \
        || fail "-o through a symlink replaces its target, keeps the mode" "$(ls -l link.out real.out)"
    mkfifo out.fifo && { cat out.fifo > from-fifo.out & }
    "$JRNC" -o out.fifo "$example"; wait
    [ -p out.fifo ] && cmp -s from-fifo.out written.out && pass "-o into a FIFO writes through it" \
        || fail "-o into a FIFO writes through it" "$(ls -l out.fifo from-fifo.out)"
    out=$("$JRNC" -o "$TMP_DIR/no-such-folder/out" "$example" 2>&1); status=$?
    [ $status -eq 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && pass "-o into a missing folder: one line, exit 2" \
        || fail "-o into a missing folder: one line, exit 2" "exit $status" "$out"
else
    skip "-o FILE holds what standard output would" "the default output format has not landed"
fi
