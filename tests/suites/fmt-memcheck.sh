#!/usr/bin/env bash
# Valgrind memcheck of jrnc fmt and jrnc diff: no leak and no memory error when rewriting,
# checking, diffing, refusing a broken file, and comparing maps in every format.
# runner: once   (valgrind cannot run the sanitizer build; this suite uses the plain one)
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
if ! have valgrind; then skip "fmt memcheck" "valgrind is missing"; exit 0; fi

# Runs here include broken and unreadable files: exit 0, 1 or 2 is theirs; valgrind decides.
MEMCHECK_MAX_STATUS=2

cases="$JRN_ROOT/tests/fmt/cases"
diffs="$JRN_ROOT/tests/diff"
cp "$cases/comments.jrn" rewrite.jrn
memcheck "fmt in place" "$JRNC" fmt rewrite.jrn
memcheck "fmt --check --diff" "$JRNC" fmt --check --diff "$cases/layout.jrn" "$cases/strings.jrn"
memcheck "fmt a file with errors" "$JRNC" fmt --check "$JRN_ROOT/tests/check/errors/syntax-errors.jrn"
MEMCHECK_INPUT="$JRN_ROOT/examples/b2b_logistics.jrn" memcheck "fmt standard input" "$JRNC" fmt -
for format in text md json; do
    memcheck "diff --format $format" "$JRNC" diff --format "$format" "$diffs/base.jrn" "$diffs/cases/most-consequential/new.jrn"
done
memcheck "diff every kind of change" "$JRNC" diff "$diffs/base.jrn" "$diffs/cases/stage-removed/new.jrn"
MEMCHECK_INPUT="$diffs/base.jrn" memcheck "diff from standard input" "$JRNC" diff - "$diffs/cases/definitions/new.jrn"
memcheck "diff a map with errors" "$JRNC" diff "$diffs/base.jrn" "$JRN_ROOT/tests/check/errors/wrong-kind.jrn"
memcheck "diff an unreadable file" "$JRNC" diff "$TMP_DIR/missing.jrn" "$diffs/base.jrn"
