" Vim indent file for jrnc journey maps (*.jrn).
" A line is indented one 'shiftwidth' deeper than the statement holding the
" innermost open `{` or `[`; a line that closes it lines up with that
" statement; a line continuing a statement (the one before ends with `,`,
" `->` or `:`) gets one more level. Lines inside a """text block""" are
" left as they are, since their indentation is part of the text, and so
" are comments lined up with a comment at the end of the line above.

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=GetJrnIndent(v:lnum)
setlocal indentkeys=0{,0},0],!^F,o,O
setlocal nolisp nosmartindent autoindent

let b:undo_indent = 'setlocal indentexpr< indentkeys< lisp< smartindent< autoindent<'
      \ . ' | unlet! b:jrn_text_block_states'

if exists('*GetJrnIndent')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

function! s:UsesSyntax() abort
  return get(b:, 'current_syntax', '') ==# 'jrn' && exists('g:syntax_on')
endfunction

" True when line lnum begins inside a text block.
function! s:StartsInTextBlock(lnum) abort
  return a:lnum > 1 && get(s:TextBlockStates(), a:lnum, 0)
endfunction

" For each line, whether it begins inside a text block, from one scan of
" the buffer. Re-indenting changes only
" leading whitespace, which cannot open or close a text block, so the scan
" is kept until other text changes.
function! s:TextBlockStates() abort
  let cache = get(b:, 'jrn_text_block_states', {'tick': -1, 'key': '', 'states': []})
  if cache.tick == b:changedtick
    return cache.states
  endif
  let key = substitute("\n" . join(getline(1, '$'), "\n"), '\n[ \t]\+', "\n", 'g')
  if key !=# cache.key
    let states = [0, 0]
    let inside = 0
    for line in getline(1, '$')
      let inside = s:Scan(line, inside)[1]
      call add(states, inside)
    endfor
    let cache.key = key
    let cache.states = states
  endif
  let cache.tick = b:changedtick
  let b:jrn_text_block_states = cache
  return cache.states
endfunction

" Strips comments and the contents of strings and text blocks from a line
" that begins inside a text block or not; returns [code, ends inside,
" byte index of the comment or -1].
function! s:Scan(line, inside) abort
  let code = ''
  let inside = a:inside
  let i = 0
  while 1
    if inside
      let close = stridx(a:line, '"""', i)
      if close < 0
        return [code, 1, -1]
      endif
      let code .= '""'
      let i = close + 3
      let inside = 0
    endif
    let j = match(a:line, '["#]', i)
    if j < 0
      return [code . strpart(a:line, i), 0, -1]
    endif
    let code .= strpart(a:line, i, j - i)
    if a:line[j] ==# '#'
      return [code, 0, j]
    elseif strpart(a:line, j, 3) ==# '"""'
      let inside = 1
      let i = j + 3
    else
      " a one-line string, up to its closing quote or the end of the line
      let code .= '""'
      let i = matchend(a:line, '"\%([^"\\]\|\\.\)*"\=', j)
    endif
  endwhile
endfunction

function! s:Code(lnum) abort
  return s:Scan(getline(a:lnum), s:StartsInTextBlock(a:lnum))[0]
endfunction

" The nearest line above lnum that holds code (not blank, not only a
" comment, not inside a text block), or 0.
function! s:PrevCodeLine(lnum) abort
  let lnum = prevnonblank(a:lnum - 1)
  while lnum > 0 && s:Code(lnum) !~# '\S'
    let lnum = prevnonblank(lnum - 1)
  endwhile
  return lnum
endfunction

" True when line lnum is a comment lined up with the comment that ends a
" line of code above it, directly or through more such lines:
"   use "std/spines/b2b"   # stages: awareness, consideration,
"                          # decision, onboarding, ...
function! s:AlignedComment(lnum) abort
  let line = getline(a:lnum)
  if line !~# '^\s*#'
    return 0
  endif
  let column = strdisplaywidth(matchstr(line, '^\s*'))
  let above = a:lnum - 1
  while above > 0 && getline(above) =~# '^\s*#'
        \ && strdisplaywidth(matchstr(getline(above), '^\s*')) == column
    let above -= 1
  endwhile
  if above < 1 || getline(above) =~# '^\s*\%(#\|$\)' || s:StartsInTextBlock(above)
    return 0
  endif
  let comment = s:Scan(getline(above), 0)[2]
  return comment > 0 && strdisplaywidth(strpart(getline(above), 0, comment)) == column
endfunction

function! s:Continues(lnum) abort
  return s:Code(a:lnum) =~# '\%(,\|->\|:\)\s*$'
endfunction

" The first line of the statement that line lnum belongs to, found by
" walking back over continued lines and text blocks.
function! s:StatementStart(lnum) abort
  let lnum = a:lnum
  while lnum > 1 && s:StartsInTextBlock(lnum)
    let lnum -= 1
  endwhile
  let prev = s:PrevCodeLine(lnum)
  while prev > 0 && s:Continues(prev)
    let lnum = prev
    while lnum > 1 && s:StartsInTextBlock(lnum)
      let lnum -= 1
    endwhile
    let prev = s:PrevCodeLine(lnum)
  endwhile
  return lnum
endfunction

" Skip brackets inside comments and strings.
function! s:InCommentOrString() abort
  if s:UsesSyntax()
    return synIDattr(synID(line('.'), col('.'), 0), 'name') =~# '^jrn\%(Comment\|Todo\|Directive\|String\|TextBlock\|Escape\)'
  endif
  let before = getline('.')[: col('.') - 1]
  let code = s:Scan(before, s:StartsInTextBlock(line('.')))[0]
  return code !~# '[{}[\]]$'
endfunction

" The nearest line above lnum that starts a declaration in column 1, or 1:
" no bracket before it is still open (in a file indented down to lnum, as
" when indenting from the top), so the search for one can stop there.
function! s:TopLevelAbove(lnum) abort
  call cursor(a:lnum, 1)
  let found = search(s:top_level, 'bW')
  while found > 0 && s:StartsInTextBlock(found)
    let found = search(s:top_level, 'bW')
  endwhile
  call cursor(a:lnum, 1)
  return max([found, 1])
endfunction
let s:top_level = '^\%(use\|map\|extend\|segment\|persona\|team\|channel\|stage\|touchpoint\|journey\|metric\|kpi\)\>\%(\s*:\)\@!'

function! GetJrnIndent(lnum) abort
  if s:StartsInTextBlock(a:lnum) || s:AlignedComment(a:lnum)
    return -1
  endif
  let view = winsaveview()
  let stop = s:TopLevelAbove(a:lnum)
  let [open_lnum, open_col] = searchpairpos('[{[]', '', '[]}]', 'bW',
        \ 's:InCommentOrString()', stop)
  let opener = open_lnum > 0 ? getline(open_lnum)[open_col - 1] : ''
  call winrestview(view)

  let base = open_lnum > 0 ? indent(s:StatementStart(open_lnum)) + shiftwidth() : 0
  let code = s:Code(a:lnum)
  if code =~# '^\s*[]}]'
    return max([base - shiftwidth(), 0])
  endif
  if opener !=# '['
    let prev = s:PrevCodeLine(a:lnum)
    if prev > 0 && prev >= open_lnum && s:Continues(prev)
      return base + shiftwidth()
    endif
  endif
  return base
endfunction

let &cpo = s:cpo_save
unlet s:cpo_save
