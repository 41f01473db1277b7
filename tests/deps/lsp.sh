#!/usr/bin/env bash
# Installs what tests/suites/lsp.sh needs on a fresh Debian machine: node with the LSP
# client library VS Code's language client is built on (vscode-languageserver-protocol,
# pinned by tests/lsp/package-lock.json), Neovim (its built-in LSP client) and Emacs with
# eglot (Debian's elpa-eglot).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/deps/lib.sh"
deps_install_missing node=nodejs npm=npm nvim=neovim emacs=emacs-nox \
    /usr/lib/emacsen-common/packages/install/elpa-eglot=elpa-eglot
deps_npm_ci "$root/tests/lsp"
