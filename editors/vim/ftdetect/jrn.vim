" Vim filetype detection for jrnc journey maps (*.jrn).
autocmd BufNewFile,BufRead *.jrn setfiletype jrn
