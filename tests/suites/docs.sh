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
