# tests/deps/lib.sh — what every tests/deps/*.sh shares: install only what is missing, so
# `make check` can run them all on every run and costs nothing once a machine has them.

# deps_install_missing NEED...: each NEED is COMMAND=PACKAGE (installed when COMMAND is
# not on PATH) or /PATH=PACKAGE (installed when the file does not exist). One apt-get run
# for all that is missing; none when nothing is.
deps_install_missing() {
    local missing="" need what package
    for need in "$@"; do
        what=${need%%=*} package=${need#*=}
        case "$what" in
            /*) [ -e "$what" ] && continue ;;
            *) command -v "$what" >/dev/null 2>&1 && continue ;;
        esac
        case " $missing " in *" $package "*) ;; *) missing="$missing $package" ;; esac
    done
    [ -z "$missing" ] && return 0
    echo "Installing test dependencies:$missing"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing
}

# deps_npm_ci DIR: installs DIR's node packages as its package-lock.json pins them, unless
# they are installed already from that same lock file.
deps_npm_ci() {
    local dir=$1
    if [ -f "$dir/node_modules/.package-lock.json" ] &&
       [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        return 0
    fi
    npm ci --prefix "$dir" --no-audit --no-fund
}
