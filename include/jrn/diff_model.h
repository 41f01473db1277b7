/* diff_model.h — `jrnc diff`'s API: what changed between two resolved journey maps
 * (elements matched by id, changes ranked by what they mean for the customer), and the
 * renderers of that list. */
#ifndef JRN_DIFF_MODEL_H
#define JRN_DIFF_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/diff_change.h"
#include "jrn/model.h"
#include "jrn/strbuf.h"

/* Compares two models. Everything is allocated in arena. */
jrn_model_diff diff_models(jrn_arena *arena, const jrn_model *old_model, const jrn_model *new_model);

/* Appends a value for people: "(none)", "yes", a quoted text, "-1 (unhappy)", ids joined
 * by ", ". For Markdown, ids are code spans and texts are escaped. */
void diff_append_value(jrn_strbuf *out, const jrn_change_value *value, bool as_md);
/* Appends text with Markdown's markup characters backslash-escaped. */
void diff_append_md_text(jrn_strbuf *out, const char *text);

/* Renderers: text for terminals, Markdown for a pull-request comment, JSON for tools.
 * old_name and new_name are the files compared. */
void diff_emit_text(const jrn_model_diff *diff, jrn_strbuf *out);
void diff_emit_md(const jrn_model_diff *diff, const char *old_name, const char *new_name,
                          jrn_strbuf *out);
void diff_emit_json(const jrn_model_diff *diff, const char *old_name, const char *new_name,
                      jrn_strbuf *out);

#endif
