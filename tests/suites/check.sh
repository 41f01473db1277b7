#!/usr/bin/env bash
# jrnc check: valid maps check clean; each mistake gives exit 1 and exactly the expected
# located diagnostics (tests/check/errors/NAME.jrn beside NAME.expected).
# UPDATE=1 rewrites the .expected files from the current output (review the diff!).
source "$JRN_ROOT/tests/lib.sh"
cd "$JRN_ROOT/tests/check" || exit 1

# Diagnostics name the stdlib by its absolute path: make it machine-independent.
stdlib_dir=$("$JRNC" --print-stdlib-dir)
normalise() { sed "s|$stdlib_dir|\$STDLIB|g"; }

for file in "$JRN_ROOT"/examples/*.jrn valid/*.jrn; do
    name="valid: ${file#"$JRN_ROOT"/}"
    args=()
    case "$file" in *no-prelude*) args=(--no-prelude) ;; esac
    out=$("$JRNC" check "${args[@]}" "$file" 2>&1); status=$?
    if [ "$status" -eq 0 ] && [ -z "$out" ]; then pass "$name"; else fail "$name" "exit $status" "$out"; fi
done

for file in errors/*.jrn; do
    base=${file%.jrn}
    name="error: $(basename "$base")"
    raw=$(cd errors && "$JRNC" check "$(basename "$file")" 2>&1); status=$?
    out=$(printf '%s\n' "$raw" | normalise)
    expect_golden "$name" 1 "$status" "$out" "$base.expected"
done
