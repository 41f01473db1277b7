#!/usr/bin/env bash
# Installs what the watch and serve suites need on a fresh Debian machine: curl (requests
# that try to leave the fixed routes), python3 (slow clients, the soak's memory figures),
# Debian's chromium and node with puppeteer-core (pinned by tests/serve/package-lock.json),
# which opens the served page and watches it redraw.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/deps/lib.sh"
deps_install_missing curl=curl python3=python3 chromium=chromium node=nodejs npm=npm
deps_npm_ci "$root/tests/serve"
