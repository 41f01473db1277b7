" Vim compiler file for jrnc: `:make` runs `jrnc lint` on the current file
" and reads its GCC-style diagnostics into the quickfix list.
" Set g:jrnc_program to use a jrnc that is not on PATH.

if exists('current_compiler')
  finish
endif
let current_compiler = 'jrnc'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' . escape(get(g:, 'jrnc_program', 'jrnc'), ' \|"') . '\ lint\ %:S'

" map.jrn:12:5: error: unknown property 'chanel' on touchpoint; did you mean 'channel'?
"    12 |     chanel: web
"       |     ^~~~~~
" map.jrn:3:1: note: first declared here
" map.jrn:40:3: warning: stage 'renewal' has no touchpoint [empty-stage]
" jrnc: error: cannot open 'nope.jrn'
" The quoted source line and caret under each diagnostic are dropped.
CompilerSet errorformat=
      \%f:%l:%c:\ %trror:\ %m,
      \%f:%l:%c:\ %tarning:\ %m,
      \%f:%l:%c:\ %tote:\ %m,
      \%f:%l:\ %trror:\ %m,
      \%f:%l:\ %tarning:\ %m,
      \%f:%l:\ %tote:\ %m,
      \jrnc:\ %trror:\ %m,
      \%f:\ %trror:\ %m,
      \%-G\ %#%\\d%#\ \|%.%#,
      \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
