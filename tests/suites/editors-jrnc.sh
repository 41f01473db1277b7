#!/usr/bin/env bash
# The editors against the real jrnc: Vim's :make (compiler/jrnc.vim) reads `jrnc lint`'s
# real diagnostics on the worked example into the quickfix list, and the VS Code problem
# matcher's pattern matches every diagnostic line jrnc prints.
source "$JRN_ROOT/tests/lib.sh"
cd "$TMP_DIR" || exit 1
example="$JRN_ROOT/examples/acme_post_sales.jrn"
cp "$example" acme.jrn

if have vim; then
    cat > make.vim <<VIM
set nocompatible
let &runtimepath = '$JRN_ROOT/editors/vim,' . &runtimepath
filetype plugin on
let g:jrnc_program = '$JRNC'
edit acme.jrn
compiler jrnc
silent make
let s:lines = []
for s:item in getqflist()
  if s:item.valid
    call add(s:lines, s:item.lnum . ':' . s:item.col . ':' . s:item.type . ':' . s:item.text)
  endif
endfor
call writefile(s:lines, 'quickfix.txt')
qall!
VIM
    timeout 60 vim -Nu NONE -i NONE -es -S make.vim < /dev/null > vim.log 2>&1
    if grep -q "^72:13:w:.*recertify -> customize.*\[undeclared-loop\]" quickfix.txt 2>/dev/null \
        && grep -q ":w:stage 'renewal' has no touchpoint \[empty-stage\]" quickfix.txt \
        && grep -q "^43:14:w:.*'adoption'.*\[stage-without-kpi\]" quickfix.txt; then
        pass "vim :make reads jrnc lint's findings into the quickfix list"
    else
        fail "vim :make reads jrnc lint's findings into the quickfix list" "$(cat quickfix.txt vim.log 2>/dev/null)"
    fi
else
    skip "vim :make with jrnc" "vim is not installed"
fi

if have node; then
    "$JRNC" lint "$example" 2> lint.txt
    node - "$JRN_ROOT/editors/vscode/package.json" lint.txt <<'JS' > matcher.txt 2>&1
const fs = require('fs');
const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'jrnc');
const pattern = Array.isArray(matcher.pattern) ? matcher.pattern[0] : matcher.pattern;
const regexp = new RegExp(pattern.regexp);
const lines = fs.readFileSync(process.argv[3], 'utf8').split('\n');
const headers = lines.filter((line) => /^[^ ].*:\d+:\d+: (error|warning|note): /.test(line));
const missed = headers.filter((line) => !regexp.test(line));
console.log(`${headers.length} diagnostics, ${missed.length} missed`);
for (const line of missed) console.log('missed: ' + line);
process.exit(headers.length > 0 && missed.length === 0 ? 0 : 1);
JS
    if [ $? -eq 0 ]; then pass "VS Code problem matcher matches jrnc lint's real output"
    else fail "VS Code problem matcher matches jrnc lint's real output" "$(cat matcher.txt)"; fi
else
    skip "VS Code problem matcher with jrnc" "node is not installed"
fi
