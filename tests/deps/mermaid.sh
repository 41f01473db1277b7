#!/usr/bin/env bash
# Installs what tests/suites/mermaid.sh needs on a fresh Debian machine: node, and Mermaid's
# own parser (npm's mermaid, with jsdom for the DOM it expects; pinned by
# tests/mermaid/package-lock.json), which reads every Mermaid journey jrnc writes; python3
# and Debian's chromium, in which Mermaid's renderer draws them (tests/mermaid/render.py).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/deps/lib.sh"
deps_install_missing node=nodejs npm=npm python3=python3 chromium=chromium
deps_npm_ci "$root/tests/mermaid"
