/* mermaid_read.h — reading Mermaid `journey` diagrams (a .mmd file, or each ```mermaid
 * journey block of a Markdown file) as Mermaid's own grammar reads them, with located
 * errors where Mermaid would refuse the text and warnings where it would silently draw
 * something that is almost certainly a mistake. */
#ifndef JRN_MERMAID_READ_H
#define JRN_MERMAID_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/diag.h"
#include "jrn/source.h"

typedef struct mermaid_task {
    const char *name;            /* trimmed; never empty */
    jrn_span span;               /* the task's name */
    bool has_score;              /* false when the score is not a number */
    double score;                /* 1..5 (a score outside is warned about and clamped) */
    const char **actors;         /* trimmed, non-empty, as written (repeats too) */
    size_t actor_count;
} mermaid_task;

typedef struct mermaid_section {
    const char *name;            /* trimmed; NULL for the tasks before any section */
    jrn_span span;               /* the section line */
    mermaid_task *tasks;
    size_t task_count;
} mermaid_section;

typedef struct mermaid_journey {
    const char *title;           /* title, else front matter's title:, else NULL */
    const char *acc_title;       /* accTitle: ..., or NULL */
    const char *acc_descr;       /* accDescr: ... or accDescr { ... }, or NULL */
    jrn_span span;               /* the `journey` keyword */
    mermaid_section *sections;
    size_t section_count;
} mermaid_journey;

typedef struct mermaid_document {
    mermaid_journey *journeys;   /* one for a .mmd file; one per journey block of Markdown */
    size_t journey_count;
} mermaid_document;

/* Reads source: Markdown when it has a ```mermaid (or ~~~mermaid) fence, else one Mermaid
 * diagram. Results in arena. Returns false after reporting an error into diags (the first
 * place Mermaid's parser would stop at); warnings are reported either way. */
bool mermaid_read(jrn_arena *arena, const jrn_source *source, mermaid_document *document,
                  jrn_diag_list *diags);

#endif
