/* sema.h — the semantic passes: load and parse imports, declare names, apply properties,
 * resolve references and journeys, and build the model. Shared by the sema_*.c files. */
#ifndef JRN_SEMA_H
#define JRN_SEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "jrn/ast.h"
#include "jrn/compile_options.h"
#include "jrn/diag.h"
#include "jrn/model.h"
#include "jrn/namespace.h"
#include "jrn/parse.h"
#include "jrn/schema.h"

/* How deep "use" may chain before we call it runaway (a cycle is reported separately). */
#define SEMA_IMPORT_DEPTH_LIMIT 100

/* One declaration as written, with the element it declares (or, for extend, its target). */
typedef struct sema_decl {
    jrn_ast_decl *decl;
    jrn_element *element;
} sema_decl;

/* Which file a loaded source is: by device and inode (known is false for standard input). */
typedef struct sema_file_identity {
    uint64_t device;
    uint64_t inode;
    bool known;
} sema_file_identity;

/* The import stack while loading: for cycle messages. */
typedef struct sema_loading {
    sema_file_identity identity;
    const jrn_source *source;
} sema_loading;

/* The passes: load and parse every file (sema_load.c), declare every name in load order
 * (sema_declare.c), then apply every declaration's members and resolve its references
 * (sema_members.c), then finish the structure and journeys and check the model. */
typedef struct jrn_sema {
    jrn_arena *arena;                 /* the model's */
    jrn_arena *syntax_arena;          /* the syntax trees' */
    jrn_diag_list *diags;
    const jrn_compile_options *options;
    jrn_model *model;
    jrn_ast_file **trees;             /* each file's syntax tree, parallel to model->files */
    sema_file_identity *loaded_identities;  /* parallel to model->files */
    sema_loading *loading;            /* files being loaded, outermost first */
    size_t loading_depth;
    size_t syntax_errors;
    size_t load_errors;               /* missing or unusable imports: resolving would only cascade */
    jrn_namespace names[KIND_COUNT];
    sema_decl *decls;                 /* declarations (not extends), in order */
    size_t decl_count;
    size_t plain_decl_count;          /* decls not nested in an extend: they lead the array */
    sema_decl *extends;
    size_t extend_count;
    jrn_element **replaced;           /* prelude declarations a map's own replaced */
    size_t replaced_count;
    jrn_reference *references;        /* on the heap until dispose moves them into the model */
    size_t reference_count;
    struct sema_journey_scratch *journey_scratch;  /* sema_journeys.c's, while chains are read */
    uint64_t *set_slots[KIND_COUNT];  /* per element index: which single properties are set */
    uint8_t *is_extended[KIND_COUNT]; /* per element index: an extend targets it */
    bool arrays_settled;              /* the model arrays moved from the heap into the arena */
    struct sema_property_index *properties;  /* sema_properties.c's */
} jrn_sema;

/* sema.c */
/* arena holds the model; syntax_arena the syntax trees (they may go once sema is done). */
void sema_init(jrn_sema *sema, jrn_arena *arena, jrn_arena *syntax_arena, jrn_diag_list *diags,
               const jrn_compile_options *options);
void sema_dispose(jrn_sema *sema);
/* Runs every phase after loading; true when the model is free of errors. */
bool sema_resolve(jrn_sema *sema);

/* sema_load.c */
/* Loads the prelude (unless disabled) and the root source with everything it uses.
 * False when some file could not be parsed. */
bool sema_load_root(jrn_sema *sema, const jrn_source *root);

/* sema_declare.c */
/* The size of the model struct of an element of kind. */
size_t sema_element_size(jrn_kind kind);
/* Declares every file's declarations in load order, then every extend's target and what
 * it nests; then settles the model arrays in source order, into the arena. */
void sema_declare_all(jrn_sema *sema);
/* Where span stands in load order: the file's place, then the byte offset. */
uint64_t sema_position_of(const jrn_model *model, jrn_span span);
/* Frees the model arrays still on the heap (a compilation that stopped before settling). */
void sema_free_unsettled(jrn_sema *sema);

/* sema_members.c */
/* Applies every declaration's clauses and members: metrics first (values are checked
 * against their scales), then the rest in declaration order, then what extends set. */
void sema_apply_all_members(jrn_sema *sema);
/* Appends an x_... property to a list of extensions, in the order written. */
void sema_add_extension(jrn_sema *sema, jrn_extension **extensions, const char *name,
                        const jrn_value *values, size_t value_count, jrn_span span);
/* Copies a written value list into the model's arena (extensions keep values as written). */
const jrn_value *sema_copy_values(jrn_sema *sema, const jrn_value *values);

/* sema_properties.c */
void sema_index_properties(jrn_sema *sema);
/* The rule for name on owner (a kind or SCHEMA_HOP), or NULL: schema_find_property, faster. */
const jrn_property_rule *sema_find_property(const jrn_sema *sema, unsigned owner, const char *name);

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
                        const jrn_value *value, sema_value *out);

/* sema_resolve_name.c */
/* Finds id among declarations of kind and records the reference at span, or reports it at
 * span (with a did-you-mean, or "'x' is a persona, not a channel") and returns NULL. */
jrn_element *sema_lookup(jrn_sema *sema, jrn_kind kind, const char *id, jrn_span span);
/* Records that the name written at span resolved to target (jrn_model.references). */
void sema_add_reference(jrn_sema *sema, jrn_span span, const jrn_element *target);

/* sema_journeys.c */
/* Reads the step chains one declaration of journey (its own or an extend) writes. */
void sema_read_journey_chains(jrn_sema *sema, jrn_journey *journey, const jrn_ast_decl *decl);
/* Once the spine is final: marks the hops that loop back, settles each start. */
void sema_finish_journeys(jrn_sema *sema);
void sema_free_journey_scratch(jrn_sema *sema);

/* sema_finalize.c */
void sema_finalize_structure(jrn_sema *sema);
void sema_check_model(jrn_sema *sema);

#endif
