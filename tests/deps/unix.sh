#!/usr/bin/env bash
# Installs what tests/suites/unix.sh needs on a fresh Debian machine, as root: groff and
# mandoc to lint and render the man page, man-db for `man -l`, zsh to parse the zsh
# completion, and bash-completion so the bash completion is tried as users load it.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends groff mandoc man-db zsh bash-completion clang make
