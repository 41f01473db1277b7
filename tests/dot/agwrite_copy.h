/* agwrite_copy.h — a dot_doc written by libcgraph's agwrite, for comparison with dot_write. */
#ifndef AGWRITE_COPY_H
#define AGWRITE_COPY_H

#include <stdbool.h>

#include "jrn/dot_doc.h"
#include "jrn/strbuf.h"

/* Appends agwrite's text of a libcgraph copy of doc to out; false if agwrite failed. */
bool agwrite_copy(const dot_doc *doc, jrn_strbuf *out);
/* Writes doc with jrnc's dot_write into ours and through agwrite_copy into theirs; true
 * when agwrite succeeded and the two texts are the same bytes. */
bool agwrite_copy_agrees(const dot_doc *doc, jrn_strbuf *ours, jrn_strbuf *theirs);

#endif
