#!/usr/bin/env bash
# Installs what tests/suites/editors.sh needs on a fresh Debian machine, as
# root: Vim and Emacs (terminal builds) and, for the VS Code grammar test,
# node with the TextMate engine VS Code uses (vscode-textmate and
# vscode-oniguruma, pinned by tests/editors/package-lock.json).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
export DEBIAN_FRONTEND=noninteractive

packages="vim emacs-nox"
# Keep a node that is already there (it may come with its own npm).
command -v node >/dev/null 2>&1 || packages="$packages nodejs"
command -v npm >/dev/null 2>&1 || packages="$packages npm"

apt-get update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $packages
npm ci --prefix "$root/tests/editors" --no-audit --no-fund
