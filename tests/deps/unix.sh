#!/usr/bin/env bash
# Installs what tests/suites/unix.sh and the suites around it need on a fresh Debian
# machine: groff and mandoc to lint and render the man page, man-db for `man -l`, zsh to
# parse the zsh completion, bash-completion so the bash completion is tried as users load
# it, clang for the fuzzer, valgrind for the memcheck suites, git (diff as a git driver),
# patch (fmt --diff applies), script(1) (colour on a terminal) and strace (hostile's cases
# on how -o writes: the temporary's name, the DOT's parts).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/deps/lib.sh"
deps_install_missing groff=groff mandoc=mandoc man=man-db zsh=zsh \
    /usr/share/bash-completion/bash_completion=bash-completion clang=clang make=make \
    valgrind=valgrind git=git patch=patch script=bsdutils strace=strace
