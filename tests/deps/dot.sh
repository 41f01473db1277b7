#!/usr/bin/env bash
# What tests/suites/dot.sh needs on a fresh Debian machine: Graphviz's dot (with the cairo
# renderers for png/pdf), xmllint to check SVG, python3 to read texts out of SVG, and
# fonts so dot measures and draws text the same everywhere.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/deps/lib.sh"
deps_install_missing dot=graphviz xmllint=libxml2-utils python3=python3 \
    /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf=fonts-liberation \
    /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf=fonts-dejavu-core
