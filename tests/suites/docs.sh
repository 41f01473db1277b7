#!/usr/bin/env bash
# The documentation's examples are tests: every ```jrn block in README.md and docs/*.md
# must check clean on its own (blocks that show a mistake are fenced as ```text); every
# ```console command prints what it shows; every other command line that reads only the
# repository's files runs and exits 0.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
python3 - "$JRN_ROOT" <<'PY'
import re, sys, pathlib
root = pathlib.Path(sys.argv[1])
count = 0
for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
    for index, block in enumerate(re.findall(r"^```jrn\n(.*?)^```", doc.read_text(), re.S | re.M)):
        name = f"{doc.relative_to(root)}-{index + 1}.jrn".replace("/", "_")
        pathlib.Path(name).write_text(block)
        count += 1
print(count, file=sys.stderr)
PY
for block in *.jrn; do
    out=$("$JRNC" check "$block" 2>&1); status=$?
    if [ "$status" -eq 0 ] && [ -z "$out" ]; then pass "doc example $block"; else fail "doc example $block" "$out"; fi
done

# Every command shown with its output (```console blocks: "$ jrnc ..." and what follows)
# prints exactly that, run from the repository's root. Commands that cannot run as shown
# (they need a git history or a file of the reader's) are fenced as ```sh instead.
python3 - "$JRN_ROOT" <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
count = 0
for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
    for block in re.findall(r"^```console\n(.*?)^```", doc.read_text(), re.S | re.M):
        command, output = None, []
        for line in block.splitlines(keepends=True) + ["$ \n"]:
            if line.startswith("$ "):
                if command:
                    count += 1
                    stem = f"console-{count:02d}"
                    pathlib.Path(stem + ".cmd").write_text(command)
                    pathlib.Path(stem + ".want").write_text("".join(output))
                    pathlib.Path(stem + ".doc").write_text(str(doc.relative_to(root)))
                command, output = line[2:].strip(), []
            else:
                output.append(line)
PY
for cmd_file in console-*.cmd; do
    [ -f "$cmd_file" ] || continue
    stem=${cmd_file%.cmd}
    command=$(cat "$cmd_file")
    case "$command" in jrnc\ *) ;; *) fail "console example in $(cat "$stem.doc"): $command" "not a jrnc command"; continue ;; esac
    got=$(cd "$JRN_ROOT" && eval "\"\$JRNC\" ${command#jrnc }" 2>&1)
    if [ "$got" == "$(cat "$stem.want")" ]; then pass "console example in $(cat "$stem.doc"): $command"
    else fail "console example in $(cat "$stem.doc"): $command" "$(diff <(cat "$stem.want") <(printf '%s\n' "$got") | head -20)"; fi
done

# Every command line shown without its output (in ```sh, ```text and plain blocks) that
# reads only files of this repository (examples/..., a .jrn or .csv that exists) runs as
# shown and exits 0 (a pipe into dot included), from a scratch folder that sees the
# repository's examples/ (what it writes with -o or > stays there). Lines naming the reader's own files (map.jrn, maps/*.jrn)
# or a usage synopsis are left out: they cannot run here.
python3 - "$JRN_ROOT" <<'PY'
import pathlib, re, shlex, sys
root = pathlib.Path(sys.argv[1])
count = 0
for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
    for language, block in re.findall(r"^```(\w*)\n(.*?)^```", doc.read_text(), re.S | re.M):
        if language in ("console", "jrn"):
            continue
        for line in block.splitlines():
            command = line.split(" #")[0].strip()
            if not command.startswith("jrnc ") or any(c in command for c in "[]<$*"):
                continue
            words = shlex.split(command.split("|")[0])
            outputs = {words[i + 1] for i, w in enumerate(words[:-1]) if w == "-o"}
            files = [w for w in words if w.endswith((".jrn", ".csv")) and w not in outputs]
            if not files or not all((root / w).is_file() for w in files):
                continue
            count += 1
            pathlib.Path(f"shown-{count:02d}.cmd").write_text(command)
            pathlib.Path(f"shown-{count:02d}.doc").write_text(str(doc.relative_to(root)))
PY
mkdir -p shown && ln -sfn "$JRN_ROOT/examples" shown/examples
shown_count=0
for cmd_file in shown-*.cmd; do
    [ -f "$cmd_file" ] || continue
    shown_count=$((shown_count + 1))
    stem=${cmd_file%.cmd}
    command=$(cat "$cmd_file")
    out=$(cd shown && set -o pipefail && eval "\"\$JRNC\" ${command#jrnc }" 2>&1 >/dev/null); status=$?
    if [ "$status" -eq 0 ]; then pass "command shown in $(cat "$stem.doc"): $command"
    else fail "command shown in $(cat "$stem.doc"): $command" "exit $status" "$(head -n 5 <<<"$out")"; fi
done
# The selection itself can fail: the docs show at least the examples' own commands.
if [ "$shown_count" -ge 10 ]; then pass "commands shown in the docs: $shown_count run"
else fail "commands shown in the docs: $shown_count run" "expected at least 10 (docs/examples.md, reports.md, mermaid.md ...)"; fi
