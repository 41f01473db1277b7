#!/bin/sh
# What tests/suites/dot.sh needs on a fresh Debian machine: Graphviz's dot (with the cairo
# renderers for png/pdf), xmllint to check SVG, python3 to read texts out of SVG, and
# fonts so dot measures and draws text the same everywhere.
set -e
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    graphviz libxml2-utils python3 fonts-liberation fonts-dejavu-core
