#!/usr/bin/env bash
# Installs what tests/suites/editors.sh needs on a fresh Debian machine: Vim and Emacs
# (terminal builds) and, for the VS Code grammar test, node with the TextMate engine VS
# Code uses (vscode-textmate and vscode-oniguruma, pinned by tests/editors/package-lock.json).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/deps/lib.sh"
deps_install_missing vim=vim emacs=emacs-nox node=nodejs npm=npm
deps_npm_ci "$root/tests/editors"
