/* dot_write.h — a dot_doc written as DOT text, in the layout of libcgraph's agwrite. */
#ifndef JRN_DOT_WRITE_H
#define JRN_DOT_WRITE_H

#include "jrn/dot_doc.h"
#include "jrn/strbuf.h"

/* Appends the whole graph to out. */
void dot_write(const dot_doc *doc, jrn_strbuf *out);

#endif
