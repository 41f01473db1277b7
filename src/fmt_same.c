/* fmt_same.c — whether two parsed files say the same thing: the formatter's proof that its
 * output only changed the layout. */
#include "jrn/fmt.h"

#include <string.h>

static bool fmt_same_text(const char *a, const char *b)
{
    if (a == NULL || b == NULL) return a == b;
    return strcmp(a, b) == 0;
}

static bool fmt_same_range_end(const jrn_range_end *a, const jrn_range_end *b)
{
    return a->number == b->number && a->is_percent == b->is_percent &&
           a->is_duration == b->is_duration &&
           (!a->is_duration || (a->duration.unit == b->duration.unit &&
                                a->duration.amount == b->duration.amount));
}

/* Strings compare by their decoded text (escapes and text blocks are spellings), ranges by
 * their ends (blanks around ".." are spelling), other literals as written. */
static bool fmt_same_value(const jrn_value *a, const jrn_value *b)
{
    if (a->kind != b->kind) return false;
    if (a->kind == VALUE_RANGE) {
        return fmt_same_range_end(&a->range->low, &b->range->low) &&
               fmt_same_range_end(&a->range->high, &b->range->high);
    }
    return fmt_same_text(a->text, b->text);
}

static bool fmt_same_values(const jrn_value *a, const jrn_value *b)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        if (!fmt_same_value(a, b)) return false;
    }
    return a == NULL && b == NULL;
}

static bool fmt_same_properties(const jrn_ast_property *a, const jrn_ast_property *b)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        if (!fmt_same_text(a->name, b->name) || !fmt_same_values(a->values, b->values)) return false;
    }
    return a == NULL && b == NULL;
}

static bool fmt_same_names(const jrn_ast_name *a, const jrn_ast_name *b)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        if (!fmt_same_text(a->id, b->id)) return false;
    }
    return a == NULL && b == NULL;
}

static bool fmt_same_steps(const jrn_ast_step *a, const jrn_ast_step *b)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        if (!fmt_same_text(a->id, b->id) || !fmt_same_properties(a->hop_properties, b->hop_properties)) {
            return false;
        }
    }
    return a == NULL && b == NULL;
}

static bool fmt_same_decl(const jrn_ast_decl *a, const jrn_ast_decl *b);

static bool fmt_same_member(const jrn_ast_member *a, const jrn_ast_member *b)
{
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case MEMBER_PROPERTY:
        return fmt_same_text(a->property->name, b->property->name) &&
               fmt_same_values(a->property->values, b->property->values);
    case MEMBER_FLAG: return fmt_same_text(a->flag, b->flag);
    case MEMBER_DECL: return fmt_same_decl(a->decl, b->decl);   /* depth bounded by the parser */
    case MEMBER_CHAIN: return fmt_same_steps(a->steps, b->steps);
    }
    return false;
}

static bool fmt_same_decl(const jrn_ast_decl *a, const jrn_ast_decl *b)
{
    if (a->kind != b->kind || a->is_extend != b->is_extend || a->has_block != b->has_block ||
        a->member_count != b->member_count || !fmt_same_text(a->id, b->id) ||
        !fmt_same_text(a->title, b->title) || !fmt_same_names(a->in_names, b->in_names) ||
        !fmt_same_names(a->for_names, b->for_names)) {
        return false;
    }
    const jrn_ast_member *x = a->members, *y = b->members;
    for (; x != NULL && y != NULL; x = x->next, y = y->next) {
        if (!fmt_same_member(x, y)) return false;
    }
    return x == NULL && y == NULL;
}

static bool fmt_same_item(const jrn_ast_item *a, const jrn_ast_item *b)
{
    if (a->kind != b->kind) return false;
    if (a->kind == ITEM_USE) return fmt_same_text(a->use_path, b->use_path);
    return fmt_same_decl(a->decl, b->decl);
}

static bool fmt_same_comments(const jrn_comment *a, const jrn_comment *b)
{
    jrn_strbuf text_a = STRBUF_INIT, text_b = STRBUF_INIT;
    bool same = true;
    for (; same && a != NULL && b != NULL; a = a->next, b = b->next) {
        strbuf_clear(&text_a);
        strbuf_clear(&text_b);
        fmt_append_comment(&text_a, a);
        fmt_append_comment(&text_b, b);
        same = strcmp(strbuf_text(&text_a), strbuf_text(&text_b)) == 0;
    }
    strbuf_free(&text_a);
    strbuf_free(&text_b);
    return same && a == NULL && b == NULL;
}

bool fmt_same_file(const jrn_ast_file *a, const jrn_ast_file *b)
{
    if (a->item_count != b->item_count || a->comment_count != b->comment_count) return false;
    const jrn_ast_item *x = a->items, *y = b->items;
    for (; x != NULL && y != NULL; x = x->next, y = y->next) {
        if (!fmt_same_item(x, y)) return false;
    }
    return x == NULL && y == NULL && fmt_same_comments(a->comments, b->comments);
}
