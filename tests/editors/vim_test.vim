" Headless Vim test of editors/vim, run by tests/suites/editors.sh as
"   vim -Nu NONE -i NONE -es -S tests/editors/vim_test.vim
" It reads JRN_ROOT and TMP_DIR from the environment and writes one
" PASS:/FAIL: line per case (explanations indented below) to
" $TMP_DIR/vim-results.txt.

set nocompatible
let s:root = $JRN_ROOT
let s:tmp = $TMP_DIR
let &runtimepath = s:root . '/editors/vim,' . &runtimepath
filetype plugin indent on
syntax on

let s:results = []

function! s:Report(name, errors) abort
  if empty(a:errors)
    call add(s:results, 'PASS: vim: ' . a:name)
  else
    call add(s:results, 'FAIL: vim: ' . a:name)
    call extend(s:results, map(copy(a:errors), '"  " . v:val'))
  endif
endfunction

" Runs a case function and turns a Vim error into a failure.
function! s:Run(name, func) abort
  try
    call s:Report(a:name, call(a:func, []))
  catch
    call s:Report(a:name, ['error: ' . v:exception . ' at ' . v:throwpoint])
  endtry
endfunction

" Column of the nth match of text on line lnum; text that begins with a
" word character must begin a word there (and end one, if it ends with one).
function! s:Col(lnum, text, ...) abort
  let nth = a:0 ? a:1 : 1
  let pattern = '\V' . (a:text =~# '^\w' ? '\<' : '') . escape(a:text, '\')
        \ . (a:text =~# '^\w\(.*\w\)\=$' ? '\>' : '')
  let col = match(getline(a:lnum), pattern, 0, nth)
  if col < 0
    throw printf('%s (match %d) not found on line %d', string(a:text), nth, a:lnum)
  endif
  return col + 1
endfunction

" Checks the syntax group and its final highlight group at the first and
" last character of text on line lnum; appends any mismatch to errors.
function! s:Expect(errors, lnum, text, group, final, ...) abort
  let first = s:Col(a:lnum, a:text, a:0 ? a:1 : 1)
  for col in [first, first + len(a:text) - 1]
    let id = synID(a:lnum, col, 1)
    let got = [synIDattr(id, 'name'), synIDattr(synIDtrans(id), 'name')]
    if got != [a:group, a:final]
      call add(a:errors, printf('line %d col %d (%s): expected %s -> %s, got %s -> %s: %s',
            \ a:lnum, col, a:text, a:group, a:final, got[0], got[1], getline(a:lnum)))
    endif
  endfor
endfunction

function! s:Equal(errors, what, expected, got) abort
  if a:expected !=# a:got
    call add(a:errors, printf('%s: expected %s, got %s', a:what, string(a:expected), string(a:got)))
  endif
endfunction

execute 'edit ' . fnameescape(s:root . '/tests/editors/sample.jrn')

function! s:Detection() abort
  let e = []
  call s:Equal(e, 'filetype', 'jrn', &filetype)
  call s:Equal(e, 'b:current_syntax', 'jrn', get(b:, 'current_syntax', ''))
  return e
endfunction

function! s:Comments() abort
  let e = []
  call s:Equal(e, 'commentstring', '# %s', &l:commentstring)
  call s:Equal(e, 'comments', ':#', &l:comments)
  call s:Equal(e, 'suffixesadd', '.jrn', &l:suffixesadd)
  call s:Equal(e, 'shiftwidth', 2, &l:shiftwidth)
  call s:Equal(e, 'expandtab', 1, &l:expandtab)
  return e
endfunction

function! s:CommentHighlight() abort
  let e = []
  call s:Expect(e, 1, '# Post-sales journeys', 'jrnComment', 'Comment')
  call s:Expect(e, 3, '# stages: onboarding', 'jrnComment', 'Comment')
  call s:Expect(e, 2, 'TODO', 'jrnTodo', 'Todo')
  call s:Expect(e, 2, 'FIXME', 'jrnTodo', 'Todo')
  call s:Expect(e, 2, 'XXX', 'jrnTodo', 'Todo')
  call s:Expect(e, 2, 'add the', 'jrnComment', 'Comment')
  call s:Expect(e, 53, 'jrnc: disable=undeclared-loop', 'jrnDirective', 'PreProc')
  call s:Expect(e, 53, '#', 'jrnComment', 'Comment')
  return e
endfunction

function! s:Keywords() abort
  let e = []
  call s:Expect(e, 3, 'use', 'jrnInclude', 'PreProc')
  call s:Expect(e, 5, 'map', 'jrnKind', 'Type')
  call s:Expect(e, 16, 'segment', 'jrnKind', 'Type')
  call s:Expect(e, 19, 'team', 'jrnKind', 'Type')
  call s:Expect(e, 22, 'metric', 'jrnKind', 'Type')
  call s:Expect(e, 26, 'persona', 'jrnKind', 'Type')
  call s:Expect(e, 26, 'in', 'jrnKeyword', 'Statement')
  call s:Expect(e, 32, 'extend', 'jrnKeyword', 'Statement')
  call s:Expect(e, 32, 'stage', 'jrnKind', 'Type')
  call s:Expect(e, 36, 'touchpoint', 'jrnKind', 'Type')
  call s:Expect(e, 44, 'kpi', 'jrnKind', 'Type')
  call s:Expect(e, 54, 'journey', 'jrnKind', 'Type')
  call s:Expect(e, 54, 'for', 'jrnKeyword', 'Statement')
  " declared names
  call s:Expect(e, 5, 'acme', 'jrnDeclName', 'Identifier')
  call s:Expect(e, 32, 'onboarding', 'jrnDeclName', 'Identifier')
  call s:Expect(e, 36, 'admin_training', 'jrnDeclName', 'Identifier')
  " a reference is not a keyword: `in_app`-like identifiers stay plain
  call s:Expect(e, 55, 'certify', '', '')
  return e
endfunction

function! s:Properties() abort
  let e = []
  call s:Expect(e, 6, 'owner', 'jrnProperty', 'Identifier')
  call s:Expect(e, 13, 'x_custom', 'jrnProperty', 'Identifier')
  call s:Expect(e, 6, ':', 'jrnDelimiter', 'Special')
  " reserved words and flags followed by `:` are property names
  call s:Expect(e, 37, 'channel', 'jrnProperty', 'Identifier')
  call s:Expect(e, 38, 'persona', 'jrnProperty', 'Identifier')
  call s:Expect(e, 29, 'pain', 'jrnProperty', 'Identifier')
  call s:Expect(e, 48, 'delight', 'jrnProperty', 'Identifier')
  " hop properties in a step chain
  call s:Expect(e, 55, 'rate', 'jrnProperty', 'Identifier')
  call s:Expect(e, 55, 'after', 'jrnProperty', 'Identifier')
  for s:word in ['serves', 'evidence', 'fail', 'wait']
    call s:Expect(e, 69, s:word, 'jrnProperty', 'Identifier')
  endfor
  return e
endfunction

function! s:FlagsAndValues() abort
  let e = []
  call s:Expect(e, 42, 'truth', 'jrnFlag', 'Type')
  call s:Expect(e, 43, 'backstage', 'jrnFlag', 'Type')
  call s:Expect(e, 68, 'support', 'jrnFlag', 'Type')
  call s:Expect(e, 49, 'pain', 'jrnFlag', 'Type')
  call s:Expect(e, 22, 'higher', 'jrnValue', 'Constant')
  call s:Expect(e, 39, 'direct', 'jrnValue', 'Constant')
  call s:Expect(e, 40, 'frustrated', 'jrnValue', 'Constant')
  call s:Expect(e, 44, 'quarterly', 'jrnValue', 'Constant')
  return e
endfunction

function! s:Strings() abort
  let e = []
  call s:Expect(e, 3, '"std/spines/post_sales"', 'jrnString', 'Constant')
  call s:Expect(e, 5, '"Acme post-sales"', 'jrnString', 'Constant')
  call s:Expect(e, 13, 'tab', 'jrnString', 'Constant')
  call s:Expect(e, 13, '\t', 'jrnEscape', 'Special')
  call s:Expect(e, 13, '\"', 'jrnEscape', 'Special')
  call s:Expect(e, 13, '\\', 'jrnEscape', 'Special')
  call s:Expect(e, 13, '\n', 'jrnEscape', 'Special')
  call s:Expect(e, 13, '\u{1F600}', 'jrnEscape', 'Special')
  call s:Expect(e, 13, ' and backslash ', 'jrnString', 'Constant')
  " property and keyword look-alikes inside a string stay string
  call s:Expect(e, 44, 'Untrained admins', 'jrnString', 'Constant')
  return e
endfunction

function! s:TextBlocks() abort
  let e = []
  call s:Expect(e, 9, '"""', 'jrnTextBlockDelim', 'Constant')
  call s:Expect(e, 10, 'How customers', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 10, 'year:', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 11, '"adoption"', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 11, 'training,', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 12, '"""', 'jrnTextBlockDelim', 'Constant')
  " highlighting resumes after the block
  call s:Expect(e, 13, 'x_custom', 'jrnProperty', 'Identifier')
  " a one-line text block: no escapes, inner quotes are text
  call s:Expect(e, 60, '"""', 'jrnTextBlockDelim', 'Constant')
  call s:Expect(e, 60, '"""', 'jrnTextBlockDelim', 'Constant', 2)
  call s:Expect(e, 60, 'C:', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 60, '\new', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 60, '"raw"', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 60, 'text', 'jrnTextBlock', 'Constant')
  call s:Expect(e, 60, '}', 'jrnBrace', 'Special')
  return e
endfunction

function! s:Numbers() abort
  let e = []
  call s:Expect(e, 7, '3', 'jrnNumber', 'Constant')
  call s:Expect(e, 8, '2026-09-30', 'jrnDate', 'Constant')
  call s:Expect(e, 22, '0%', 'jrnPercent', 'Constant')
  call s:Expect(e, 22, '..', 'jrnRangeOp', 'Statement')
  call s:Expect(e, 22, '100%', 'jrnPercent', 'Constant')
  call s:Expect(e, 23, '-2', 'jrnNumber', 'Constant')
  call s:Expect(e, 23, '..', 'jrnRangeOp', 'Statement')
  call s:Expect(e, 23, '2', 'jrnNumber', 'Constant', 2)
  call s:Expect(e, 24, '1', 'jrnNumber', 'Constant')
  call s:Expect(e, 24, '5', 'jrnNumber', 'Constant')
  call s:Expect(e, 34, '-1', 'jrnNumber', 'Constant')
  call s:Expect(e, 41, '4.5', 'jrnFloat', 'Constant')
  call s:Expect(e, 44, '85%', 'jrnPercent', 'Constant')
  call s:Expect(e, 55, '2d', 'jrnDuration', 'Constant')
  call s:Expect(e, 56, '30min', 'jrnDuration', 'Constant')
  call s:Expect(e, 56, '4h', 'jrnDuration', 'Constant')
  call s:Expect(e, 57, '3w', 'jrnDuration', 'Constant')
  call s:Expect(e, 57, '6mo', 'jrnDuration', 'Constant')
  call s:Expect(e, 57, '1y', 'jrnDuration', 'Constant')
  call s:Expect(e, 60, '0d', 'jrnDuration', 'Constant')
  call s:Expect(e, 60, '..', 'jrnRangeOp', 'Statement')
  call s:Expect(e, 60, '90d', 'jrnDuration', 'Constant')
  call s:Expect(e, 61, '1.5h', 'jrnDuration', 'Constant')
  return e
endfunction

function! s:Punctuation() abort
  let e = []
  call s:Expect(e, 55, '->', 'jrnArrow', 'Statement')
  call s:Expect(e, 55, '->', 'jrnArrow', 'Statement', 2)
  call s:Expect(e, 55, '[', 'jrnBracket', 'Special')
  call s:Expect(e, 55, ']', 'jrnBracket', 'Special')
  call s:Expect(e, 55, ',', 'jrnDelimiter', 'Special')
  call s:Expect(e, 5, '{', 'jrnBrace', 'Special')
  call s:Expect(e, 14, '}', 'jrnBrace', 'Special')
  return e
endfunction

" gf and :checkpath follow `use` paths, with or without the .jrn suffix.
function! s:UsePaths() abort
  let e = []
  call writefile(['use "common"   # no suffix', 'use "other.jrn"', 'stage a "A"'], s:tmp . '/uses.jrn')
  call writefile(['team x "X"'], s:tmp . '/common.jrn')
  call writefile(['team y "Y"'], s:tmp . '/other.jrn')
  execute 'edit ' . fnameescape(s:tmp . '/uses.jrn')
  redir => listing
  silent checkpath!
  redir END
  let listing = substitute(listing, '\n', ' | ', 'g')
  for name in ['common.jrn', 'other.jrn']
    if listing !~# '\V' . name
      call add(e, name . ' missing from :checkpath!: ' . string(listing))
    endif
  endfor
  if listing =~# 'NOT FOUND'
    call add(e, ':checkpath! found a use it cannot follow: ' . string(listing))
  endif
  call cursor(1, 7)
  normal! gf
  call s:Equal(e, 'gf on the first use', 'common.jrn', expand('%:t'))
  bwipeout! uses.jrn common.jrn
  return e
endfunction

" Words that merely contain a reserved word, and bad escapes.
function! s:LookAlikes() abort
  let e = []
  new
  setlocal filetype=jrn
  call setline(1, ['touchpoint t2 "T" { channel: in_app  note: "bad \q escape" }',
        \ 'stage_x mapping x2 a-1 -2d',
        \ 'for: x  in : y  persona:z'])
  call s:Expect(e, 1, 't2', 'jrnDeclName', 'Identifier')
  call s:Expect(e, 1, 'in_app', '', '')
  call s:Expect(e, 1, '\q', 'jrnEscapeError', 'Error')
  call s:Expect(e, 2, 'stage_x', '', '')
  call s:Expect(e, 2, 'mapping', '', '')
  call s:Expect(e, 2, 'x2', '', '')
  call s:Expect(e, 2, '-2d', 'jrnDuration', 'Constant')
  " use, map, extend, in and for are never property names
  call s:Expect(e, 3, 'for', 'jrnKeyword', 'Statement')
  call s:Expect(e, 3, 'in', 'jrnKeyword', 'Statement')
  call s:Expect(e, 3, 'persona', 'jrnProperty', 'Identifier')
  bwipeout!
  return e
endfunction

function! s:Folding() abort
  let e = []
  setlocal foldmethod=syntax
  call s:Equal(e, 'fold level of the map body (line 6)', 1, foldlevel(6))
  call s:Equal(e, 'fold level inside a touchpoint (line 37)', 2, foldlevel(37))
  call s:Equal(e, 'fold level at top level (line 16)', 0, foldlevel(16))
  setlocal foldmethod=manual
  return e
endfunction

" gg=G leaves the well-indented sample alone: text blocks, comments lined
" up under a trailing comment, one-line blocks.
function! s:IndentKeepsSample() abort
  let e = []
  execute 'edit! ' . fnameescape(s:root . '/tests/editors/sample.jrn')
  let before = getline(1, '$')
  normal! gg=G
  let after = getline(1, '$')
  edit!
  for i in range(len(before))
    if before[i] !=# get(after, i, '<none>')
      call add(e, printf('line %d: %s became %s', i + 1, string(before[i]), string(get(after, i, '<none>'))))
    endif
  endfor
  return e
endfunction

" Re-indents $TMP_DIR/indent-flat.jrn (tests/editors/indent.jrn with its
" indentation scrambled outside text blocks) and compares.
function! s:Indent(syntax) abort
  let e = []
  let expected = readfile(s:root . '/tests/editors/indent.jrn')
  execute 'edit! ' . fnameescape(s:tmp . '/indent-flat.jrn')
  if !a:syntax
    syntax off
  endif
  call s:Equal(e, 'indentexpr', 'GetJrnIndent(v:lnum)', &l:indentexpr)
  if getline(1, '$') ==# expected
    call add(e, 'the scrambled input is already indented: the test would prove nothing')
  endif
  normal! gg=G
  let got = getline(1, '$')
  if !a:syntax
    syntax on
  endif
  bwipeout!
  for i in range(max([len(expected), len(got)]))
    let want = get(expected, i, '<none>')
    let have = get(got, i, '<none>')
    if want !=# have
      call add(e, printf('line %d: expected %s', i + 1, string(want)))
      call add(e, printf('line %d:      got %s', i + 1, string(have)))
    endif
  endfor
  return e
endfunction

function! s:IndentWithSyntax() abort
  return s:Indent(1)
endfunction

function! s:IndentWithoutSyntax() abort
  return s:Indent(0)
endfunction

function! s:Errorformat() abort
  let e = []
  enew
  setlocal filetype=jrn
  call s:Equal(e, 'current_compiler', 'jrnc', get(b:, 'current_compiler', ''))
  call s:Equal(e, 'makeprg', 'jrnc lint %:S', &l:makeprg)
  " parse with the buffer's 'errorformat', as :make does
  let parsed = getqflist({'lines': readfile(s:root . '/tests/editors/fixtures/diagnostics.txt'),
        \ 'efm': &l:errorformat}).items
  let items = map(filter(parsed, 'v:val.valid'),
        \ '[bufname(v:val.bufnr), v:val.lnum, v:val.col, v:val.type, v:val.text]')
  call s:Equal(e, 'quickfix entries', [
        \ ['map.jrn', 12, 5, 'e', "unknown property 'chanel' on touchpoint; did you mean 'channel'?"],
        \ ['map.jrn', 3, 1, 'n', 'first declared here'],
        \ ['map.jrn', 40, 3, 'w', "stage 'renewal' has no touchpoint [empty-stage]"],
        \ ], items)
  bwipeout!
  return e
endfunction

" :make runs the (fake) jrnc lint on the file and fills the quickfix list.
function! s:Make() abort
  let e = []
  let file = s:tmp . '/make.jrn'
  call writefile(['stage a {', '  chanel: web', '}', '# end'], file)
  execute 'edit ' . fnameescape(file)
  let g:jrnc_program = s:root . '/tests/editors/fixtures/fake-jrnc'
  unlet! b:current_compiler current_compiler
  compiler jrnc
  call s:Equal(e, 'makeprg', g:jrnc_program . ' lint %:S', &l:makeprg)
  silent make!
  let items = map(filter(getqflist(), 'v:val.valid'),
        \ '[fnamemodify(bufname(v:val.bufnr), ":t"), v:val.lnum, v:val.col, v:val.type]')
  call s:Equal(e, 'quickfix entries', [
        \ ['make.jrn', 2, 3, 'e'], ['make.jrn', 1, 1, 'n'], ['make.jrn', 4, 1, 'w'],
        \ ['post_sales.jrn', 4, 1, 'w']], items)
  unlet g:jrnc_program
  bwipeout!
  return e
endfunction

call s:Run('filetype detected for *.jrn', 's:Detection')
call s:Run('commentstring, comments and suffixesadd', 's:Comments')
call s:Run('comments with TODO markers and jrnc directives', 's:CommentHighlight')
call s:Run('reserved words and declared names', 's:Keywords')
call s:Run('property names, reserved words used as properties', 's:Properties')
call s:Run('flags and enumerated values', 's:FlagsAndValues')
call s:Run('strings and escapes', 's:Strings')
call s:Run('text blocks over several lines', 's:TextBlocks')
call s:Run('numbers, percentages, ranges, dates, durations', 's:Numbers')
call s:Run('arrow, brackets, braces and separators', 's:Punctuation')
call s:Run('look-alike words and bad escapes', 's:LookAlikes')
call s:Run('gf and :checkpath follow use paths', 's:UsePaths')
call s:Run('syntax folding of blocks', 's:Folding')
call s:Run('gg=G leaves the indented sample unchanged', 's:IndentKeepsSample')
call s:Run('gg=G restores the reference indentation', 's:IndentWithSyntax')
call s:Run('gg=G restores the reference indentation without syntax', 's:IndentWithoutSyntax')
call s:Run('errorformat reads jrnc diagnostics', 's:Errorformat')
call s:Run(':make runs jrnc lint into the quickfix list', 's:Make')

call writefile(s:results, s:tmp . '/vim-results.txt')
qall!
