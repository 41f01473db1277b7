#!/usr/bin/env bash
# runner: once
# jrnc writes DOT itself (src/dot_write.c) instead of building the graph in libcgraph only to
# print it: that was slower than Graphviz's `nop` re-reading the text. This holds the writer
# to Graphviz's own: every map in the tree that compiles, in every view (full, spine, flow,
# each journey, each persona), plus a generated 1,000-touchpoint map and one with 20 KB
# texts and ids, is copied into libcgraph and written by agwrite, and the two texts must be
# the same bytes (tests/dot/agwrite_oracle.c). Built by `make check`; runs once (it is not
# jrnc, so the sanitizer pass has nothing to add).
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
oracle="$JRN_ROOT/build/release/agwrite_oracle"
if [ ! -x "$oracle" ]; then fail "agwrite oracle" "$oracle is not built (make check builds it)"; exit 0; fi

# The maps: whatever in the tree checks clean with the prelude (the error cases do not).
maps=()
while IFS= read -r file; do
    (cd "$JRN_ROOT" && "$JRNC" check "$file" > /dev/null 2>&1) && maps+=("$file")
done < <(cd "$JRN_ROOT" && find examples stdlib tests docs -name '*.jrn' ! -path '*/node_modules/*' | sort)
[ "${#maps[@]}" -ge 50 ] && pass "agwrite oracle has ${#maps[@]} maps from the tree" \
    || fail "agwrite oracle has maps from the tree" "only ${#maps[@]} compile"

python3 "$JRN_ROOT/tests/bench/generate.py" 1000 bench1000 > /dev/null
python3 - <<'PY'
text = r'Quotes \" and \\ backslashes, <tags> & {braces} graph node edge subgraph strict ' * 300
ident = "node_" + "x" * 20000
open("texts.jrn", "w").write(f'''map "{text}"
persona strict "{text}"
stage graph "{text}" {{
  touchpoint {ident} "{text}" {{ pain: "{text}"  delight: "{text}" }}
  touchpoint edge "{text}" {{ does: """
      {text}
      """ }}
}}
stage subgraph "Sub" {{ touchpoint digraph "D" }}
journey node "{text}" for strict {{ {ident} -> edge [rate: 50%] -> digraph -> {ident} }}
''')
PY
(cd "$JRN_ROOT" && "$oracle" "${maps[@]}") > oracle.txt
"$oracle" bench1000.jrn texts.jrn >> oracle.txt
cat oracle.txt
