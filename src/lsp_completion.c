/* lsp_completion.c — textDocument/completion from the context before the cursor: keywords
 * and snippets where a declaration starts, the enclosing declaration's properties (with
 * their summaries), the ids of the right kind after channel:, persona:, owner:, loops:, in,
 * for, kpi, extend and in step chains (with their titles), choices, emotion labels,
 * duration units, and `use` paths (the standard library and files beside the map). The
 * context comes from a forgiving scan of the text (lsp_scan.c), the ids from the newest
 * model that resolved, so completion works while the line is half-typed. */
#include "jrn/lsp.h"
#include "jrn/lsp_scan.h"
#include "jrn/memory.h"
#include "jrn/schema.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The innermost block of the cursor: a kind, KIND_COUNT at the top level, SCHEMA_HOP in a
 * hop's [ ], or LSP_BLOCK_UNKNOWN in a block whose declaration was not recognised. */
#define LSP_BLOCK_UNKNOWN (SCHEMA_HOP + 1)
#define LSP_BLOCK_DEPTH 64

/* CompletionItemKind */
enum { ITEM_PROPERTY = 10, ITEM_UNIT = 11, ITEM_VALUE = 12, ITEM_KEYWORD = 14, ITEM_SNIPPET = 15,
       ITEM_FILE = 17, ITEM_REFERENCE = 18, ITEM_ENUM_MEMBER = 20 };

typedef struct lsp_context {
    const char *text;
    unsigned blocks[LSP_BLOCK_DEPTH];
    size_t depth;
    lsp_token *statement;        /* tokens since the innermost block opened (comments left out) */
    size_t statement_count;
    bool in_string;              /* the cursor is inside a string that is not closed */
    lsp_token string;
} lsp_context;

static const char *const lsp_declaration_words[KIND_COUNT] = {
    [KIND_MAP] = "map", [KIND_SEGMENT] = "segment", [KIND_PERSONA] = "persona", [KIND_TEAM] = "team",
    [KIND_CHANNEL] = "channel", [KIND_STAGE] = "stage", [KIND_TOUCHPOINT] = "touchpoint",
    [KIND_JOURNEY] = "journey", [KIND_METRIC] = "metric", [KIND_KPI] = "kpi",
};

static bool lsp_token_is(const lsp_context *context, const lsp_token *token, const char *word)
{
    size_t length = strlen(word);
    return token->kind == LSP_TOKEN_WORD && token->end - token->begin == length &&
           memcmp(context->text + token->begin, word, length) == 0;
}

static bool lsp_token_is_punct(const lsp_context *context, const lsp_token *token, char c)
{
    return token->kind == LSP_TOKEN_PUNCT && context->text[token->begin] == c;
}

/* The declaration kind a keyword token names, or KIND_COUNT. */
static unsigned lsp_declaration_kind(const lsp_context *context, const lsp_token *token)
{
    for (unsigned kind = 0; kind < KIND_COUNT; kind++) {
        if (lsp_token_is(context, token, lsp_declaration_words[kind])) return kind;
    }
    return KIND_COUNT;
}

static unsigned lsp_innermost(const lsp_context *context)
{
    return context->depth == 0 ? KIND_COUNT : context->blocks[context->depth - 1];
}

/* What a '{' opens: the statement's last declaration keyword not used as a property name. */
static unsigned lsp_block_opened(const lsp_context *context)
{
    unsigned kind = LSP_BLOCK_UNKNOWN;
    for (size_t i = 0; i < context->statement_count; i++) {
        unsigned found = lsp_declaration_kind(context, &context->statement[i]);
        bool is_property = i + 1 < context->statement_count &&
                           lsp_token_is_punct(context, &context->statement[i + 1], ':');
        if (found != KIND_COUNT && !is_property) kind = found;
    }
    return kind;
}

static void lsp_push_block(lsp_context *context, unsigned kind)
{
    if (context->depth < LSP_BLOCK_DEPTH) context->blocks[context->depth] = kind;
    context->depth++;
    context->statement_count = 0;
}

static void lsp_pop_block(lsp_context *context)
{
    if (context->depth > 0) context->depth--;
    context->statement_count = 0;
}

/* Reads the text up to limit (where the word being typed starts). */
static void lsp_read_context(lsp_context *context, uint32_t limit)
{
    uint32_t at = 0;
    lsp_token token;
    while (lsp_scan_next(context->text, limit, &at, &token)) {
        if (token.kind == LSP_TOKEN_COMMENT) continue;
        if (token.kind == LSP_TOKEN_STRING && !token.is_closed && token.end >= limit) {
            context->in_string = true;
            context->string = token;
            return;
        }
        if (lsp_token_is_punct(context, &token, '{')) {
            lsp_push_block(context, lsp_block_opened(context));
        } else if (lsp_token_is_punct(context, &token, '[')) {
            lsp_push_block(context, SCHEMA_HOP);
        } else if (lsp_token_is_punct(context, &token, '}') || lsp_token_is_punct(context, &token, ']')) {
            lsp_pop_block(context);
        } else {
            MEMORY_PUSH(context->statement, context->statement_count, token);
        }
    }
}

/* --- items --- */

typedef struct lsp_items {
    json_t *list;
    const char *prefix;          /* a number typed before the cursor, for duration units */
} lsp_items;

static void lsp_item(lsp_items *items, const char *label, int kind, const char *detail, const char *documentation)
{
    json_t *item = json_pack("{s:o,s:i}", "label", lsp_string(label), "kind", kind);
    if (detail != NULL) json_object_set_new(item, "detail", lsp_string(detail));
    if (documentation != NULL) json_object_set_new(item, "documentation", lsp_string(documentation));
    json_array_append_new(items->list, item);
}

static void lsp_snippet(lsp_items *items, const char *label, const char *detail, const char *body)
{
    json_array_append_new(items->list, json_pack("{s:s,s:i,s:s,s:s,s:i}", "label", label, "kind", ITEM_SNIPPET,
                                                 "detail", detail, "insertText", body, "insertTextFormat", 2));
}

/* CompletionItemKind for the ids of a kind. */
static int lsp_id_item_kind(jrn_kind kind)
{
    switch (kind) {
    case KIND_PERSONA: return 7;      /* Class */
    case KIND_CHANNEL: return 8;      /* Interface */
    case KIND_STAGE: return 9;        /* Module */
    case KIND_TOUCHPOINT: return 23;  /* Event */
    case KIND_TEAM: return 22;        /* Struct */
    case KIND_METRIC: return 21;      /* Constant */
    default: return ITEM_REFERENCE;
    }
}

typedef struct lsp_id_offer {
    lsp_items *items;
    jrn_kind kind;
} lsp_id_offer;

static void lsp_offer_id(const jrn_element *element, void *context)
{
    lsp_id_offer *offer = context;
    if (element->kind != offer->kind || element->id == NULL) return;
    lsp_item(offer->items, element->id, lsp_id_item_kind(element->kind),
             element->title != NULL ? element->title : kind_name(element->kind), NULL);
}

static void lsp_offer_ids(lsp_items *items, const jrn_model *model, jrn_kind kind)
{
    if (model == NULL) return;
    lsp_id_offer offer = {items, kind};
    lsp_each_element(model, lsp_offer_id, &offer);
}

static bool lsp_all_digits(const char *text)
{
    if (text[0] == '\0') return false;
    for (; *text != '\0'; text++) {
        if ((*text < '0' || *text > '9') && *text != '.') return false;
    }
    return true;
}

static void lsp_offer_units(lsp_items *items)
{
    static const char *const units[][2] = {
        {"min", "minutes"}, {"h", "hours"}, {"d", "days"}, {"w", "weeks"}, {"mo", "months"}, {"y", "years"},
    };
    if (!lsp_all_digits(items->prefix)) return;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        char label[64];
        snprintf(label, sizeof label, "%.40s%s", items->prefix, units[i][0]);
        lsp_item(items, label, ITEM_UNIT, units[i][1], NULL);
    }
}

/* The values property name takes on a declaration of kind owner. */
static void lsp_offer_values(lsp_items *items, const jrn_model *model, unsigned owner, const char *name)
{
    const jrn_property_rule *rule = schema_find_property(owner, name);
    if (rule == NULL) return;
    switch (rule->type) {
    case TYPE_REFERENCE: lsp_offer_ids(items, model, rule->reference_kind); break;
    case TYPE_CHOICE:
        for (size_t i = 0; rule->choices[i] != NULL; i++) lsp_item(items, rule->choices[i], ITEM_ENUM_MEMBER, rule->summary, NULL);
        break;
    case TYPE_EMOTION:
        if (model != NULL && model->emotion_metric != NULL) {
            const jrn_text_list *labels = &model->emotion_metric->labels;
            for (size_t i = 0; i < labels->count; i++) {
                char value[32];
                snprintf(value, sizeof value, "%g", model->emotion_low + (double)i);
                lsp_item(items, labels->items[i], ITEM_ENUM_MEMBER, value, NULL);
            }
        }
        break;
    case TYPE_DURATION:
    case TYPE_QUANTITY:
    case TYPE_RANGE: lsp_offer_units(items); break;
    default: break;
    }
}

static void lsp_offer_properties(lsp_items *items, unsigned owner)
{
    size_t count = 0;
    const jrn_property_rule *rules = schema_properties(owner, &count);
    for (size_t i = 0; i < count; i++) {
        lsp_item(items, rules[i].name, ITEM_PROPERTY, value_type_description(&rules[i]), rules[i].summary);
    }
}

static void lsp_offer_declarations(lsp_items *items, unsigned parent)
{
    for (unsigned kind = 0; kind < KIND_COUNT; kind++) {
        if (schema_allows_nesting(parent, kind)) {
            lsp_item(items, lsp_declaration_words[kind], ITEM_KEYWORD, kind_with_article(kind), NULL);
        }
    }
    if (schema_allows_nesting(parent, KIND_TOUCHPOINT)) {
        lsp_snippet(items, "touchpoint …", "a touchpoint with channel and persona",
                    "touchpoint ${1:id} \"${2:Title}\" {\n\tchannel: ${3}\n\tpersona: ${4}\n}");
    }
    if (schema_allows_nesting(parent, KIND_STAGE)) {
        lsp_snippet(items, "stage …", "a stage of the spine", "stage ${1:id} \"${2:Title}\" {\n\t$0\n}");
    }
    if (schema_allows_nesting(parent, KIND_JOURNEY)) {
        lsp_snippet(items, "journey …", "a journey with a step chain",
                    "journey ${1:id} \"${2:Title}\" for ${3:persona} {\n\t${4:first} -> ${5:next}\n}");
    }
}

/* Where a statement starts: keywords and snippets at the top level; inside a block its
 * properties, what it may contain and, in a journey, the touchpoints of its step chains. */
static void lsp_offer_statement(lsp_items *items, const jrn_model *model, unsigned block)
{
    if (block == KIND_COUNT) {
        lsp_item(items, "use", ITEM_KEYWORD, "bring in another file's declarations", NULL);
        lsp_item(items, "map", ITEM_KEYWORD, "the map's title, owner and review date", NULL);
        lsp_item(items, "extend", ITEM_KEYWORD, "add to a declaration made elsewhere", NULL);
    }
    if (block == LSP_BLOCK_UNKNOWN) return;
    if (block != KIND_COUNT) lsp_offer_properties(items, block);
    lsp_offer_declarations(items, block);
    if (block == KIND_JOURNEY) lsp_offer_ids(items, model, KIND_TOUCHPOINT);
}

/* --- use paths --- */

static void lsp_offer_file(lsp_items *items, const char *name, const char *detail, const json_t *range)
{
    json_array_append_new(items->list, json_pack("{s:s,s:i,s:s,s:{s:O,s:s},s:s}", "label", name, "kind", ITEM_FILE,
                                                 "detail", detail, "textEdit", "range", range, "newText", name,
                                                 "filterText", name));
}

/* .jrn files beside the map, by name without the suffix, then the standard library's. */
static void lsp_offer_use_paths(lsp_items *items, const lsp_document *document, const json_t *range)
{
    static const char *const stdlib_names[] = {
        "std/spines/post_sales", "std/spines/b2b", "std/spines/b2c", "std/spines/decision", "std/spines/employee",
    };
    for (size_t i = 0; i < sizeof stdlib_names / sizeof stdlib_names[0]; i++) {
        lsp_offer_file(items, stdlib_names[i], "standard library spine", range);
    }
    if (document->path == NULL) return;
    const char *slash = strrchr(document->path, '/');
    char folder[4096] = ".";
    if (slash != NULL) snprintf(folder, sizeof folder, "%.*s", (int)(slash - document->path + (slash == document->path)), document->path);
    DIR *listing = opendir(folder);
    if (listing == NULL) return;
    const char *own = slash != NULL ? slash + 1 : document->path;
    struct dirent *entry;
    size_t offered = 0;
    while ((entry = readdir(listing)) != NULL && offered < 500) {
        size_t length = strlen(entry->d_name);
        if (length <= 4 || strcmp(entry->d_name + length - 4, ".jrn") != 0 || strcmp(entry->d_name, own) == 0) continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(length - 4), entry->d_name);
        lsp_offer_file(items, name, "a map beside this one", range);
        offered++;
    }
    closedir(listing);
}

/* --- the request --- */

/* The completion the tokens before the cursor ask for. */
static void lsp_offer_in_context(lsp_items *items, const lsp_context *context, const jrn_model *model)
{
    const lsp_token *tokens = context->statement;
    size_t count = context->statement_count;
    unsigned block = lsp_innermost(context);
    if (count == 0) {
        lsp_offer_statement(items, model, block);
        return;
    }
    /* A list so far ("channel: web, ", "in smb, "): step back over its items. */
    size_t j = count - 1;
    while (j >= 2 && lsp_token_is_punct(context, &tokens[j], ',') && tokens[j - 1].kind == LSP_TOKEN_WORD) j -= 2;
    const lsp_token *before = &tokens[j];
    bool in_list = lsp_token_is_punct(context, &tokens[count - 1], ',');
    if (lsp_token_is_punct(context, before, ':') && j >= 1 && tokens[j - 1].kind == LSP_TOKEN_WORD) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(tokens[j - 1].end - tokens[j - 1].begin), context->text + tokens[j - 1].begin);
        lsp_offer_values(items, model, block == LSP_BLOCK_UNKNOWN ? KIND_COUNT : block, name);
    } else if (lsp_token_is(context, before, "in")) {
        lsp_offer_ids(items, model, KIND_SEGMENT);
    } else if (lsp_token_is(context, before, "for")) {
        lsp_offer_ids(items, model, KIND_PERSONA);
    } else if (in_list) {
        /* a list after something else: nothing sensible to offer */
    } else if (before->kind == LSP_TOKEN_ARROW) {
        lsp_offer_ids(items, model, KIND_TOUCHPOINT);
    } else if (lsp_token_is(context, before, "kpi")) {
        lsp_offer_ids(items, model, KIND_METRIC);
    } else if (lsp_token_is(context, before, "extend")) {
        for (unsigned kind = KIND_SEGMENT; kind < KIND_KPI; kind++) {
            lsp_item(items, lsp_declaration_words[kind], ITEM_KEYWORD, kind_with_article(kind), NULL);
        }
    } else if (j >= 1 && lsp_token_is(context, &tokens[j - 1], "extend") &&
               lsp_declaration_kind(context, before) != KIND_COUNT) {
        lsp_offer_ids(items, model, (jrn_kind)lsp_declaration_kind(context, before));
    } else {
        lsp_offer_statement(items, model, block);
    }
}

json_t *lsp_completion(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    uint32_t cursor;
    if (document == NULL || !lsp_params_offset(server, document, params, &cursor, error)) return NULL;
    const char *text = strbuf_text(&document->text);
    uint32_t word = cursor;
    while (word > 0 && (lsp_scan_is_id_byte(text[word - 1]) || text[word - 1] == '.')) word--;
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%.*s", (int)(cursor - word < 63 ? cursor - word : 63), text + word);
    const jrn_compilation *resolved = NULL;
    const jrn_model *model = lsp_resolved_model(server, document, &resolved);
    lsp_context context = {.text = text};
    lsp_read_context(&context, word);
    lsp_items items = {json_array(), prefix};
    if (context.in_string) {
        size_t count = context.statement_count;
        if (count > 0 && lsp_token_is(&context, &context.statement[count - 1], "use")) {
            json_t *range = lsp_text_range_json(text, document->text.length, context.string.begin + 1, cursor,
                                                server->encoding);
            lsp_offer_use_paths(&items, document, range);
            json_decref(range);
        }
    } else {
        lsp_offer_in_context(&items, &context, model);
    }
    free(context.statement);
    return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items.list);
}
