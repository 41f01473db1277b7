/* parse_context.c — the builders the grammar's actions call (AST nodes, comments, syntax
 * errors) and the decoding of literal tokens. */
#include "jrn/parse_context.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

jrn_span parse_span(const jrn_parse_context *context, jrn_location location)
{
    return (jrn_span){context->source, location.begin, location.end};
}

void parse_error(jrn_parse_context *context, jrn_location location, const char *format, ...)
{
    context->file->syntax_error_count++;
    if (!diag_keeps_next_error(context->diags)) {
        diag_error(context->diags, parse_span(context, location), "%s", "");
        return;
    }
    jrn_strbuf message = STRBUF_INIT;
    va_list arguments;
    va_start(arguments, format);
    strbuf_vprintf(&message, format, arguments);
    va_end(arguments);
    diag_error(context->diags, parse_span(context, location), "%s", strbuf_text(&message));
    strbuf_free(&message);
}

/* A literal that scanned fine but means nothing (a 30th of February, a bad escape): an
 * error, but not a syntax error, so name resolution still runs and reports its own. */
static void parse_value_error(jrn_parse_context *context, jrn_location location, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static void parse_value_error(jrn_parse_context *context, jrn_location location, const char *format, ...)
{
    jrn_strbuf message = STRBUF_INIT;
    va_list arguments;
    va_start(arguments, format);
    strbuf_vprintf(&message, format, arguments);
    va_end(arguments);
    diag_error(context->diags, parse_span(context, location), "%s", strbuf_text(&message));
    strbuf_free(&message);
}

/* The bidirectional controls of Unicode's "Trojan Source" (CVE-2021-42574): embeddings,
 * overrides and isolates, which make an editor show text in another order than it is read.
 * Returns the code point at text[i] when it is one, else 0. */
static uint32_t parse_bidi_control_at(const unsigned char *text, size_t i, size_t length)
{
    if (length - i < 3 || text[i] != 0xE2) return 0;
    uint32_t code_point = ((uint32_t)(text[i] & 0x0F) << 12) | ((uint32_t)(text[i + 1] & 0x3F) << 6) |
                          (uint32_t)(text[i + 2] & 0x3F);
    bool embedding = code_point >= 0x202A && code_point <= 0x202E;
    bool isolate = code_point >= 0x2066 && code_point <= 0x2069;
    return embedding || isolate ? code_point : 0;
}

void parse_warn_hidden_text(jrn_parse_context *context, jrn_location location, const char *text,
                            size_t length, const char *where)
{
    const unsigned char *bytes = (const unsigned char *)text;
    for (size_t i = 0; i < length; i++) {
        uint32_t control = parse_bidi_control_at(bytes, i, length);
        if (control == 0) continue;
        jrn_location at = {location.begin + (uint32_t)i, location.begin + (uint32_t)i + 3};
        diag_report(context->diags, SEVERITY_WARNING, NULL, parse_span(context, at),
                     "bidirectional control character U+%04X in %s: an editor may show this text in "
                     "another order than jrnc reads it (delete it, or write the text without it)",
                     control, where);
        return;
    }
}

void parse_add_comment(jrn_parse_context *context, jrn_location location, const char *text,
                       size_t length)
{
    /* A CR inside a comment ends the line for many editors, which then show what follows as
     * code while jrnc reads it as part of the comment. */
    const char *carriage_return = memchr(text, '\r', length);
    if (carriage_return != NULL && (size_t)(carriage_return - text) + 1 < length) {
        uint32_t at = location.begin + (uint32_t)(carriage_return - text);
        diag_report(context->diags, SEVERITY_WARNING, NULL, parse_span(context, (jrn_location){at, at + 1}),
                     "a carriage return (CR) inside a comment: editors that end lines at a CR show "
                     "what follows it as code, but jrnc reads it as comment");
    }
    parse_warn_hidden_text(context, location, text, length, "a comment");
    /* Trailing blanks and a CR (of a CRLF or a stray one) are not part of what was said. */
    while (length > 0 && (text[length - 1] == '\r' || text[length - 1] == ' ' || text[length - 1] == '\t')) {
        length--;
    }
    jrn_comment *comment = arena_alloc(context->arena, sizeof *comment);
    comment->text = arena_strndup(context->arena, text, length);
    comment->span = parse_span(context, (jrn_location){location.begin, location.begin + (uint32_t)length});
    if (context->last_comment != NULL) context->last_comment->next = comment;
    else context->file->comments = comment;
    context->last_comment = comment;
    context->file->comment_count++;
}

/* The value of a short decimal at the start of text (-?digits(.digits)?, then anything
 * but an exponent or a hex prefix) exactly as strtod rounds it: an integer below 2^53
 * divided by a power of ten up to 10^22, both exact doubles, is one correctly rounded
 * division. A big map has hundreds of thousands of numbers, and strtod's general case
 * took a fiftieth of `jrnc check`. False for anything else: strtod reads it. */
static bool parse_short_decimal(const char *text, double *number)
{
    static const double powers_of_ten[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                           1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char *p = text;
    bool negative = *p == '-';
    if (negative) p++;
    uint64_t mantissa = 0;
    int digits = 0, fraction_digits = 0;
    bool in_fraction = false;
    for (;; p++) {
        if (*p >= '0' && *p <= '9') {
            if (++digits > 15) return false;
            mantissa = mantissa * 10 + (uint64_t)(*p - '0');
            fraction_digits += in_fraction;
        } else if (*p == '.' && !in_fraction) {
            in_fraction = true;
        } else {
            break;
        }
    }
    if (digits == 0 || *p == 'e' || *p == 'E' || *p == 'x' || *p == 'X' || (*p == '.' && in_fraction)) return false;
    double value = (double)mantissa / powers_of_ten[fraction_digits];
    *number = negative ? -value : value;
    return true;
}

/* Reads a number, or reports it out of range: a 100,000-digit literal is an error, not inf. */
static double parse_number_text(jrn_parse_context *context, jrn_location location,
                                const char *text)
{
    double number;
    if (parse_short_decimal(text, &number)) return number;
    char *end;
    number = strtod(text, &end);
    if (!isfinite(number)) {
        parse_value_error(context, location, "number out of range");
        return 0;
    }
    return number;
}

static void parse_date_literal(jrn_parse_context *context, jrn_value *value,
                               jrn_location location, const char *text)
{
    jrn_date_problem problem = date_parse(text, &value->date);
    if (problem == DATE_VALID) return;
    char reason[64];
    parse_value_error(context, location, "invalid date '%s': %s", text,
                      date_problem_reason(problem, value->date, reason, sizeof reason));
}

static void parse_duration_literal(jrn_parse_context *context, jrn_value *value,
                                   jrn_location location, const char *text, size_t length)
{
    static const struct { const char *suffix; jrn_duration_unit unit; } units[] = {
        {"min", DURATION_MINUTES}, {"mo", DURATION_MONTHS}, {"h", DURATION_HOURS},
        {"d", DURATION_DAYS}, {"w", DURATION_WEEKS}, {"y", DURATION_YEARS},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t suffix_length = strlen(units[i].suffix);
        if (length > suffix_length && strcmp(text + length - suffix_length, units[i].suffix) == 0) {
            value->duration.unit = units[i].unit;
            break;
        }
    }
    value->duration.amount = parse_number_text(context, location, text);
    value->number = value->duration.amount;
    if (fabs(duration_in_days(value->duration)) > PARSE_DURATION_LIMIT_DAYS) {
        parse_value_error(context, location, "duration '%s' too long (limit is %d years)", text,
                          PARSE_DURATION_LIMIT_DAYS / 365);
        value->duration.amount = 0;
        value->number = 0;
    }
}

static void parse_range_end(jrn_parse_context *context, jrn_location location, const char *text,
                            jrn_range_end *end)
{
    end->is_percent = strchr(text, '%') != NULL;
    size_t length = strlen(text);
    end->is_duration = !end->is_percent && length > 0 && text[length - 1] >= 'a' && text[length - 1] <= 'z';
    if (end->is_duration) {
        jrn_value scratch = {0};
        parse_duration_literal(context, &scratch, location, text, length);
        end->duration = scratch.duration;
        end->number = scratch.duration.amount;
    } else {
        end->number = parse_number_text(context, location, text);
    }
}

static void parse_range_literal(jrn_parse_context *context, jrn_value *value,
                                jrn_location location, const char *text)
{
    const char *dots = strstr(text, "..");
    size_t low_length = (size_t)(dots - text);
    while (low_length > 0 && (text[low_length - 1] == ' ' || text[low_length - 1] == '\t')) low_length--;
    char *low = arena_strndup(context->arena, text, low_length);
    jrn_range *range = arena_alloc(context->arena, sizeof *range);
    parse_range_end(context, location, low, &range->low);
    const char *high = dots + 2;
    while (*high == ' ' || *high == '\t') high++;
    parse_range_end(context, location, high, &range->high);
    value->range = range;
}

jrn_value *parse_new_ident_value(jrn_parse_context *context, const char *name,
                                     jrn_location location)
{
    jrn_value *value = arena_alloc(context->arena, sizeof *value);
    value->kind = VALUE_IDENT;
    value->span = parse_span(context, location);
    value->text = name;   /* already in the arena: the scanner copied it */
    return value;
}

jrn_value *parse_new_value(jrn_parse_context *context, jrn_value_kind kind,
                               jrn_location location, const char *text, size_t length)
{
    jrn_value *value = arena_alloc(context->arena, sizeof *value);
    value->kind = kind;
    value->span = parse_span(context, location);
    value->text = arena_strndup(context->arena, text, length);
    switch (kind) {
    case VALUE_NUMBER:
        context->number_end = location.end;
        value->number = parse_number_text(context, location, value->text);
        break;
    case VALUE_PERCENT:
        value->number = parse_number_text(context, location, value->text);
        break;
    case VALUE_RANGE:
        parse_range_literal(context, value, location, value->text);
        break;
    case VALUE_DATE:
        parse_date_literal(context, value, location, value->text);
        break;
    case VALUE_DURATION:
        parse_duration_literal(context, value, location, value->text, length);
        break;
    case VALUE_STRING:
    case VALUE_IDENT:
        break;
    }
    return value;
}

static int hex_digit_value(char character)
{
    if (character >= '0' && character <= '9') return character - '0';
    if (character >= 'a' && character <= 'f') return character - 'a' + 10;
    if (character >= 'A' && character <= 'F') return character - 'A' + 10;
    return -1;
}

/* Decodes \u{...} at text[i] (pointing at 'u'); returns bytes consumed after the backslash. */
static size_t parse_unicode_escape(jrn_parse_context *context, jrn_location escape,
                                   const char *text, size_t i, size_t length, jrn_strbuf *out)
{
    size_t j = i + 1;
    if (j >= length || text[j] != '{') {
        parse_value_error(context, escape, "invalid escape: write a code point as \\u{1F600}");
        return 1;
    }
    j++;
    unsigned long codepoint = 0;
    size_t digits = 0;
    while (j < length && hex_digit_value(text[j]) >= 0) {
        if (digits < 8) codepoint = codepoint * 16 + (unsigned long)hex_digit_value(text[j]);
        digits++;
        j++;
    }
    if (j >= length || text[j] != '}' || digits == 0) {
        escape.end = escape.begin + (uint32_t)(j - i + 1);
        parse_value_error(context, escape, "invalid escape: write a code point as \\u{1F600}");
        return j - i;
    }
    escape.end = escape.begin + (uint32_t)(j - i + 2);
    if (digits > 6 || codepoint > 0x10FFFF) {
        parse_value_error(context, escape, "invalid escape: code points end at \\u{10FFFF}");
    } else if (codepoint >= 0xD800 && codepoint <= 0xDFFF) {
        parse_value_error(context, escape, "invalid escape: \\u{%lX} is a surrogate, not a character",
                    codepoint);
    } else if (codepoint == 0) {
        parse_value_error(context, escape, "invalid escape: \\u{0} (NUL) is not allowed in text");
    } else {
        strbuf_put_codepoint(out, codepoint);
    }
    return j - i + 1;
}

jrn_value *parse_string_literal(jrn_parse_context *context, jrn_location location,
                                    const char *text, size_t length, bool terminated)
{
    if (!terminated) {
        jrn_location opening = {location.begin, location.begin + 1};
        parse_error(context, opening, "unterminated string: a \"...\" string ends on its line "
                                      "(use \"\"\"...\"\"\" for text over several lines)");
    }
    size_t content_end = terminated ? length - 1 : length;
    parse_warn_hidden_text(context, location, text, length, "a string");
    jrn_value *value = arena_alloc(context->arena, sizeof *value);
    value->kind = VALUE_STRING;
    value->span = parse_span(context, location);
    if (content_end <= 1 || !memchr(text + 1, '\\', content_end - 1)) {
        /* most strings have no escape: their text is the content as written */
        value->text = arena_strndup(context->arena, text + 1, content_end > 1 ? content_end - 1 : 0);
        return value;
    }
    jrn_strbuf decoded = STRBUF_INIT;
    for (size_t i = 1; i < content_end; i++) {
        if (text[i] != '\\') {
            const char *escape = memchr(text + i, '\\', content_end - i);
            size_t run = escape ? (size_t)(escape - (text + i)) : content_end - i;
            strbuf_append(&decoded, text + i, run);
            i += run - 1;
            continue;
        }
        if (i + 1 >= content_end) break;   /* a lone trailing backslash: unterminated already */
        jrn_location escape = {location.begin + (uint32_t)i, location.begin + (uint32_t)i + 2};
        char next = text[i + 1];
        switch (next) {
        case '"': strbuf_putc(&decoded, '"'); i++; break;
        case '\\': strbuf_putc(&decoded, '\\'); i++; break;
        case 'n': strbuf_putc(&decoded, '\n'); i++; break;
        case 't': strbuf_putc(&decoded, '\t'); i++; break;
        case 'u': i += parse_unicode_escape(context, escape, text, i + 1, content_end, &decoded); break;
        default:
            parse_value_error(context, escape, "invalid escape '\\%.*s' (known: \\\" \\\\ \\n \\t \\u{...})",
                        ((unsigned char)next & 0x80) ? 1 : 1, &text[i + 1]);
            i++;
            break;
        }
    }
    value->text = arena_strndup(context->arena, strbuf_text(&decoded), decoded.length);
    strbuf_free(&decoded);
    return value;
}

static bool is_blank_line(const char *line, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') return false;
    }
    return true;
}

static size_t leading_blanks(const char *line, size_t length)
{
    size_t count = 0;
    while (count < length && (line[count] == ' ' || line[count] == '\t')) count++;
    return count;
}

jrn_value *parse_finish_text_block(jrn_parse_context *context, jrn_location location)
{
    /* Drop CRs so CRLF files give the same text as LF files. */
    const char *raw = strbuf_text(&context->text_block);
    size_t raw_length = context->text_block.length;
    parse_warn_hidden_text(context, (jrn_location){location.begin + 3, location.begin + 3 + (uint32_t)raw_length},
                           raw, raw_length, "a text block");
    jrn_strbuf text = STRBUF_INIT;
    for (size_t i = 0; i < raw_length; i++) {
        if (raw[i] == '\r' && i + 1 < raw_length && raw[i + 1] == '\n') continue;
        strbuf_putc(&text, raw[i]);
    }
    const char *body = strbuf_text(&text);
    size_t begin = 0, end = text.length;
    /* An opening """ followed by a line end starts the text on the next line; a closing
     * """ on a line of its own ends it after the previous line. */
    const char *first_newline = memchr(body, '\n', end);
    if (first_newline != NULL && is_blank_line(body, (size_t)(first_newline - body))) {
        begin = (size_t)(first_newline - body) + 1;
    }
    size_t last_line_start = end;
    while (last_line_start > begin && body[last_line_start - 1] != '\n') last_line_start--;
    if (last_line_start > begin && is_blank_line(body + last_line_start, end - last_line_start)) {
        end = last_line_start - 1;
    }
    size_t common = SIZE_MAX;
    for (size_t line = begin; line <= end;) {
        const char *newline = memchr(body + line, '\n', end - line);
        size_t line_end = newline ? (size_t)(newline - body) : end;
        if (!is_blank_line(body + line, line_end - line)) {
            size_t indent = leading_blanks(body + line, line_end - line);
            if (indent < common) common = indent;
        }
        line = line_end + 1;
    }
    if (common == SIZE_MAX) common = 0;
    jrn_strbuf result = STRBUF_INIT;
    for (size_t line = begin; line <= end;) {
        const char *newline = memchr(body + line, '\n', end - line);
        size_t line_end = newline ? (size_t)(newline - body) : end;
        size_t skip = leading_blanks(body + line, line_end - line);
        if (skip > common) skip = common;
        strbuf_append(&result, body + line + skip, line_end - line - skip);
        if (newline != NULL) strbuf_putc(&result, '\n');
        line = line_end + 1;
    }
    jrn_value *value = arena_alloc(context->arena, sizeof *value);
    value->kind = VALUE_STRING;
    value->is_text_block = true;
    value->span = parse_span(context, location);
    value->text = arena_strndup(context->arena, strbuf_text(&result), result.length);
    strbuf_free(&result);
    strbuf_free(&text);
    return value;
}

/* Appends node to the circle whose last node is last (see parse.h); node becomes the last. */
#define AST_CIRCLE_APPEND(last, node) \
    do { \
        if ((last) == NULL) { \
            (node)->next = (node); \
        } else { \
            (node)->next = (last)->next; \
            (last)->next = (node); \
        } \
    } while (0)

/* Opens the circle of type nodes ending at last: first gets its first node (NULL for an
 * empty list), and the last node's next is NULL again. */
#define AST_CIRCLE_OPEN(type, last, first) \
    do { \
        type *last_ = (last); \
        (first) = NULL; \
        if (last_ != NULL) { \
            (first) = last_->next; \
            last_->next = NULL; \
        } \
    } while (0)

/* The length of the NULL-terminated list of type nodes from first, into count. */
#define AST_LIST_LENGTH(type, first, count) \
    do { \
        (count) = 0; \
        for (const type *node_ = (first); node_ != NULL; node_ = node_->next) (count)++; \
    } while (0)

jrn_value *ast_append_value(jrn_value *last, jrn_value *value)
{
    if (value == NULL) return last;
    AST_CIRCLE_APPEND(last, value);
    return value;
}

jrn_ast_name *ast_append_name(jrn_parse_context *context, jrn_ast_name *last, const char *id,
                              jrn_location location)
{
    jrn_ast_name *name = arena_alloc(context->arena, sizeof *name);
    name->id = id;
    name->span = parse_span(context, location);
    AST_CIRCLE_APPEND(last, name);
    return name;
}

jrn_ast_member *ast_append_member(jrn_ast_member *last, jrn_ast_member *member)
{
    if (member == NULL) return last;   /* a member lost to error recovery */
    AST_CIRCLE_APPEND(last, member);
    return member;
}

jrn_ast_property *ast_append_property(jrn_ast_property *last, jrn_ast_property *property)
{
    AST_CIRCLE_APPEND(last, property);
    return property;
}

jrn_ast_property *ast_new_property(jrn_parse_context *context, const char *name,
                                   jrn_location name_location, jrn_value *values,
                                   jrn_location location)
{
    jrn_ast_property *property = arena_alloc(context->arena, sizeof *property);
    property->name = name;
    property->name_span = parse_span(context, name_location);
    property->span = parse_span(context, location);
    AST_CIRCLE_OPEN(jrn_value, values, property->values);
    AST_LIST_LENGTH(jrn_value, property->values, property->value_count);
    return property;
}

static jrn_ast_member *ast_new_member(jrn_parse_context *context, jrn_member_kind kind,
                                      jrn_span span)
{
    jrn_ast_member *member = arena_alloc(context->arena, sizeof *member);
    member->kind = kind;
    member->span = span;
    return member;
}

jrn_ast_member *ast_new_property_member(jrn_parse_context *context, jrn_ast_property *property)
{
    jrn_ast_member *member = ast_new_member(context, MEMBER_PROPERTY, property->span);
    member->property = property;
    return member;
}

jrn_ast_member *ast_new_flag(jrn_parse_context *context, const char *name, jrn_location location)
{
    jrn_ast_member *member = ast_new_member(context, MEMBER_FLAG, parse_span(context, location));
    member->flag = name;
    return member;
}

jrn_ast_member *ast_new_decl_member(jrn_parse_context *context, jrn_ast_decl *decl)
{
    jrn_ast_member *member = ast_new_member(context, MEMBER_DECL, decl->span);
    member->decl = decl;
    return member;
}

static jrn_ast_step *ast_new_step(jrn_parse_context *context, const char *id,
                                  jrn_location location)
{
    jrn_ast_step *step = arena_alloc(context->arena, sizeof *step);
    step->id = id;
    step->span = parse_span(context, location);
    return step;
}

jrn_ast_step *ast_start_chain(jrn_parse_context *context, const char *id, jrn_location location)
{
    jrn_ast_step *step = ast_new_step(context, id, location);
    step->next = step;
    return step;
}

jrn_ast_step *ast_chain_add_hop(jrn_parse_context *context, jrn_ast_step *chain, const char *id,
                                jrn_location id_location, jrn_ast_property *properties,
                                jrn_location hop_location)
{
    jrn_ast_step *step = ast_new_step(context, id, id_location);
    step->hop_span = parse_span(context, hop_location);
    AST_CIRCLE_OPEN(jrn_ast_property, properties, step->hop_properties);
    AST_CIRCLE_APPEND(chain, step);
    return step;
}

jrn_ast_member *ast_new_chain(jrn_parse_context *context, jrn_ast_step *chain, jrn_location location)
{
    jrn_ast_member *member = ast_new_member(context, MEMBER_CHAIN, parse_span(context, location));
    AST_CIRCLE_OPEN(jrn_ast_step, chain, member->steps);
    AST_LIST_LENGTH(jrn_ast_step, member->steps, member->step_count);
    return member;
}

jrn_ast_decl *ast_new_decl(jrn_parse_context *context, jrn_kind kind, jrn_location keyword,
                           const char *id, jrn_location id_location, jrn_value *title,
                           ast_clause in_clause, ast_clause for_clause, jrn_ast_member *members,
                           jrn_location block_location, jrn_location location)
{
    jrn_ast_decl *decl = arena_alloc(context->arena, sizeof *decl);
    decl->kind = kind;
    decl->span = parse_span(context, location);
    decl->keyword_span = parse_span(context, keyword);
    decl->id = id;
    decl->id_span = id != NULL ? parse_span(context, id_location) : decl->keyword_span;
    if (title != NULL) {
        decl->title = title->text;
        decl->title_span = title->span;
    }
    if (in_clause.names != NULL) {
        AST_CIRCLE_OPEN(jrn_ast_name, in_clause.names, decl->in_names);
        decl->in_span = parse_span(context, in_clause.location);
    }
    if (for_clause.names != NULL) {
        AST_CIRCLE_OPEN(jrn_ast_name, for_clause.names, decl->for_names);
        decl->for_span = parse_span(context, for_clause.location);
    }
    /* A block is at least its two braces; an absent one is an empty stretch. */
    decl->has_block = block_location.end > block_location.begin;
    if (decl->has_block) {
        decl->block_span = parse_span(context, block_location);
        AST_CIRCLE_OPEN(jrn_ast_member, members, decl->members);
        AST_LIST_LENGTH(jrn_ast_member, decl->members, decl->member_count);
    }
    return decl;
}

static void ast_append_item(jrn_parse_context *context, jrn_ast_item *item)
{
    if (context->last_item != NULL) context->last_item->next = item;
    else context->file->items = item;
    context->last_item = item;
    context->file->item_count++;
}

void ast_add_use(jrn_parse_context *context, jrn_value *path, jrn_location location)
{
    jrn_ast_item *item = arena_alloc(context->arena, sizeof *item);
    item->kind = ITEM_USE;
    item->span = parse_span(context, location);
    item->use_path = path->text;
    item->use_path_span = path->span;
    ast_append_item(context, item);
}

void ast_add_decl_item(jrn_parse_context *context, jrn_ast_decl *decl)
{
    jrn_ast_item *item = arena_alloc(context->arena, sizeof *item);
    item->kind = ITEM_DECL;
    item->span = decl->span;
    item->decl = decl;
    ast_append_item(context, item);
}

const char *parse_dashed_name(jrn_parse_context *context, jrn_location location, const char *text,
                              size_t length)
{
    char *name = arena_strndup(context->arena, text, length);
    for (char *dash = name; (dash = strchr(dash, '-')) != NULL; dash++) *dash = '_';
    parse_error(context, location, "'%.*s' is not a name: names use letters, digits and _, not - (write '%s')",
                (int)length, text, name);
    return name;
}

/* The units a duration is written with, and the words people write for them. */
static const struct {
    const char *word;
    const char *unit;
} parse_unit_words[] = {
    {"minute", "min"}, {"minutes", "min"}, {"mins", "min"}, {"hour", "h"}, {"hours", "h"},
    {"hr", "h"}, {"hrs", "h"}, {"day", "d"}, {"days", "d"}, {"week", "w"}, {"weeks", "w"},
    {"wk", "w"}, {"wks", "w"}, {"month", "mo"}, {"months", "mo"}, {"year", "y"}, {"years", "y"},
    {"yr", "y"}, {"yrs", "y"},
};

static const char *parse_unit_of_word(const char *word, size_t length)
{
    for (size_t i = 0; i < sizeof parse_unit_words / sizeof parse_unit_words[0]; i++) {
        if (strlen(parse_unit_words[i].word) == length && strncmp(parse_unit_words[i].word, word, length) == 0) {
            return parse_unit_words[i].unit;
        }
    }
    return NULL;
}

/* written: the duration as the map writes it ("3 days", "3days"). */
static void parse_report_spelt_out_unit(jrn_parse_context *context, jrn_location location, const char *amount,
                                        size_t amount_length, const char *unit, const char *written,
                                        size_t written_length)
{
    parse_error(context, location,
                "a duration is a number and a unit with no space: write '%.*s%s', not '%.*s' "
                "(units: min, h, d, w, mo, y)",
                (int)amount_length, amount, unit, (int)written_length, written);
}

bool parse_spelt_out_unit(jrn_parse_context *context, jrn_location location, const char *text,
                          size_t length)
{
    if (context->number_end == 0 || context->number_end > location.begin) return false;
    const char *source = context->source->text;
    for (uint32_t i = context->number_end; i < location.begin; i++) {
        if (source[i] != ' ' && source[i] != '\t') return false;
    }
    const char *unit = parse_unit_of_word(text, length);
    if (unit == NULL) return false;
    /* The number's own text: back from its end over digits, '.' and '-'. */
    uint32_t begin = context->number_end;
    while (begin > 0 && strchr("0123456789.-", source[begin - 1]) != NULL) begin--;
    jrn_location whole = {begin, location.end};
    parse_report_spelt_out_unit(context, whole, source + begin, context->number_end - begin, unit, source + begin,
                                location.end - begin);
    return true;
}

jrn_value *parse_malformed_number(jrn_parse_context *context, jrn_location location, const char *text,
                                  size_t length)
{
    size_t digits = strspn(text, "-0123456789.");
    const char *unit = digits > 0 ? parse_unit_of_word(text + digits, length - digits) : NULL;
    if (unit != NULL) {
        parse_report_spelt_out_unit(context, location, text, digits, unit, text, length);
    } else {
        parse_error(context, location,
                    "malformed number '%.*s' (numbers look like 42, 4.5, 85%%, 1..5, 2026-09-30 or a "
                    "duration: 30min 4h 2d 3w 6mo 1y)",
                    length > 60 ? 60 : (int)length, text);
    }
    return parse_new_value(context, VALUE_NUMBER, location, "0", 1);
}

jrn_value *parse_slashed_date(jrn_parse_context *context, jrn_location location, const char *text,
                              size_t length)
{
    int first = 0, second = 0, year = 0, consumed = 0;
    char *copy = arena_strndup(context->arena, text, length);
    bool is_date = sscanf(copy, "%2d/%2d/%4d%n", &first, &second, &year, &consumed) == 3 &&
                   (size_t)consumed == length && year >= 1000;
    if (!is_date) {
        parse_error(context, location, "unexpected '/' in '%.*s' (comments start with '#'; dates are written 2026-03-15)",
                    length > 60 ? 60 : (int)length, text);
        return parse_new_value(context, VALUE_NUMBER, location, "0", 1);
    }
    /* Day first unless that cannot be (a month over 12); both readings when both can be. */
    bool day_first = second <= 12 || first > 12;
    int day = day_first ? first : second, month = day_first ? second : first;
    char *iso = arena_printf(context->arena, "%04d-%02d-%02d", year, month, day);
    if (first <= 12 && second <= 12 && first != second && first >= 1 && second >= 1) {
        parse_error(context, location,
                    "dates are written year-month-day: '%.*s' is %s (%d %s) or %04d-%02d-%02d (%d %s)",
                    (int)length, text, iso, first, date_month_name(second), year, first, second, second,
                    date_month_name(first));
    } else {
        parse_error(context, location, "dates are written year-month-day: write %s, not '%.*s'", iso,
                    (int)length, text);
    }
    return parse_new_value(context, VALUE_DATE, location, iso, strlen(iso));
}

/* Characters that look like a space or nothing: named, since they cannot be seen. */
static const char *parse_invisible_name(uint32_t code_point)
{
    switch (code_point) {
    case 0x00A0: return "a no-break space; use a plain space";
    case 0x2007: return "a figure space; use a plain space";
    case 0x202F: return "a narrow no-break space; use a plain space";
    case 0x2009: return "a thin space; use a plain space";
    case 0x200B: return "a zero-width space; delete it";
    case 0x2060: return "a word joiner; delete it";
    case 0xFEFF: return "a byte order mark inside the text; delete it";
    case 0x2018: case 0x2019: return "a curly quote; use ' inside a text or \" around it";
    case 0x201C: case 0x201D: return "a curly quote; put text in straight quotes \"...\"";
    default: return NULL;
    }
}

void parse_unexpected_character(jrn_parse_context *context, jrn_location location, const char *text,
                                size_t length)
{
    const unsigned char *bytes = (const unsigned char *)text;
    uint32_t code_point = bytes[0] & (bytes[0] >= 0xF0 ? 0x07 : bytes[0] >= 0xE0 ? 0x0F : 0x1F);
    for (size_t i = 1; i < length; i++) code_point = (code_point << 6) | (bytes[i] & 0x3F);
    const char *invisible = parse_invisible_name(code_point);
    if (invisible != NULL) {
        parse_error(context, location, "unexpected character U+%04X (%s)", code_point, invisible);
    } else {
        parse_error(context, location,
                    "unexpected character '%.*s' (U+%04X): names use A-Z, a-z, 0-9 and _; put other text in quotes",
                    (int)length, text, code_point);
    }
}
