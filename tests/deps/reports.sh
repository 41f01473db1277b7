#!/bin/sh
# Installs what the reports suite needs on a fresh Debian machine: Debian's chromium
# (headless screenshots and DOM dumps of the HTML report), python3 with jsonschema (JSON
# Schema validation of -f json) and a font so screenshots have real glyphs.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$missing python3 python3-jsonschema"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
[ -z "$missing" ] && exit 0
echo "Installing reports test dependencies:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
