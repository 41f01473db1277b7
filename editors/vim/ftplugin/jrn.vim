" Vim filetype plugin for jrnc journey maps (*.jrn): comments, `gf` on
" `use` paths, the recommended two-space style and the jrnc compiler.

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal commentstring=#\ %s
setlocal comments=:#
setlocal formatoptions-=t formatoptions+=croql

" `use "../common"` may leave off the .jrn suffix: let gf, [I and
" :checkpath find the file anyway.
let &l:include = '^\s*use\s\+"\zs[^"]\+\ze"'
setlocal suffixesadd=.jrn

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< include< suffixesadd<'

" The reference style indents blocks by two spaces; opt out with
" let g:jrn_recommended_style = 0
if get(g:, 'jrn_recommended_style', 1)
  setlocal expandtab shiftwidth=2 softtabstop=2
  let b:undo_ftplugin .= ' | setlocal expandtab< shiftwidth< softtabstop<'
endif

" :make runs `jrnc lint` on the current file and fills the quickfix list;
" opt out with let g:jrn_no_compiler = 1
if !get(g:, 'jrn_no_compiler', 0) && !exists('b:current_compiler')
  compiler jrnc
  let b:undo_ftplugin .= ' | setlocal makeprg< errorformat< | unlet! b:current_compiler'
endif

let &cpo = s:cpo_save
unlet s:cpo_save
