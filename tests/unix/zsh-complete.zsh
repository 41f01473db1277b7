#!/usr/bin/env zsh
# zcomplete.zsh FPATH_DIR LINE: runs zsh's own completion at the end of the command line
# LINE ("jrnc ch", "jrnc check --") in a pseudo-terminal, and prints each
# candidate zsh offers, one a line. Exits 2 when completion never finished.
zmodload zsh/zpty || exit 2
fpath_dir=$1 line=$2
setup=$(mktemp "${TMPDIR:-/tmp}/zcomplete.XXXXXX")
trap 'rm -f $setup' EXIT
# Inside the completion, compadd also prints what it adds; a hook marks the end.
cat > $setup <<SETUP
PS1='' PROMPT='' RPROMPT=''
fpath=(${(q)fpath_dir} \$fpath)
autoload -U compinit && compinit -u -D -i
compadd() {
  local -a found
  builtin compadd -O found "\$@"
  print -rl -- \${^found/#/candidate:}
  builtin compadd "\$@"
}
completion_ended() { print -r -- completion-ended; exit }
comppostfuncs=(completion_ended)
SETUP
zpty completion_pty zsh -f -i
zpty -w completion_pty "source ${(q)setup}"
zpty -w -n completion_pty "$line"$'\t'
output=""
for attempt in {1..200}; do
  if zpty -r -t completion_pty chunk 2>/dev/null; then
    output+=$chunk
    [[ $output == *$'\ncompletion-ended'* ]] && break
  else
    sleep 0.05
  fi
done
zpty -d completion_pty
[[ $output == *$'\ncompletion-ended'* ]] || exit 2
print -r -- "${output//$'\r'/}" | sed -n 's/^.*candidate://p' | sort -u
