# tests/serve/lib.sh — what the watch and serve suites share: polling instead of sleeping,
# and starting and stopping a background jrnc.
# shellcheck shell=bash

# poll_until SECONDS COMMAND...: runs COMMAND every 20 ms until it succeeds (status 0) or
# SECONDS have passed (status 1).
poll_until() {
    local seconds=$1; shift
    local deadline=$((SECONDS + seconds + 1)) start
    start=$(date +%s%N)
    while :; do
        "$@" >/dev/null 2>&1 && return 0
        [ $(( ($(date +%s%N) - start) / 1000000 )) -ge $((seconds * 1000)) ] && return 1
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.02
    done
}

# process_ended PID: PID has exited (gone, or a zombie waiting to be reaped).
process_ended() {
    local state
    state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)
    [ -z "$state" ] || [ "$state" = Z ]
}

# stop_within NAME PID SIGNAL: sends SIGNAL to PID and passes NAME when the process ends
# with status 0 within 5 s.
stop_within() {
    local name=$1 pid=$2 signal=$3 status
    kill "-$signal" "$pid" 2>/dev/null
    if ! poll_until 5 process_ended "$pid"; then
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        fail "$name" "still running 5 s after SIG$signal"
        return
    fi
    wait "$pid"; status=$?
    if [ "$status" -eq 0 ]; then pass "$name"; else fail "$name" "exit $status after SIG$signal, expected 0"; fi
}

# save_by_rename FILE: replaces FILE by a new file renamed over it, as most editors save,
# with standard input as its text.
save_by_rename() {
    cat >"$1.saving~" && mv -f "$1.saving~" "$1"
}

# save_in_place FILE: truncates FILE and writes standard input into it.
save_in_place() {
    cat >"$1"
}
