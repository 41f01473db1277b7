/* mermaid_jrn.h — a Mermaid journey document (mermaid_read.h) written as a .jrn map. */
#ifndef JRN_MERMAID_JRN_H
#define JRN_MERMAID_JRN_H

#include "jrn/mermaid_read.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Writes document as a map in jrnc fmt's canonical layout: sections as stages, tasks as
 * touchpoints (scores as emotions, actors as personas), and per actor of each diagram a
 * journey through their tasks in order. Ids come from titles, made unique and kept clear
 * of the keywords and of every id the prelude declares (prelude may be NULL). origin
 * names the file in the header comment. */
void mermaid_write_jrn(const mermaid_document *document, const char *origin, const jrn_model *prelude,
                       jrn_strbuf *out);

#endif
