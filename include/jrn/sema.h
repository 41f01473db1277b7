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

/* One declaration as written, with the element it declares (or, for extend, its target).
 * The syntax tree is parsed item by item and let go (see sema_syntax.c), so decl is set
 * only while its item is in memory: always for extends, metrics and what they nest, and
 * for a declaration while its members are applied or when an extend targets it. */
typedef struct sema_decl {
    jrn_ast_decl *decl;
    jrn_element *element;
} sema_decl;

/* A declaration as the loading parse met it: its element made but not yet declared, for
 * files are declared in load order (what a file uses before the file) once all are read. */
typedef struct sema_outline_entry {
    jrn_element *element;        /* for a map, a stand-in holding its id, title and spans */
    jrn_ast_decl *decl;          /* its syntax when kept (a metric's), else NULL */
    jrn_span keyword_span;
    uint32_t parent;             /* the enclosing declaration's entry, or SEMA_NO_PARENT */
    bool has_in_clause;
    bool is_declared;
} sema_outline_entry;

#define SEMA_NO_PARENT UINT32_MAX

/* One file's declarations in order (nested ones after their parent), and its extends. */
typedef struct sema_file_outline {
    sema_outline_entry *outlines;
    size_t outline_count;
    jrn_ast_decl **extends;      /* kept syntax */
    size_t extend_count;
} sema_file_outline;

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
    bool input_changed;               /* a file changed on disk between two of its reads */
    jrn_namespace names[KIND_COUNT];
    sema_file_outline *file_outlines; /* per model file, from loading until declaring */
    sema_decl *decls;                 /* declarations (not extends), in order */
    size_t decl_count;
    sema_decl *extends;
    size_t extend_count;
    struct sema_journey_scratch *journey_scratch;  /* sema_journeys.c's, while chains are read */
    uint64_t *set_slots[KIND_COUNT];  /* per element index: which single properties are set */
    uint8_t *is_extended[KIND_COUNT]; /* per element index: an extend targets it */
    size_t plain_decl_count;          /* decls not nested in an extend: they lead the array */
    jrn_arena *kept_syntax;           /* the items sema keeps (see sema_decl), until dispose */
    bool arrays_settled;              /* the model arrays moved from the heap into the arena */
    /* One pass (sema_one_pass.c): each item declared and applied as the loading parse
     * meets it, for a map that never needs a name before it is declared. */
    bool one_pass;
    bool one_pass_given_up;           /* the map needs the two passes: compile.c starts again */
    bool emotion_scale_used;          /* an emotion value was checked against the scale */
    struct sema_property_index *properties;  /* sema_properties.c's */
    struct sema_deferred_item *deferred;  /* items naming what comes later: applied at the end */
    size_t deferred_count;
    unsigned char *element_snapshot;  /* an item's elements as declared, while it is applied */
    size_t element_snapshot_size;
} jrn_sema;

/* sema.c */
void sema_init(jrn_sema *sema, jrn_arena *arena, jrn_diag_list *diags,
               const jrn_compile_options *options);
void sema_dispose(jrn_sema *sema);
/* Runs every phase after loading; true when the model is free of errors. */
bool sema_resolve(jrn_sema *sema);
/* The phases after every declaration is declared and applied: structure, journeys, checks. */
bool sema_complete(jrn_sema *sema);

/* sema_syntax.c: the files' syntax, parsed again once every name is declared, one item at
 * a time (a whole map's tree would cost ten times its text). */
/* Parses every loaded file in load order into take(); an item it keeps lives until
 * sema_dispose. False (reported, input_changed set) when a file changed on disk since it
 * was loaded: then what take() saw may not be what loading saw. */
bool sema_walk_items(jrn_sema *sema, bool (*take)(void *data, jrn_ast_item *item), void *data);
/* Copies a written value list into the model's arena (extensions keep values as written). */
const jrn_ast_value *sema_copy_values(jrn_sema *sema, const jrn_ast_value *values);

/* sema_load.c */
/* Loads the prelude (unless disabled) and the root source with everything it uses.
 * False when some file could not be parsed. */
bool sema_load_root(jrn_sema *sema, const jrn_source *root);

/* sema_declare.c */
/* Outlines one item the loading parse met; true when its syntax is to be kept. */
bool sema_outline_item(jrn_sema *sema, sema_file_outline *file, jrn_ast_item *item);
void sema_free_outlines(sema_file_outline *file);
/* The size of the model struct of an element of kind. */
size_t sema_element_size(jrn_kind kind);
/* Declares a file's outlined declarations in order. */
void sema_declare_outlines(jrn_sema *sema, sema_file_outline *file);
void sema_declare_all(jrn_sema *sema);
/* Declares every file's extends (once every plain declaration is declared): finds their
 * targets and declares what they nest, after the plain declarations' records. */
void sema_declare_extends(jrn_sema *sema);
/* Once all is declared: model arrays in source order, into the arena, with side tables. */
void sema_settle_declarations(jrn_sema *sema);
/* Frees the model arrays still on the heap (a compilation that stopped before settling). */
void sema_free_unsettled(jrn_sema *sema);

/* sema_members.c */
void sema_apply_all_members(jrn_sema *sema);
/* Applies what extends nest (records from plain_decl_count on), then what they set. */
void sema_apply_extensions(jrn_sema *sema);
/* Applies one item's declarations, declared as sema->decls[first_record] on (one pass). */
void sema_apply_item(jrn_sema *sema, jrn_ast_decl *decl, size_t first_record);
/* The emotion metric's scale, once it is applied, is what emotion: values are checked against. */
void sema_adopt_emotion_scale(jrn_sema *sema);

/* sema_one_pass.c */
/* Declares and applies what the loading parse just outlined into file (item), or gives up
 * (one_pass_given_up) when the map is not one a single pass gets right. True when the
 * item's syntax is to be kept (it is applied at the end). */
bool sema_one_pass_take(jrn_sema *sema, sema_file_outline *file, jrn_ast_item *item);
void sema_one_pass_dispose(jrn_sema *sema);
/* Gives up the single pass: the compilation starts again with two. */
void sema_one_pass_give_up(jrn_sema *sema);
/* After loading: true when the single pass built the model exactly as two would have
 * (nothing reported, nothing given up); the model is then ready for sema_complete. */
bool sema_one_pass_finish(jrn_sema *sema);

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
                        const jrn_ast_value *value, sema_value *out);

/* sema_resolve_name.c */
/* Finds id among declarations of kind, or reports it at span (with a did-you-mean, or
 * "'x' is a persona, not a channel") and returns NULL. what: "channel" in "unknown channel". */
jrn_element *sema_lookup(jrn_sema *sema, jrn_kind kind, const char *id, jrn_span span);

/* sema_journeys.c */
/* Reads the step chains one declaration of journey (its own or an extend) writes. */
void sema_read_journey_chains(jrn_sema *sema, jrn_journey *journey, const jrn_ast_decl *decl);
/* Once the spine is final: marks the hops that loop back, settles each start. */
void sema_finish_journeys(jrn_sema *sema);
void sema_free_journey_scratch(jrn_sema *sema);
/* Takes back the scratch marks of the steps and hops journey has: before its chains are
 * read again from the start. */
void sema_forget_journey_marks(jrn_sema *sema, const jrn_journey *journey);

/* sema_finalize.c */
void sema_finalize_structure(jrn_sema *sema);
void sema_check_model(jrn_sema *sema);

#endif
