/* terminal_text.h — the one way any user string is made safe to print on a terminal. */
#ifndef JRN_TERMINAL_TEXT_H
#define JRN_TERMINAL_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "jrn/strbuf.h"

/* Appends text with every character that could drive a terminal or forge a line shown
 * escaped, in the language's own spelling: newline, tab and carriage return as \n, \t,
 * \r; other C0 controls, DEL, C1 controls (ESC, CSI, OSC...), bidirectional controls and
 * the line and paragraph separators as \u{1B}; an invalid UTF-8 byte as \xFF. Everything
 * else, backslashes included, is kept as it is. */
void terminal_text_put(jrn_strbuf *out, const char *text, size_t length);
/* The same for a NUL-terminated string. */
void terminal_text_puts(jrn_strbuf *out, const char *text);
/* The length in bytes of the bidirectional control, mark or line or paragraph separator
 * that text (NUL-terminated) starts with, else 0: the characters that make a reader see
 * text in another order or on other lines than it is written. */
size_t terminal_text_invisible_control_length(const char *text);
/* Writes text to stream the same way. */
void terminal_text_print(FILE *stream, const char *text);

#endif
