#!/bin/sh
# Installs what the flow and data suites need on a fresh Debian machine: python3 (the exact
# fractions reference, JSON and CSV checks, the 10,000-step generator), python3-jsonschema
# (the schema of -f json --data) and graphviz (dot draws the --data and --view flow DOT).
set -e
missing=""
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$missing python3-jsonschema"
command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
[ -z "$missing" ] && exit 0
echo "Installing flow and data test dependencies:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
