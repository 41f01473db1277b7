/* json_text.h — JSON string literals: the one escaper every JSON writer uses. */
#ifndef JRN_JSON_TEXT_H
#define JRN_JSON_TEXT_H

#include "jrn/strbuf.h"

/* Appends text as a JSON string: quotes, backslashes and control characters escaped,
 * UTF-8 kept as it is, and any byte that is not UTF-8 written as U+FFFD. */
void json_append_string(jrn_strbuf *out, const char *text);

#endif
