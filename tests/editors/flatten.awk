# Scrambles the indentation of a .jrn file outside text blocks: odd lines
# get five extra spaces, even lines lose theirs. Lines that begin inside a
# """text block""" are left alone, since their indentation is text.
{
    line = $0
    if (!inside) {
        sub(/^[ \t]+/, "", line)
        if (NR % 2) line = "     " line
    }
    print line
    n = gsub(/"""/, "&", $0)
    if (n % 2) inside = !inside
}
