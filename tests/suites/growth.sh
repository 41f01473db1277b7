#!/usr/bin/env bash
# seconds: 180
# Growth: no command costs more than linear work in the map. Each shape of map
# (tests/growth/generate.py) is written at two sizes, N and 4N, and every command and
# view, a language-server session (tests/growth/lsp_session.py) and an import of a
# Mermaid journey whose titles repeat run on both under Valgrind's cachegrind (caches not
# simulated), which counts the instructions executed: a count that does not depend on the
# machine or its load, so the ratio is exact where a timing would be noise. Linear work is
# 4x; a quadratic path (a column scanned for each of its items, a persona-by-stage table)
# is 16x; the bound, 5x, leaves room for the n log n of sorting (4.3x here) and little more.
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "growth" "valgrind is missing"; exit 0; fi

BOUND=5

# The instructions a run of jrnc executes (its exit status is not the point: 0 or 1).
# Standard input is LSP_SESSION when set (the language server's session), else nothing.
instructions() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$JRNC" "$@" 2>&1 >/dev/null \
        <"${LSP_SESSION:-/dev/null}" | sed -n 's/^==[0-9]*== I *refs: *\([0-9,]*\)$/\1/p' | tr -d ,
}

grows() { # shape small large label args... (MAP is replaced by the map, MMD by the Mermaid file)
    local shape=$1 small=$2 large=$3 label=$4; shift 4
    local counts=() size args arg session
    for size in "$small" "$large"; do
        args=()
        for arg in "$@"; do arg=${arg//MAP/$shape-$size.jrn}; args+=("${arg//MMD/$shape-$size.mmd}"); done
        session=""
        if [ "$1" = lsp ]; then session=$shape-$size.lsp; fi
        counts+=("$(LSP_SESSION=$session instructions "${args[@]}")")
    done
    local name="growth: $label on the $shape map, $small -> $large"
    if [ -z "${counts[0]}" ] || [ -z "${counts[1]}" ]; then
        fail "$name" "cachegrind counted nothing"
        return
    fi
    local ratio
    ratio=$(awk -v a="${counts[0]}" -v b="${counts[1]}" 'BEGIN { printf "%.1f", b / a }')
    if awk -v r="$ratio" -v bound="$BOUND" 'BEGIN { exit !(r <= bound) }'; then
        pass "$name (${ratio}x)"
    else
        fail "$name" "${ratio}x the instructions for 4x the map (${counts[0]} -> ${counts[1]}); linear is 4x"
    fi
}

commands=(
    "check|check MAP" "lint|lint --today 2026-12-01 MAP" "lint SARIF|lint --format sarif MAP"
    "fmt --check|fmt --check MAP" "flow|flow MAP" "diff|diff MAP MAP"
    "the full picture|MAP" "the spine|--view spine MAP" "the canvas|--view canvas MAP"
    "the blueprint|--view blueprint MAP" "the flow view|--view flow MAP"
    "JSON|-f json MAP" "Markdown|-f md MAP" "HTML|-f html MAP" "CSV|-f csv MAP"
    "the language server (open, semantic tokens, outline, formatting)|lsp"
)
for shape in wide:1000:4000 people:500:2000 spine:1000:4000; do
    IFS=: read -r name small large <<< "$shape"
    python3 "$JRN_ROOT/tests/growth/generate.py" "$name" "$small" "$name-$small.jrn"
    python3 "$JRN_ROOT/tests/growth/generate.py" "$name" "$large" "$name-$large.jrn"
    for size in "$small" "$large"; do
        python3 "$JRN_ROOT/tests/growth/lsp_session.py" "$name-$size.jrn" > "$name-$size.lsp"
    done
    for entry in "${commands[@]}"; do
        # shellcheck disable=SC2086  # the command's words
        grows "$name" "$small" "$large" "${entry%%|*}" ${entry#*|}
    done
done
# The shapes' own views: the wide stage alone, the canvas as one persona lives it.
grows wide 1000 4000 "the stage view" --view stage=s MAP
grows wide 1000 4000 "the journey view" --view journey=j MAP
grows wide 1000 4000 "the canvas for a persona" --view canvas --persona walker MAP
grows people 500 2000 "the canvas for a persona" --view canvas --persona p0 MAP
# Mermaid's journeys imported: many sections and tasks of one title.
for size in 1000 4000; do python3 "$JRN_ROOT/tests/growth/generate.py" titles "$size" "titles-$size.mmd"; done
grows titles 1000 4000 "import mermaid" import mermaid MMD
