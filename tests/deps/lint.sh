#!/usr/bin/env bash
# Installs what tests/suites/lint.sh needs on a fresh Debian machine, as root: node, and
# the JSON-schema validator that checks jrnc's SARIF against the official schema (ajv with
# draft-04 support and formats, pinned by tests/lint/validator/package-lock.json).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
export DEBIAN_FRONTEND=noninteractive

packages=""
# Keep a node that is already there (it may come with its own npm).
command -v node >/dev/null 2>&1 || packages="$packages nodejs"
command -v npm >/dev/null 2>&1 || packages="$packages npm"
if [ -n "$packages" ]; then
    apt-get update
    # shellcheck disable=SC2086
    apt-get install -y --no-install-recommends $packages
fi
npm ci --prefix "$root/tests/lint/validator" --no-audit --no-fund
