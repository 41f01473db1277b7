/* lint_suppress.c — "# jrnc: disable=RULE" comments: reads them, answers whether one covers
 * a finding, and reports the ones that name no rule or turn nothing off. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/lint_rules.h"
#include "jrn/memory.h"

typedef struct lint_directive {
    jrn_lint_rule_id rule;
    uint32_t target_line;        /* the line it covers; 0 for disable-file */
    jrn_span name_span;          /* the rule's name in the comment */
    bool used;
} lint_directive;

/* A line directive's place in the lookup order: by target line, rule, then comment order. */
typedef struct lint_directive_key {
    uint32_t target_line;
    jrn_lint_rule_id rule;
    uint32_t name_begin;
    size_t index;                /* into lint_file_directives.directives */
} lint_directive_key;

typedef struct lint_file_directives {
    const jrn_source *source;
    lint_directive *directives;  /* line directives by target line, then file-wide ones */
    size_t line_count;
    size_t count;
    lint_directive_key *keys;    /* the line directives, for a binary search by (line, rule) */
    size_t file_wide[LINT_RULE_COUNT];   /* 1 + the first file-wide directive of each rule; 0: none */
} lint_file_directives;

/* The next line with code after a run of comment-only lines, remembered: a block of n
 * directive comments above a construct is scanned once, not once per comment. */
typedef struct lint_code_line_cursor {
    uint32_t after;              /* lines after this one, up to found, hold no code */
    uint32_t found;              /* 0 when none is known */
} lint_code_line_cursor;

struct jrn_lint_suppressions {
    lint_file_directives *files;
    size_t file_count;
};

/* Directives of one file while its comments are read (scratch); copied into the arena
 * after. */
typedef struct lint_directive_list {
    lint_directive *items;
    size_t count;
} lint_directive_list;

static bool lint_is_blank(char character)
{
    return character == ' ' || character == '\t' || character == '\r';
}

static bool lint_is_name_character(char character)
{
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           (character >= '0' && character <= '9') || character == '-' || character == '_';
}

/* True when the line holds nothing but blanks, or a comment after blanks. */
static bool lint_line_is_code_free(const jrn_source *source, uint32_t line)
{
    uint32_t length;
    const char *text = source_line_text(source, line, &length);
    uint32_t i = 0;
    while (i < length && lint_is_blank(text[i])) i++;
    return i == length || text[i] == '#';
}

/* The line a directive covers: its own line when code precedes it there, otherwise the
 * next line with code on it (so a block of comments above a construct works); 0 when
 * nothing follows. */
static uint32_t lint_directive_target_line(const jrn_source *source, jrn_span comment,
                                           lint_code_line_cursor *cursor)
{
    jrn_position where = source_position(source, comment.begin);
    uint32_t line_begin = source->line_starts[where.line - 1];
    for (uint32_t i = line_begin; i < comment.begin; i++) {
        if (!lint_is_blank(source_text(source)[i])) return where.line;
    }
    /* Lines after cursor->after up to cursor->found hold no code: a later line of the
     * same run has the same answer. */
    bool known = cursor->found != 0 && where.line >= cursor->after && where.line < cursor->found;
    if (!known) {
        cursor->found = 0;
        for (uint32_t line = where.line + 1; line <= source->line_count && cursor->found == 0; line++) {
            if (!lint_line_is_code_free(source, line)) cursor->found = line;
        }
        /* None: every line to the end is free of code, and stays so for later comments. */
        if (cursor->found == 0) cursor->found = source->line_count + 1;
    }
    cursor->after = where.line;
    return cursor->found <= source->line_count ? cursor->found : 0;
}

/* Bytes [from, to) of a comment, as a span; never past the comment's end. */
static jrn_span lint_comment_part(const jrn_comment *comment, size_t from, size_t to)
{
    size_t length = strlen(comment->text);
    if (to > length) to = length;
    if (from > to) from = to;
    jrn_span span = comment->span;
    return (jrn_span){span.source, span.begin + (uint32_t)from, span.begin + (uint32_t)to};
}

static void lint_report_comment(jrn_lint_context *context, jrn_lint_rule_id rule,
                                jrn_span span, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void lint_report_comment(jrn_lint_context *context, jrn_lint_rule_id rule,
                                jrn_span span, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    lint_vreport(context, rule, lint_rule(rule)->severity, span, "written here", format, arguments);
    va_end(arguments);
}

static void lint_report_unknown_rule(jrn_lint_context *context, jrn_span span,
                                     const char *name, size_t length)
{
    const char *suggestion = lint_rule_suggest(arena_strndup(context->diags->arena, name, length));
    if (suggestion != NULL) {
        lint_report_comment(context, LINT_UNKNOWN_RULE, span,
                            "unknown rule '%.*s' in suppression; did you mean '%s'?",
                            (int)length, name, suggestion);
    } else {
        lint_report_comment(context, LINT_UNKNOWN_RULE, span,
                            "unknown rule '%.*s' in suppression (see 'jrnc lint --list-rules')",
                            (int)length, name);
    }
}

/* Reads "RULE[, RULE]..." from text[*at]; adds a directive per known name. */
static void lint_read_rule_names(jrn_lint_context *context, const jrn_comment *comment,
                                 size_t *at, uint32_t target_line, lint_directive_list *list)
{
    const char *text = comment->text;
    size_t i = *at;
    for (;;) {
        while (lint_is_blank(text[i])) i++;
        size_t name_begin = i;
        while (lint_is_name_character(text[i])) i++;
        if (i == name_begin) {
            lint_report_comment(context, LINT_BAD_SUPPRESSION,
                                lint_comment_part(comment, name_begin, name_begin + 1),
                                "expected a rule name in '# jrnc:' directive");
            break;
        }
        jrn_span name_span = lint_comment_part(comment, name_begin, i);
        jrn_lint_rule_id rule = lint_rule_find(text + name_begin, i - name_begin);
        if (rule == LINT_RULE_COUNT) {
            lint_report_unknown_rule(context, name_span, text + name_begin, i - name_begin);
        } else {
            MEMORY_PUSH(list->items, list->count, ((lint_directive){rule, target_line, name_span, false}));
        }
        size_t after_name = i;
        while (lint_is_blank(text[i])) i++;
        if (text[i] == ',') {
            i++;
            continue;
        }
        /* Blanks then anything is a reason ("disable=empty-stage  sales owns renewal");
         * other characters right after a name are a typo that would disable nothing. */
        if (text[after_name] != '\0' && !lint_is_blank(text[after_name])) {
            lint_report_comment(context, LINT_BAD_SUPPRESSION,
                                lint_comment_part(comment, after_name, after_name + 1),
                                "expected ',' or the end of the rule list after '%.*s'",
                                (int)(after_name - name_begin), text + name_begin);
        }
        break;
    }
    *at = i;
}

/* One comment: "# jrnc: disable=..." or "# jrnc: disable-file=...". Other comments are
 * not directives. */
static void lint_read_comment(jrn_lint_context *context, const jrn_source *source,
                              const jrn_comment *comment, lint_code_line_cursor *cursor,
                              lint_directive_list *line_list, lint_directive_list *file_list)
{
    static const char marker[] = "jrnc:";
    const char *text = comment->text;
    size_t i = 1;   /* past the '#' */
    while (lint_is_blank(text[i])) i++;
    if (strncmp(text + i, marker, sizeof marker - 1) != 0) return;
    i += sizeof marker - 1;
    while (lint_is_blank(text[i])) i++;
    size_t keyword_begin = i;
    while (lint_is_name_character(text[i])) i++;
    size_t keyword_length = i - keyword_begin;
    bool whole_file = keyword_length == 12 && strncmp(text + keyword_begin, "disable-file", 12) == 0;
    bool one_line = keyword_length == 7 && strncmp(text + keyword_begin, "disable", 7) == 0;
    jrn_span keyword_span = lint_comment_part(comment, keyword_begin,
                                              keyword_length ? i : i + 1);
    if (!whole_file && !one_line) {
        if (keyword_length == 0) {
            lint_report_comment(context, LINT_BAD_SUPPRESSION, keyword_span,
                                "expected 'disable=' or 'disable-file=' after '# jrnc:'");
        } else {
            lint_report_comment(context, LINT_BAD_SUPPRESSION, keyword_span,
                                "unknown directive '%.*s'; expected 'disable=' or 'disable-file='",
                                (int)keyword_length, text + keyword_begin);
        }
        return;
    }
    while (lint_is_blank(text[i])) i++;
    if (text[i] != '=') {
        lint_report_comment(context, LINT_BAD_SUPPRESSION,
                            lint_comment_part(comment, i, i + 1),
                            "expected '=' and rule names after '%.*s'", (int)keyword_length,
                            text + keyword_begin);
        return;
    }
    i++;
    if (whole_file) {
        lint_read_rule_names(context, comment, &i, 0, file_list);
    } else {
        uint32_t target = lint_directive_target_line(source, comment->span, cursor);
        lint_read_rule_names(context, comment, &i, target, line_list);
    }
}

static int lint_directive_compare(const void *left_pointer, const void *right_pointer)
{
    const lint_directive *left = left_pointer, *right = right_pointer;
    if (left->target_line != right->target_line) return left->target_line < right->target_line ? -1 : 1;
    /* Keep comment order among equals: the names' positions tell it. */
    return left->name_span.begin < right->name_span.begin ? -1 : left->name_span.begin > right->name_span.begin;
}

static int lint_directive_key_compare(const void *left_pointer, const void *right_pointer)
{
    const lint_directive_key *left = left_pointer, *right = right_pointer;
    if (left->target_line != right->target_line) return left->target_line < right->target_line ? -1 : 1;
    if (left->rule != right->rule) return left->rule < right->rule ? -1 : 1;
    return left->name_begin < right->name_begin ? -1 : left->name_begin > right->name_begin;
}

/* The lookup indexes: line directives sorted by (line, rule), and per rule the first
 * file-wide directive, so a finding costs a binary search however many there are. */
static void lint_index_directives(jrn_arena *arena, lint_file_directives *out)
{
    out->keys = arena_alloc_array(arena, out->line_count ? out->line_count : 1, sizeof *out->keys);
    for (size_t i = 0; i < out->line_count; i++) {
        const lint_directive *directive = &out->directives[i];
        out->keys[i] = (lint_directive_key){directive->target_line, directive->rule, directive->name_span.begin, i};
    }
    if (out->line_count > 1) qsort(out->keys, out->line_count, sizeof *out->keys, lint_directive_key_compare);
    for (size_t i = out->count; i-- > out->line_count;) out->file_wide[out->directives[i].rule] = i + 1;
}

static void lint_read_file(jrn_lint_context *context, const jrn_model_file *file,
                           lint_file_directives *out)
{
    lint_directive_list line_list = {0}, file_list = {0};
    lint_code_line_cursor cursor = {0, 0};
    out->source = file->source;
    for (const jrn_comment *comment = file->comments; comment != NULL; comment = comment->next) {
        lint_read_comment(context, file->source, comment, &cursor, &line_list, &file_list);
    }
    if (line_list.count > 1) {
        qsort(line_list.items, line_list.count, sizeof *line_list.items, lint_directive_compare);
    }
    out->line_count = line_list.count;
    out->count = line_list.count + file_list.count;
    out->directives = arena_alloc_array(context->diags->arena, out->count, sizeof *out->directives);
    if (line_list.count > 0) memcpy(out->directives, line_list.items, line_list.count * sizeof *line_list.items);
    if (file_list.count > 0) {
        memcpy(out->directives + line_list.count, file_list.items, file_list.count * sizeof *file_list.items);
    }
    free(line_list.items);
    free(file_list.items);
    lint_index_directives(context->diags->arena, out);
}

jrn_lint_suppressions *lint_suppressions_read(jrn_lint_context *context)
{
    const jrn_model *model = context->model;
    jrn_arena *arena = context->diags->arena;
    jrn_lint_suppressions *suppressions = arena_alloc(arena, sizeof *suppressions);
    suppressions->files = arena_alloc_array(arena, model->file_count, sizeof *suppressions->files);
    suppressions->file_count = model->file_count;
    for (size_t i = 0; i < model->file_count; i++) {
        lint_read_file(context, &model->files[i], &suppressions->files[i]);
    }
    return suppressions;
}

static lint_file_directives *lint_directives_of(jrn_lint_suppressions *suppressions,
                                                const jrn_source *source)
{
    for (size_t i = 0; i < suppressions->file_count; i++) {
        if (suppressions->files[i].source == source) return &suppressions->files[i];
    }
    return NULL;
}

bool lint_suppressions_cover(jrn_lint_suppressions *suppressions, jrn_lint_rule_id rule,
                             jrn_span span)
{
    if (span.source == NULL) return false;
    lint_file_directives *file = lint_directives_of(suppressions, span.source);
    if (file == NULL || file->count == 0) return false;
    uint32_t line = source_position(span.source, span.begin).line;
    /* The first directive, in comment order, for this line and rule: the first key at or
     * after (line, rule). */
    size_t low = 0, high = file->line_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const lint_directive_key *key = &file->keys[middle];
        if (key->target_line < line || (key->target_line == line && key->rule < rule)) low = middle + 1;
        else high = middle;
    }
    if (low < file->line_count && file->keys[low].target_line == line && file->keys[low].rule == rule) {
        file->directives[file->keys[low].index].used = true;
        return true;
    }
    if (file->file_wide[rule] != 0) {
        file->directives[file->file_wide[rule] - 1].used = true;
        return true;
    }
    return false;
}

void lint_suppressions_report_unused(jrn_lint_context *context)
{
    jrn_lint_suppressions *suppressions = context->suppressions;
    jrn_severity severity;
    if (!lint_effective_severity(context->options, LINT_UNUSED_SUPPRESSION, &severity)) return;
    for (size_t f = 0; f < suppressions->file_count; f++) {
        const lint_file_directives *file = &suppressions->files[f];
        for (size_t i = 0; i < file->count; i++) {
            const lint_directive *directive = &file->directives[i];
            /* A rule switched off on the command line never ran: its directives are idle,
             * not stale. */
            if (directive->used || !lint_effective_severity(context->options, directive->rule, &severity)) {
                continue;
            }
            lint_report_comment(context, LINT_UNUSED_SUPPRESSION, directive->name_span,
                                "suppression of '%s' turns nothing off",
                                lint_rule(directive->rule)->id);
        }
    }
}
