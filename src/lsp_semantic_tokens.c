/* lsp_semantic_tokens.c — textDocument/semanticTokens/full: every declared id and every
 * resolved name of the document, typed by what it resolves to (a touchpoint, a persona, a
 * channel...), so highlighting follows resolution rather than the grammar's guess. A
 * document that does not resolve gets no tokens (the grammar's colours stay). */
#include "jrn/lsp.h"
#include "jrn/memory.h"

#include <stdlib.h>
#include <string.h>

/* The legend: token types by index, then the one modifier. */
static const char *const lsp_token_types[KIND_COUNT] = {
    [KIND_MAP] = "namespace", [KIND_SEGMENT] = "enum", [KIND_PERSONA] = "class", [KIND_TEAM] = "struct",
    [KIND_CHANNEL] = "interface", [KIND_STAGE] = "namespace", [KIND_TOUCHPOINT] = "event",
    [KIND_JOURNEY] = "function", [KIND_METRIC] = "variable", [KIND_KPI] = "variable",
};

/* Distinct type names in legend order; a kind's token type is its name's index here. */
static const char *const lsp_legend_types[] = {
    "namespace", "enum", "class", "struct", "interface", "event", "function", "variable",
};
#define LSP_MODIFIER_DECLARATION 1u

json_t *lsp_semantic_tokens_legend(void)
{
    json_t *types = json_array();
    for (size_t i = 0; i < sizeof lsp_legend_types / sizeof lsp_legend_types[0]; i++) {
        json_array_append_new(types, lsp_string(lsp_legend_types[i]));
    }
    return json_pack("{s:o,s:[s]}", "tokenTypes", types, "tokenModifiers", "declaration");
}

static unsigned lsp_token_type(jrn_kind kind)
{
    const char *name = lsp_token_types[kind];
    for (unsigned i = 0; i < sizeof lsp_legend_types / sizeof lsp_legend_types[0]; i++) {
        if (strcmp(lsp_legend_types[i], name) == 0) return i;
    }
    return 0;
}

typedef struct lsp_token_span {
    uint32_t begin, end;
    unsigned type;
    unsigned modifiers;
} lsp_token_span;

typedef struct lsp_token_list {
    const jrn_source *source;
    lsp_token_span *items;
    size_t count;
} lsp_token_list;

static void lsp_add_declaration(const jrn_element *element, void *context)
{
    lsp_token_list *list = context;
    if (element->id_span.source != list->source || element->id_span.end <= element->id_span.begin) return;
    MEMORY_PUSH(list->items, list->count, ((lsp_token_span){element->id_span.begin, element->id_span.end,
                                                            lsp_token_type(element->kind), LSP_MODIFIER_DECLARATION}));
}

static int lsp_token_order(const void *a, const void *b)
{
    const lsp_token_span *x = a, *y = b;
    return x->begin < y->begin ? -1 : x->begin > y->begin;
}

json_t *lsp_semantic_tokens(lsp_server *server, const json_t *params, lsp_error *error)
{
    lsp_document *document = lsp_params_document(server, params, error);
    if (document == NULL) return NULL;
    const jrn_model *model = lsp_analysis(server, document)->resolved_model;
    json_t *data = json_array();
    if (model == NULL) return json_pack("{s:o}", "data", data);
    lsp_token_list list = {lsp_root_source(model), NULL, 0};
    lsp_each_element(model, lsp_add_declaration, &list);
    for (size_t i = 0; i < model->reference_count; i++) {
        const jrn_reference *reference = &model->references[i];
        if (reference->span.source != list.source || reference->target == NULL) continue;
        MEMORY_PUSH(list.items, list.count, ((lsp_token_span){reference->span.begin, reference->span.end,
                                                              lsp_token_type(reference->target->kind), 0}));
    }
    if (list.count > 1) qsort(list.items, list.count, sizeof *list.items, lsp_token_order);
    /* Each token relative to the one before: line delta, start delta, length, type, modifiers. */
    uint32_t previous_line = 0, previous_start = 0, previous_end = 0;
    for (size_t i = 0; i < list.count; i++) {
        const lsp_token_span *token = &list.items[i];
        if (i > 0 && token->begin < previous_end) continue;   /* one token per place */
        uint32_t line, start, end_line, end;
        lsp_position_of(list.source, token->begin, server->encoding, &line, &start);
        lsp_position_of(list.source, token->end, server->encoding, &end_line, &end);
        if (end_line != line) continue;
        json_array_append_new(data, json_integer((json_int_t)(line - previous_line)));
        json_array_append_new(data, json_integer((json_int_t)(line == previous_line ? start - previous_start : start)));
        json_array_append_new(data, json_integer((json_int_t)(end - start)));
        json_array_append_new(data, json_integer((json_int_t)token->type));
        json_array_append_new(data, json_integer((json_int_t)token->modifiers));
        previous_line = line;
        previous_start = start;
        previous_end = token->end;
    }
    free(list.items);
    return json_pack("{s:o}", "data", data);
}
