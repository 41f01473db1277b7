/* sema.h — the semantic pass: loads imports, declares names, applies properties, resolves
 * references and journeys, and builds the model. Shared by the sema_*.c files. */
#ifndef JRN_SEMA_H
#define JRN_SEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "jrn/compile.h"
#include "jrn/namespace.h"
#include "jrn/schema.h"

/* How deep "use" may chain before we call it runaway (a cycle is reported separately). */
#define SEMA_IMPORT_DEPTH_LIMIT 100

/* One declaration as written, with the element it declares (or, for extend, its target). */
typedef struct sema_decl {
    jrn_ast_decl *decl;
    jrn_element *element;
} sema_decl;

/* A journey's step chain, kept until every touchpoint is declared. */
typedef struct sema_chain {
    jrn_journey *journey;
    jrn_ast_member *member;
} sema_chain;

/* The import stack while loading: for cycle messages. */
typedef struct sema_loading {
    const char *canonical_path;
    const jrn_source *source;
} sema_loading;

typedef struct jrn_sema {
    jrn_arena *arena;
    jrn_diag_list *diags;
    const jrn_compile_options *options;
    jrn_model *model;
    const char **loaded_paths;        /* canonical paths of model->files, same order */
    sema_loading *loading;            /* files being loaded, outermost first */
    size_t loading_depth;
    size_t syntax_errors;
    size_t load_errors;               /* missing or unusable imports: resolving would only cascade */
    jrn_namespace names[KIND_COUNT];
    sema_decl *decls;                 /* declarations (not extends), in order */
    size_t decl_count;
    sema_decl *extends;
    size_t extend_count;
    sema_chain *chains;
    size_t chain_count;
    uint64_t *set_slots[KIND_COUNT];  /* per element index: which single properties are set */
} jrn_sema;

/* sema.c */
void sema_init(jrn_sema *sema, jrn_arena *arena, jrn_diag_list *diags,
               const jrn_compile_options *options);
void sema_dispose(jrn_sema *sema);
/* Runs every phase after loading; true when the model is free of errors. */
bool sema_resolve(jrn_sema *sema);

/* sema_load.c */
/* Loads the prelude (unless disabled) and the root source with everything it uses.
 * False when some file could not be parsed. */
bool sema_load_root(jrn_sema *sema, const jrn_source *root);

/* sema_declare.c */
void sema_declare_all(jrn_sema *sema);

/* sema_members.c */
void sema_apply_all_members(jrn_sema *sema);

/* sema_values.c: converting an AST value to what a property needs */
typedef struct sema_value {
    const char *text;
    jrn_element *reference;
    double number;
    jrn_date date;
    jrn_scale scale;
    int choice;                      /* 1-based index into the rule's choices */
    jrn_quantity quantity;
    jrn_duration duration;
} sema_value;
/* False after reporting why value does not fit rule (on an element of kind owner). */
bool sema_convert_value(jrn_sema *sema, const jrn_property_rule *rule, const char *owner_label,
                        const jrn_ast_value *value, sema_value *out);

/* sema_resolve_name.c */
/* Finds id among declarations of kind, or reports it at span (with a did-you-mean, or
 * "'x' is a persona, not a channel") and returns NULL. what: "channel" in "unknown channel". */
jrn_element *sema_lookup(jrn_sema *sema, jrn_kind kind, const char *id, jrn_span span);

/* sema_journeys.c */
void sema_build_journeys(jrn_sema *sema);

/* sema_finalize.c */
void sema_finalize_structure(jrn_sema *sema);
void sema_check_model(jrn_sema *sema);

#endif
