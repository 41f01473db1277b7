#!/usr/bin/env bash
# The documentation's examples are tests: every ```jrn block in README.md and docs/*.md
# must check clean on its own (blocks that show a mistake are fenced as ```text).
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
