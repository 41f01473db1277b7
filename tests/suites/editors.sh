#!/usr/bin/env bash
# runner: once   (the editor engines do not run jrnc)
# Editor support (editors/): Vim, Emacs and VS Code's TextMate engine
# highlight, indent and lint .jrn files, checked with the real engines.
# Needs vim, emacs and node with tests/editors/node_modules (see
# tests/deps/editors.sh); a missing tool is a SKIP. Does not need jrnc: a
# stand-in (tests/editors/fixtures/fake-jrnc) plays `jrnc lint`.
set -u
# shellcheck source=tests/lib.sh
. "$JRN_ROOT/tests/lib.sh"
dir=$JRN_ROOT/tests/editors
tmp=${TMP_DIR:?}

# The indentation cases re-indent a scrambled copy of indent.jrn.
awk -f "$dir/flatten.awk" "$dir/indent.jrn" >"$tmp/indent-flat.jrn"

# engine_failed NAME STATUS LOG: report an engine that died before its cases.
engine_failed() {
    fail "$1: test script" "exit status $2; its output:" "$(sed 's/^/  /' "$3" | tail -n 30)"
}

if have vim; then
    rm -f "$tmp/vim-results.txt"
    JRN_ROOT=$JRN_ROOT TMP_DIR=$tmp timeout 120 \
        vim -Nu NONE -i NONE -es -S "$dir/vim_test.vim" </dev/null >"$tmp/vim.log" 2>&1
    status=$?
    if [ -s "$tmp/vim-results.txt" ]; then
        cat "$tmp/vim-results.txt"
    else
        engine_failed vim "$status" "$tmp/vim.log"
    fi
else
    skip "vim" "vim is not installed: run tests/deps/editors.sh"
fi

if have emacs; then
    JRN_ROOT=$JRN_ROOT TMP_DIR=$tmp timeout 120 \
        emacs -Q --batch -l "$dir/emacs-test.el" </dev/null >"$tmp/emacs.out" 2>"$tmp/emacs.log"
    status=$?
    cat "$tmp/emacs.out"
    if [ "$status" -ne 0 ] || ! grep -q '^\(PASS\|FAIL\): ' "$tmp/emacs.out"; then
        engine_failed emacs "$status" "$tmp/emacs.log"
    fi
else
    skip "emacs" "emacs is not installed: run tests/deps/editors.sh"
fi

if ! have node; then
    skip "vscode" "node is not installed: run tests/deps/editors.sh"
elif [ ! -d "$dir/node_modules/vscode-textmate" ] || [ ! -d "$dir/node_modules/vscode-oniguruma" ]; then
    skip "vscode" "tests/editors/node_modules is missing: run npm ci --prefix tests/editors"
else
    JRN_ROOT=$JRN_ROOT timeout 120 node "$dir/vscode-test.js" </dev/null >"$tmp/vscode.out" 2>"$tmp/vscode.log"
    status=$?
    cat "$tmp/vscode.out"
    if [ "$status" -ne 0 ] || ! grep -q '^\(PASS\|FAIL\): ' "$tmp/vscode.out"; then
        engine_failed vscode "$status" "$tmp/vscode.log"
    fi
fi
exit 0
