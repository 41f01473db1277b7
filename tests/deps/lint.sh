#!/usr/bin/env bash
# Installs what tests/suites/lint.sh needs on a fresh Debian machine: node, and the
# JSON-schema validator that checks jrnc's SARIF against the official schema (ajv with
# draft-04 support and formats, pinned by tests/lint/validator/package-lock.json).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/deps/lib.sh"
deps_install_missing node=nodejs npm=npm
deps_npm_ci "$root/tests/lint/validator"
