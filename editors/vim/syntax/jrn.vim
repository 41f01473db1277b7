" Vim syntax file for jrnc journey maps (*.jrn).
" Language:    jrn (the journey-map language compiled by jrnc)
" Follows the lexical rules of the jrn language reference.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match

" Ordering matters: when two matches start at the same column, Vim picks the
" one defined last. Reserved words are matches, not keywords, because a
" keyword would beat the property-name match below (`channel: web`).

" Punctuation.
syn match jrnDelimiter ","
syn match jrnDelimiter ":"
syn match jrnArrow "->"
syn match jrnRangeOp "\.\."

" Blocks; transparent so their contents keep their own highlighting, and
" foldable with 'foldmethod' set to syntax.
syn region jrnBlock matchgroup=jrnBrace start="{" end="}" transparent fold
syn region jrnHopProps matchgroup=jrnBracket start="\[" end="\]" transparent

" Enumerated values and the emotion scale's labels.
syn match jrnValue "\<\%(higher\|lower\|daily\|weekly\|monthly\|quarterly\|yearly\|direct\|indirect\|digital\|human\|physical\|frustrated\|unhappy\|neutral\|pleased\|delighted\)\>"

" Flags: identifiers that stand alone in a block.
syn match jrnFlag "\<\%(truth\|backstage\|support\|pain\|delight\)\>"

" Reserved words. A declaration keyword is followed by the declared name.
syn match jrnInclude "\<use\>"
syn match jrnKeyword "\<\%(extend\|in\|for\)\>"
syn match jrnKind "\<\%(map\|segment\|persona\|team\|channel\|stage\|touchpoint\|journey\|metric\|kpi\)\>" nextgroup=jrnDeclName skipwhite
syn match jrnDeclName "\h\w*" contained

" Property names: any identifier before a colon, declaration keywords
" included (`channel: web`); use, map, extend, in and for never are.
syn match jrnProperty "\<\%(\%(use\|map\|extend\|in\|for\)\>\)\@!\h\w*\ze\s*:"

" Numbers, most general first so the more specific forms win.
syn match jrnNumber "\w\@1<!-\=\d\+\>"
syn match jrnFloat "\w\@1<!-\=\d\+\.\d\+\>"
syn match jrnPercent "\w\@1<!-\=\d\+\%(\.\d\+\)\=%"
syn match jrnDuration "\w\@1<!-\=\d\+\%(\.\d\+\)\=\%(min\|mo\|h\|d\|w\|y\)\>"
syn match jrnDate "\<\d\{4}-\d\d-\d\d\>"

" Strings: one line with escapes, or text blocks over several lines.
syn match jrnEscapeError "\\." contained
syn match jrnEscape "\\[\"\\nt]" contained
syn match jrnEscape "\\u{\x\{1,6}}" contained
syn region jrnString start=+"+ skip=+\\\\\|\\"+ end=+"+ oneline contains=jrnEscapeError,jrnEscape,@Spell
" A text block has no escapes: a backslash is a backslash.
syn region jrnTextBlock matchgroup=jrnTextBlockDelim start=+"""+ end=+"""+ contains=@Spell fold

" Comments, with task markers and `# jrnc: disable=RULE` directives.
syn keyword jrnTodo TODO FIXME XXX contained
syn match jrnDirective "\%(#\s*\)\@<=jrnc:\s*\a[[:alnum:]_-]*\%(=\S*\)\=" contained
syn match jrnComment "#.*$" contains=jrnTodo,jrnDirective,@Spell

" Text blocks span lines; files are small, so sync from the start.
syn sync fromstart

hi def link jrnComment        Comment
hi def link jrnTodo           Todo
hi def link jrnDirective      PreProc
hi def link jrnInclude        Include
hi def link jrnKeyword        Keyword
hi def link jrnKind           Structure
hi def link jrnDeclName       Function
hi def link jrnProperty       Identifier
hi def link jrnFlag           StorageClass
hi def link jrnValue          Constant
hi def link jrnString         String
hi def link jrnTextBlock      String
hi def link jrnTextBlockDelim String
hi def link jrnEscape         SpecialChar
hi def link jrnEscapeError    Error
hi def link jrnNumber         Number
hi def link jrnFloat          Float
hi def link jrnPercent        Number
hi def link jrnDuration       Number
hi def link jrnDate           Number
hi def link jrnArrow          Operator
hi def link jrnRangeOp        Operator
hi def link jrnDelimiter      Delimiter
hi def link jrnBrace          Delimiter
hi def link jrnBracket        Delimiter

let b:current_syntax = 'jrn'

let &cpo = s:cpo_save
unlet s:cpo_save
