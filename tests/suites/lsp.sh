#!/usr/bin/env bash
# jrnc lsp, the language server, driven by real clients: the protocol library VS Code's
# language client is built on (tests/lsp/protocol-test.js, every method and its errors),
# raw bytes no client sends (tests/lsp/raw-test.js: malformed JSON, bad headers, a message
# over the limit, NUL bytes, an enormous line), the VS Code extension's client set-up
# (tests/lsp/vscode-extension-test.js), Neovim's built-in client
# (tests/lsp/nvim-test.lua) and Emacs eglot (tests/lsp/eglot-test.el).
# Needs node with tests/lsp/node_modules, nvim, emacs and elpa-eglot (tests/deps/lsp.sh).
set -u
# shellcheck source=tests/lib.sh
. "$JRN_ROOT/tests/lib.sh"
dir=$JRN_ROOT/tests/lsp
tmp=${TMP_DIR:?}

"$JRNC" lsp --help | grep -q 'Language Server Protocol' && pass "lsp --help" || fail "lsp --help" "no help text"
expect_exit_output "lsp refuses a file argument" 2 "takes no file" "$JRNC" lsp map.jrn

# run_client NAME LOG COMMAND...: runs a client script that prints PASS/FAIL lines; a
# script that dies before its cases is a failure with its output.
run_client() {
    local name=$1 log=$2; shift 2
    timeout 300 "$@" </dev/null >"$tmp/$name.out" 2>"$log"
    local status=$?
    cat "$tmp/$name.out"
    if ! grep -q '^\(PASS\|FAIL\): ' "$tmp/$name.out" || { [ "$status" -ne 0 ] && ! grep -q '^FAIL: ' "$tmp/$name.out"; }; then
        fail "$name: client script" "exit status $status; its output:" "$(tail -n 30 "$log")"
    fi
}

if ! have node; then
    skip "lsp protocol" "node is not installed: run tests/deps/lsp.sh"
elif [ ! -d "$dir/node_modules/vscode-languageserver-protocol" ]; then
    skip "lsp protocol" "tests/lsp/node_modules is missing: run npm ci --prefix tests/lsp"
else
    run_client protocol "$tmp/protocol.log" node "$dir/protocol-test.js"
    run_client raw "$tmp/raw.log" node "$dir/raw-test.js"
    run_client vscode-extension "$tmp/vscode-extension.log" node "$dir/vscode-extension-test.js"
fi

if have nvim; then
    mkdir -p "$tmp/nvim"
    TMP_DIR=$tmp/nvim timeout 300 nvim --headless -u NONE -i NONE -n -c "luafile $dir/nvim-test.lua" \
        </dev/null >"$tmp/nvim.log" 2>&1
    status=$?
    if [ -s "$tmp/nvim/nvim-results.txt" ]; then
        cat "$tmp/nvim/nvim-results.txt"
    else
        fail "nvim: test script" "exit status $status; its output:" "$(tail -n 30 "$tmp/nvim.log")"
    fi
else
    skip "nvim" "neovim is not installed: run tests/deps/lsp.sh"
fi

if have emacs && [ -e /usr/lib/emacsen-common/packages/install/elpa-eglot ]; then
    mkdir -p "$tmp/eglot"
    TMP_DIR=$tmp/eglot run_client eglot "$tmp/eglot.log" emacs -Q --batch -l "$dir/eglot-test.el"
else
    skip "eglot" "emacs or elpa-eglot is not installed: run tests/deps/lsp.sh"
fi
exit 0
