/* svg_gradient_ids.c — gradient ids numbered from 0 in every picture (svg_gradient_ids.h). */
#include "jrn/svg_gradient_ids.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* One kind of gradient: its letter and the first number its definitions use in the
 * picture. Graphviz counts each kind up by one per gradient, so a picture's definitions
 * are base, base + 1, ... */
typedef struct svg_gradient_kind {
    char letter;
    bool seen;
    unsigned long base;
} svg_gradient_kind;

/* At text: "l_N" or "r_N" followed by the end of the reference (closing); its kind and
 * number, and where the number ends. */
static svg_gradient_kind *svg_gradient_at(const char *text, svg_gradient_kind *kinds, unsigned long *number,
                                          const char **end)
{
    svg_gradient_kind *kind = text[0] == 'l' ? &kinds[0] : text[0] == 'r' ? &kinds[1] : NULL;
    if (kind == NULL || text[1] != '_' || !isdigit((unsigned char)text[2])) return NULL;
    char *after;
    *number = strtoul(text + 2, &after, 10);
    if (*after != '"' && *after != ')') return NULL;
    *end = after;
    return kind;
}

/* The first definition of each kind sets its base. */
static void svg_gradient_bases(const char *text, svg_gradient_kind *kinds)
{
    static const char definition[] = "Gradient id=\"";
    for (const char *at = strstr(text, definition); at != NULL; at = strstr(at + 1, definition)) {
        unsigned long number;
        const char *end;
        svg_gradient_kind *kind = svg_gradient_at(at + sizeof definition - 1, kinds, &number, &end);
        if (kind != NULL && !kind->seen) {
            kind->seen = true;
            kind->base = number;
        }
    }
}

void svg_number_gradients(jrn_strbuf *svg, size_t from)
{
    if (from >= svg->length) return;
    svg_gradient_kind kinds[2] = {{'l', false, 0}, {'r', false, 0}};
    const char *text = strbuf_text(svg) + from;
    svg_gradient_bases(text, kinds);
    if ((!kinds[0].seen || kinds[0].base == 0) && (!kinds[1].seen || kinds[1].base == 0)) return;
    jrn_strbuf renumbered = STRBUF_INIT;
    const char *copied = text;
    for (const char *at = text; (at = strpbrk(at, "\"#")) != NULL; at++) {
        /* only an id's value or a url(#...) reference: never text a user wrote */
        bool reference = *at == '"' ? at - text >= 3 && memcmp(at - 3, "id=", 3) == 0
                                    : at - text >= 4 && memcmp(at - 4, "url(", 4) == 0;
        unsigned long number;
        const char *end;
        svg_gradient_kind *kind = reference ? svg_gradient_at(at + 1, kinds, &number, &end) : NULL;
        if (kind == NULL || !kind->seen || number < kind->base) continue;
        strbuf_append(&renumbered, copied, (size_t)(at + 2 - copied));
        strbuf_printf(&renumbered, "_%lu", number - kind->base);
        copied = end;
        at = end - 1;
    }
    strbuf_puts(&renumbered, copied);
    svg->length = from;
    strbuf_append(svg, strbuf_text(&renumbered), renumbered.length);
    strbuf_free(&renumbered);
}
