#!/bin/sh
# seed.sh TARGET CORPUS — fills a fuzz target's corpus folder with the tree's own inputs
# for it and every saved regression of it (make fuzz runs it; see the Makefile).
target=$1 corpus=$2
mkdir -p "$corpus" || exit 1
case $target in
    jrnc)
        cp examples/*.jrn tests/fuzz/regressions/* "$corpus"/ 2>/dev/null
        find tests \( -name '*.jrn' -o -name '*.mmd' \) -size -64k -exec cp {} "$corpus"/ \; 2>/dev/null ;;
    csv)
        cp tests/fuzz/regressions-csv/* "$corpus"/ 2>/dev/null
        find examples tests -name '*.csv' -size -64k -exec cp {} "$corpus"/ \; 2>/dev/null ;;
    diff)
        cp tests/fuzz/regressions-diff/* "$corpus"/ 2>/dev/null
        # Each jrnc diff case: tests/diff/base.jrn as OLD, the case's new.jrn as NEW.
        for case_folder in tests/diff/cases/*/; do
            name=$(basename "$case_folder")
            old="$case_folder/old.jrn"
            [ -f "$old" ] || old=tests/diff/base.jrn
            [ -f "$case_folder/new.jrn" ] || continue
            { cat "$old"; printf '\n==> new <==\n'; cat "$case_folder/new.jrn"; } > "$corpus/case-$name"
        done
        for map in examples/*.jrn; do cp "$map" "$corpus/"; done ;;
esac
exit 0
