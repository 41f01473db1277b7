#!/bin/sh
# Installs what the site suite needs on a fresh Debian machine: python3 (the link crawler),
# procps (pgrep finds a worker to kill),
# Debian's chromium and node with puppeteer-core and axe-core (pinned by
# tests/site/package-lock.json), which load the site's pages headless.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/deps/lib.sh"
deps_install_missing python3=python3 pgrep=procps chromium=chromium node=nodejs npm=npm \
    /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf=fonts-dejavu-core
# puppeteer-core drives the system chromium: it downloads no browser of its own.
deps_npm_ci "$root/tests/site"
