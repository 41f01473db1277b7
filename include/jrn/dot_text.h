/* dot_text.h — user text made safe for Graphviz: escaped, XML-clean, wrapped and shortened. */
#ifndef JRN_DOT_TEXT_H
#define JRN_DOT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/strbuf.h"

/* Graphviz's DOT scanner rejects quoted strings of about 16 KB, so no attribute value
 * jrnc writes may come near it. Every text is shortened (with an ellipsis) to fit. */
#define DOT_TEXT_ATTRIBUTE_LIMIT 12000u

/* The ellipsis that ends a shortened text. */
#define DOT_TEXT_ELLIPSIS "\xE2\x80\xA6"

/* Appends text for a plain (escString) attribute such as a tooltip: each backslash
 * written four times (dot unescapes quoted strings twice), '&', '<' and '>' as entities,
 * line ends as Graphviz's "\n", characters XML forbids replaced. At most byte_limit bytes
 * are appended; a longer text is cut at a character boundary and ends with an ellipsis. */
void dot_text_plain(jrn_strbuf *out, const char *text, size_t byte_limit);

/* Appends text inside an HTML-like label: & < > " as entities, backslashes doubled
 * (Graphviz expands \N, \G... there too), white space runs as one space, characters XML
 * forbids replaced; shortened to byte_limit like dot_text_plain. */
void dot_text_html(jrn_strbuf *out, const char *text, size_t byte_limit);

/* Appends text inside an HTML-like label, wrapped at word boundaries into lines of at
 * most line_width characters joined by line_break ("<BR/>", or a left-aligned break);
 * beyond max_lines the last line ends with an ellipsis. Words longer than a line are
 * split. */
void dot_text_html_wrapped(jrn_strbuf *out, const char *text, size_t line_width,
                           size_t max_lines, const char *line_break);

/* Bidirectional embeddings, overrides and isolates that a user text opens and leaves open
 * would reorder the picture's own text after it on the line ("+2 (best" + an override +
 * ")"). Appends (raw, no escaping needed) the controls that close them. dot_text_plain,
 * dot_text_html and dot_text_html_wrapped close their own text; a raw text composed of
 * user pieces and jrnc's words calls this after each user piece. */
void dot_text_close_bidi(jrn_strbuf *out, const char *text);

/* True when text is NULL or holds nothing but white space. */
bool dot_text_is_blank(const char *text);

/* Appends a number the way a person writes it: "2", "-1", "4.5", "0.25". */
void dot_text_number(jrn_strbuf *out, double value);

#endif
