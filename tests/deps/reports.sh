#!/bin/sh
# Installs what the reports suites need on a fresh Debian machine: Debian's chromium
# (headless screenshots and DOM dumps of the HTML report), python3 with jsonschema (JSON
# Schema validation of -f json), a font so screenshots have real glyphs, and node with
# puppeteer-core (pinned by tests/reports/package-lock.json), which drives that chromium to
# measure the report's layout (tests/suites/reports_layout.sh).
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$missing python3 python3-jsonschema"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
# Keep a node that is already there (it may come with its own npm).
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
    echo "Installing reports test dependencies:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi
# puppeteer-core drives the system chromium: it downloads no browser of its own.
npm ci --prefix "$root/tests/reports" --no-audit --no-fund
