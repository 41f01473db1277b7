/* lsp.h — the language server's private header: the server's state and what each lsp_*.c
 * file offers the others (framing, documents, positions, analysis, the request handlers). */
#ifndef JRN_LSP_H
#define JRN_LSP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jrn/compile.h"
#include "jrn/strbuf.h"
#include "jrn/values.h"

/* A message bigger than this is read past, not kept: no editor sends a map this big. */
#define LSP_MESSAGE_LIMIT (64u * 1024u * 1024u)

/* JSON-RPC and LSP error codes. */
enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_FAILED = -32803,
    LSP_REQUEST_CANCELLED = -32800,
};

/* How a position's character counts: UTF-16 code units (LSP's default) or UTF-8 bytes. */
typedef enum lsp_encoding { LSP_ENCODING_UTF16, LSP_ENCODING_UTF8 } lsp_encoding;

/* --- lsp_transport.c: Content-Length framing over file descriptors --- */

typedef struct lsp_reader {
    int fd;
    jrn_strbuf buffer;           /* bytes read and not yet consumed start at offset start */
    size_t start;
    bool at_end;                 /* the input is closed (or failed) */
} lsp_reader;

typedef enum lsp_read_status {
    LSP_READ_MESSAGE,            /* body holds one message */
    LSP_READ_BAD_HEADER,         /* a header block without a usable Content-Length: skipped */
    LSP_READ_TOO_LARGE,          /* a message over LSP_MESSAGE_LIMIT: read past */
    LSP_READ_END,                /* the input ended */
} lsp_read_status;

void lsp_reader_init(lsp_reader *reader, int fd);
void lsp_reader_free(lsp_reader *reader);
/* Reads the next framed message's body into body (cleared first). */
lsp_read_status lsp_read_message(lsp_reader *reader, jrn_strbuf *body);
/* True when more input is there to read without waiting. */
bool lsp_input_pending(lsp_reader *reader);
/* Writes message with its Content-Length header; false when the output is gone. */
bool lsp_write_message(int fd, const json_t *message);

/* --- lsp_documents.c: the editor's open documents and file URIs --- */

typedef struct lsp_document {
    char *uri;                   /* exactly as the client sent it */
    char *path;                  /* the file it names (file: URIs), or NULL (untitled:...) */
    char *canonical_path;        /* path without symbolic links, "." and "..", or NULL */
    jrn_strbuf text;
    int64_t version;
    jrn_compilation *analysis;   /* of the current text, or NULL when it must be redone */
    jrn_compilation *last_resolved; /* the newest analysis with a resolved model (may be analysis) */
    const struct jrn_actuals *actuals; /* --data loaded against the analysis (in its arena), or NULL */
    bool diagnostics_due;        /* the text (or a file it uses) changed since the last publish */
    char **published_uris;       /* other files this document's analysis published findings in */
    size_t published_count;
} lsp_document;

typedef struct lsp_documents {
    lsp_document **items;
    size_t count;
} lsp_documents;

lsp_document *lsp_document_open(lsp_documents *documents, const char *uri, const char *text,
                                size_t length, int64_t version);
lsp_document *lsp_document_find(const lsp_documents *documents, const char *uri);
/* The open document whose file is path (as the loader found it), or NULL. */
lsp_document *lsp_document_for_path(const lsp_documents *documents, const char *path);
/* Forgets the document's analyses: its text, or a file it uses, changed. */
void lsp_document_invalidate(lsp_document *document);
void lsp_document_close(lsp_documents *documents, lsp_document *document);
void lsp_documents_free(lsp_documents *documents);
/* The compile options' unsaved-text lookup over the open documents (context: lsp_documents). */
const char *lsp_documents_unsaved_text(void *context, const char *path, size_t *length);
/* The file a file: URI names (percent-decoded, malloc'ed), or NULL for other schemes. */
char *lsp_uri_to_path(const char *uri);
/* The URI of path: an open document's own URI, else file:// and the path percent-encoded
 * (absolute and canonical first). malloc'ed. */
char *lsp_uri_for_path(const lsp_documents *documents, const char *path);
/* path made absolute, without symbolic links (when it exists), "." and "..". malloc'ed. */
char *lsp_canonical_path(const char *path);

/* --- lsp_position.c: byte offsets and LSP positions --- */

/* The byte offset of {line, character} in text, clamped to the line's end and the text's. */
uint32_t lsp_offset_in_text(const char *text, size_t length, uint32_t line, uint32_t character,
                            lsp_encoding encoding);
/* The 0-based line and character of offset in a source. */
void lsp_position_of(const jrn_source *source, uint32_t offset, lsp_encoding encoding, uint32_t *line,
                     uint32_t *character);
/* {line, character} of offset in a source. */
json_t *lsp_position_json(const jrn_source *source, uint32_t offset, lsp_encoding encoding);
json_t *lsp_range_json(jrn_span span, lsp_encoding encoding);
/* The range from the start of text to its end (to replace a document whole). */
json_t *lsp_whole_text_range(const char *text, size_t length, lsp_encoding encoding);
/* The range of [begin, end) in text. */
json_t *lsp_text_range_json(const char *text, size_t length, uint32_t begin, uint32_t end,
                            lsp_encoding encoding);

/* --- lsp_workspace.c: the workspace folders and the maps in them --- */

typedef struct lsp_workspace {
    char **folders;              /* paths of the client's workspace folders */
    size_t folder_count;
} lsp_workspace;

/* The folders of initialize's workspaceFolders (or rootUri). */
void lsp_workspace_initialize(lsp_workspace *workspace, const json_t *params);
/* workspace/didChangeWorkspaceFolders. */
void lsp_workspace_change(lsp_workspace *workspace, const json_t *params);
void lsp_workspace_free(lsp_workspace *workspace);
/* Calls visit with the path of each .jrn file in the folders (bounded in depth and number). */
void lsp_workspace_each_map(const lsp_workspace *workspace, void (*visit)(const char *path, void *context),
                            void *context);

/* --- lsp_server.c: the server --- */

/* Where each lint rule is documented: docs/lint-rules.md beside the standard library (the
 * source tree's, or the copy `make install` puts under share/jrnc), each rule's section by
 * its heading's line. */
typedef struct lsp_rule_doc {
    char *rule;
    unsigned line;               /* 1-based */
} lsp_rule_doc;

typedef struct lsp_rule_docs {
    char *uri;                   /* file: URI of the catalogue, or NULL when it is not there */
    lsp_rule_doc *items;
    size_t count;
} lsp_rule_docs;

typedef struct lsp_server {
    int output_fd;
    lsp_reader reader;
    jrn_compile_options options;   /* the command line's, with the open documents' text */
    const char *const *data_files; /* --data FILE.csv, in order: measured data for lint and hover */
    size_t data_count;
    lsp_encoding encoding;
    lsp_documents documents;
    lsp_workspace workspace;
    jrn_date today;                /* what lint's stale-review measures from */
    lsp_rule_docs rule_docs;       /* the links of the diagnostics' rule codes */
    bool initialized;
    bool shutdown_requested;
    bool exit_requested;
} lsp_server;

/* A failed request: the code and message the error response carries. */
typedef struct lsp_error {
    int code;
    char message[256];
} lsp_error;

/* Sets the error and returns NULL (for handlers: return lsp_fail(...)). */
json_t *lsp_fail(lsp_error *error, int code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
/* A JSON string of text; bytes that are not UTF-8 become U+FFFD (jansson takes only UTF-8). */
json_t *lsp_string(const char *text);
/* Makes every byte of text that is not UTF-8 U+FFFD. */
void lsp_replace_invalid_utf8(jrn_strbuf *text);
/* Sends a notification (steals params). */
void lsp_notify(lsp_server *server, const char *method, json_t *params);

/* The document a request's params.textDocument.uri names, or NULL with error set. */
lsp_document *lsp_params_document(lsp_server *server, const json_t *params, lsp_error *error);
/* The byte offset of params.position in the document's text; false with error set. */
bool lsp_params_offset(lsp_server *server, const lsp_document *document, const json_t *params,
                       uint32_t *offset, lsp_error *error);

/* --- lsp_analysis.c: compiling and linting open documents --- */

/* The document's analysis of its current text (compiled and linted now if it is stale). */
jrn_compilation *lsp_analysis(lsp_server *server, lsp_document *document);
/* The newest resolved model of the document, with the compilation holding it (NULL when the
 * document never resolved): navigation and completion work on while a line is half-typed. */
const jrn_model *lsp_resolved_model(lsp_server *server, lsp_document *document,
                                    const jrn_compilation **compilation);
/* The root source of a compilation (the document's text as it was compiled). */
const jrn_source *lsp_root_source(const jrn_model *model);

/* What a request about a document's names is answered from: its current analysis when the
 * names resolved; while the text does not parse, the newest analysis that did, read through
 * the difference between that text and the current one. The two texts agree on their first
 * prefix bytes and on what follows old_tail in the one and new_tail in the other; what lies
 * between (the edit since) has no counterpart. Fresh, the model's text is the current one. */
typedef struct lsp_basis {
    const jrn_model *model;      /* NULL: no analysis of the document has resolved */
    const jrn_source *root;      /* the model's text of the document */
    const jrn_source *current;   /* the document's current text */
    uint32_t prefix, old_tail, new_tail;
} lsp_basis;

void lsp_basis_get(lsp_server *server, lsp_document *document, lsp_basis *basis);
/* The model's offset for an offset in the current text; false inside the edit. */
bool lsp_basis_offset(const lsp_basis *basis, uint32_t offset, uint32_t *model_offset);
/* A span of the model in the current text (spans in other files as they are); false when
 * it begins or ends inside the edit. */
bool lsp_basis_span(const lsp_basis *basis, jrn_span span, jrn_span *current);
/* The same, an end inside the edit moved to the edit's edge: a range around the edit (a
 * stage whose block holds it) stays around it. */
jrn_span lsp_basis_range(const lsp_basis *basis, jrn_span span);

/* --- lsp_diagnostics.c --- */

/* Finds the rule catalogue beside stdlib_dir and where each rule's section begins. */
void lsp_rule_docs_load(lsp_rule_docs *docs, const char *stdlib_dir);
void lsp_rule_docs_free(lsp_rule_docs *docs);

/* Publishes the document's findings: its own, and those in files it uses (unless open). */
void lsp_publish_diagnostics(lsp_server *server, lsp_document *document);
/* Clears what the document published (it was closed). */
void lsp_clear_diagnostics(lsp_server *server, lsp_document *document);

/* --- lsp_symbols.c: what is declared where --- */

/* The element whose name (declaration or reference) covers offset in source, or NULL; sets
 * *span to that name's span. */
const jrn_element *lsp_element_at(const jrn_model *model, const jrn_source *source,
                                  uint32_t offset, jrn_span *span);
/* Calls visit for every declared element of the model (the map, kpis excepted). */
void lsp_each_element(const jrn_model *model, void (*visit)(const jrn_element *element, void *context),
                      void *context);

/* --- request handlers (one family per file) --- */

typedef json_t *(*lsp_handler)(lsp_server *server, const json_t *params, lsp_error *error);

json_t *lsp_completion(lsp_server *server, const json_t *params, lsp_error *error);            /* lsp_completion.c */
json_t *lsp_definition(lsp_server *server, const json_t *params, lsp_error *error);            /* lsp_navigation.c */
json_t *lsp_references(lsp_server *server, const json_t *params, lsp_error *error);
json_t *lsp_document_highlight(lsp_server *server, const json_t *params, lsp_error *error);
json_t *lsp_prepare_rename(lsp_server *server, const json_t *params, lsp_error *error);        /* lsp_rename.c */
json_t *lsp_rename(lsp_server *server, const json_t *params, lsp_error *error);
json_t *lsp_hover(lsp_server *server, const json_t *params, lsp_error *error);                 /* lsp_hover.c */
json_t *lsp_document_symbols(lsp_server *server, const json_t *params, lsp_error *error);      /* lsp_symbols.c */
json_t *lsp_workspace_symbols(lsp_server *server, const json_t *params, lsp_error *error);
json_t *lsp_folding_ranges(lsp_server *server, const json_t *params, lsp_error *error);        /* lsp_folding.c */
json_t *lsp_formatting(lsp_server *server, const json_t *params, lsp_error *error);            /* lsp_format.c */
json_t *lsp_code_actions(lsp_server *server, const json_t *params, lsp_error *error);          /* lsp_code_actions.c */
json_t *lsp_semantic_tokens(lsp_server *server, const json_t *params, lsp_error *error);       /* lsp_semantic_tokens.c */
/* The semantic token legend the server announces (lsp_semantic_tokens.c). */
json_t *lsp_semantic_tokens_legend(void);

/* The server's loop: reads requests from input_fd until exit, answers on output_fd; each
 * map is compiled with options and checked against the measured data of data_files.
 * Returns the exit status: 0 after shutdown then exit, 1 after exit alone or end of input. */
int lsp_serve(int input_fd, int output_fd, const jrn_compile_options *options, const char *const *data_files,
              size_t data_count, jrn_date today);

#endif
