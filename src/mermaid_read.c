/* mermaid_read.c — Mermaid `journey` diagrams read as Mermaid reads them: its lexer's
 * rules tried in its order, first match wins, case-insensitive (journey.jison in
 * mermaid-js/mermaid), after the preprocessing Mermaid does (line ends, front matter,
 * directives, comment lines); Markdown files give each ```mermaid journey block. */
#include "jrn/mermaid_read.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum mermaid_token_kind {
    TOKEN_END,
    TOKEN_NEWLINE,
    TOKEN_JOURNEY,
    TOKEN_TITLE,          /* value: after "title" and one space */
    TOKEN_ACC_TITLE,      /* value: the rest of the line */
    TOKEN_ACC_DESCR,      /* value: the rest of the line, or a { block } */
    TOKEN_SECTION,        /* value: after "section" and one space */
    TOKEN_TASK_NAME,      /* value: the name */
    TOKEN_TASK_DATA,      /* value: after the ':' */
    TOKEN_COLON,          /* a ':' with nothing Mermaid takes after it */
    TOKEN_INVALID,        /* a character no rule takes (';') */
} mermaid_token_kind;

typedef struct mermaid_token {
    mermaid_token_kind kind;
    uint32_t begin, end;              /* the whole token */
    uint32_t value_begin, value_end;
    bool unclosed;                    /* accDescr { without its } */
} mermaid_token;

/* One diagram's text: [at, end) of the source. */
typedef struct mermaid_lexer {
    const jrn_source *source;
    const char *text;
    uint32_t at, end;
} mermaid_lexer;

typedef struct mermaid_reader {
    jrn_arena *arena;
    const jrn_source *source;
    jrn_diag_list *diags;
    mermaid_document *document;
} mermaid_reader;

/* Mermaid turns "\r\n" and a lone "\r" into "\n" before it lexes. */
static bool is_line_end(char character) { return character == '\n' || character == '\r'; }
/* JavaScript's \s, as far as ASCII goes. */
static bool is_space(char character)
{
    return character == ' ' || character == '\t' || character == '\v' || character == '\f' || is_line_end(character);
}
static bool is_word(char character)
{
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           (character >= '0' && character <= '9') || character == '_';
}

static jrn_span span_of(const mermaid_lexer *lexer, uint32_t begin, uint32_t end)
{
    return (jrn_span){lexer->source, begin, end};
}

static bool lexer_looking_at(const mermaid_lexer *lexer, uint32_t at, const char *word)
{
    size_t length = strlen(word);
    return lexer->end - at >= length && strncasecmp(lexer->text + at, word, length) == 0;
}

static uint32_t lexer_line_end(const mermaid_lexer *lexer, uint32_t at)
{
    while (at < lexer->end && !is_line_end(lexer->text[at])) at++;
    return at;
}

static uint32_t lexer_skip_spaces(const mermaid_lexer *lexer, uint32_t at)
{
    while (at < lexer->end && is_space(lexer->text[at])) at++;
    return at;
}

/* Characters up to one of stops or a line end. */
static uint32_t lexer_run(const mermaid_lexer *lexer, uint32_t at, const char *stops)
{
    while (at < lexer->end && !is_line_end(lexer->text[at]) && strchr(stops, lexer->text[at]) == NULL) at++;
    return at;
}

static mermaid_token token_at(mermaid_token_kind kind, uint32_t begin, uint32_t end, uint32_t value_begin,
                              uint32_t value_end)
{
    return (mermaid_token){kind, begin, end, value_begin, value_end, false};
}

static uint32_t lexer_word_end(const mermaid_lexer *lexer, uint32_t at)
{
    while (at < lexer->end && is_word(lexer->text[at])) at++;
    return at;
}

static bool lexer_closes_directive(const mermaid_lexer *lexer, uint32_t at)
{
    return lexer->end - at >= 3 && lexer->text[at] == '}' && lexer->text[at + 1] == '%' && lexer->text[at + 2] == '%';
}

/* Where the directive that starts at at ("%%{") ends, as Mermaid's preprocessing matches
 * it before lexing: %%{ WORD: or WORD, then a WORD or anything up to "}%%" (across lines,
 * to the end of the text when never closed), then "}%%" if it is there. at itself when no
 * directive starts there (the lexer then reads "%%{..." as a comment line). */
static uint32_t lexer_directive_end(const mermaid_lexer *lexer, uint32_t at)
{
    uint32_t i = lexer_skip_spaces(lexer, at + 3);
    uint32_t word_end = lexer_word_end(lexer, i);
    if (word_end == i) return at;
    uint32_t after = lexer_skip_spaces(lexer, word_end);
    i = lexer_skip_spaces(lexer, after < lexer->end && lexer->text[after] == ':' ? after + 1 : word_end);
    if (lexer_word_end(lexer, i) > i) {
        i = lexer_word_end(lexer, i);
    } else {
        while (i < lexer->end && !lexer_closes_directive(lexer, i)) i++;
    }
    i = lexer_skip_spaces(lexer, i);
    return lexer_closes_directive(lexer, i) ? i + 3 : i;
}

/* "keyword" then optional spaces then opener: the offset after the opener and the spaces
 * that follow it, or 0 when the text is not that. */
static uint32_t lexer_keyword_opener(const mermaid_lexer *lexer, uint32_t at, const char *keyword, char opener)
{
    if (!lexer_looking_at(lexer, at, keyword)) return 0;
    uint32_t i = lexer_skip_spaces(lexer, at + (uint32_t)strlen(keyword));
    if (i >= lexer->end || lexer->text[i] != opener) return 0;
    return lexer_skip_spaces(lexer, i + 1);
}

/* "keyword", one space, then at least one character up to stops: TITLE or SECTION. */
static bool lexer_keyword_line(const mermaid_lexer *lexer, uint32_t at, const char *keyword, const char *stops,
                               mermaid_token_kind kind, mermaid_token *token)
{
    uint32_t length = (uint32_t)strlen(keyword);
    if (!lexer_looking_at(lexer, at, keyword) || at + length >= lexer->end || !is_space(lexer->text[at + length]))
        return false;
    uint32_t value = at + length + 1;
    /* After a line end that the one space took, the value is the next line's. */
    if (lexer->text[at + length] == '\r' && value < lexer->end && lexer->text[value] == '\n') value++;
    uint32_t end = lexer_run(lexer, value, stops);
    if (end == value) return false;
    *token = token_at(kind, at, end, value, end);
    return true;
}

/* The next token, by Mermaid's journey lexer rules in their order. */
static mermaid_token lexer_next(mermaid_lexer *lexer)
{
    const char *text = lexer->text;
    for (;;) {
        uint32_t at = lexer->at;
        if (at >= lexer->end) return token_at(TOKEN_END, at, at, at, at);
        char c = text[at];
        char next = at + 1 < lexer->end ? text[at + 1] : '\0';
        if (c == '%' && next == '%' && at + 2 < lexer->end && text[at + 2] == '{' &&
            lexer_directive_end(lexer, at) != at) {
            lexer->at = lexer_directive_end(lexer, at);
            continue;
        }
        /* A directive Mermaid removes before lexing is no comment that eats c. */
        bool directive_next = at + 3 < lexer->end && next == '%' && text[at + 2] == '%' && text[at + 3] == '{' &&
                              lexer_directive_end(lexer, at + 1) != at + 1;
        /* %(?!\{)[^\n]*  and  [^\}]%%[^\n]*: comments (the second eats the character
         * before its %%, a line end included). */
        if ((c == '%' && next != '{') || c == '#' ||
            (c != '}' && !directive_next && next == '%' && at + 2 < lexer->end && text[at + 2] == '%')) {
            lexer->at = lexer_line_end(lexer, at + (c == '%' || c == '#' ? 0 : 1));
            continue;
        }
        if (is_line_end(c)) {
            uint32_t end = at;
            while (end < lexer->end && is_line_end(text[end])) end++;
            lexer->at = end;
            return token_at(TOKEN_NEWLINE, at, end, at, end);
        }
        if (is_space(c)) {
            lexer->at = at + 1;
            continue;
        }
        mermaid_token token;
        if (lexer_looking_at(lexer, at, "journey") && (at + 7 >= lexer->end || !is_word(text[at + 7]))) {
            token = token_at(TOKEN_JOURNEY, at, at + 7, at, at + 7);
        } else if (lexer_keyword_line(lexer, at, "title", "#;", TOKEN_TITLE, &token)) {
        } else if (lexer_keyword_opener(lexer, at, "acctitle", ':') != 0) {
            uint32_t value = lexer_keyword_opener(lexer, at, "acctitle", ':');
            uint32_t end = lexer_line_end(lexer, value);
            token = token_at(TOKEN_ACC_TITLE, at, end, value, end);
        } else if (lexer_keyword_opener(lexer, at, "accdescr", ':') != 0) {
            uint32_t value = lexer_keyword_opener(lexer, at, "accdescr", ':');
            uint32_t end = lexer_line_end(lexer, value);
            token = token_at(TOKEN_ACC_DESCR, at, end, value, end);
        } else if (lexer_keyword_opener(lexer, at, "accdescr", '{') != 0) {
            uint32_t value = lexer_keyword_opener(lexer, at, "accdescr", '{');
            uint32_t end = value;
            while (end < lexer->end && text[end] != '}') end++;
            token = token_at(TOKEN_ACC_DESCR, at, end < lexer->end ? end + 1 : end, value, end);
            token.unclosed = end >= lexer->end;
        } else if (lexer_keyword_line(lexer, at, "section", "#:;", TOKEN_SECTION, &token)) {
        } else if (c == ':') {
            uint32_t end = lexer_run(lexer, at + 1, "#;");
            token = token_at(end > at + 1 ? TOKEN_TASK_DATA : TOKEN_COLON, at, end, at + 1, end);
        } else if (c == ';') {
            token = token_at(TOKEN_INVALID, at, at + 1, at, at + 1);
        } else {
            uint32_t end = lexer_run(lexer, at, "#:;");
            token = token_at(TOKEN_TASK_NAME, at, end, at, end);
        }
        lexer->at = token.end;
        return token;
    }
}

/* Text trimmed of JavaScript's white space at both ends (a zero-width space that starts
 * it, which jrnc writes before a name Mermaid would read as a keyword, too), in the
 * arena; NULL when nothing is left. */
static const char *reader_trimmed(mermaid_reader *reader, uint32_t begin, uint32_t end)
{
    const char *text = reader->source->text;
    while (begin < end && is_space(text[begin])) begin++;
    while (end > begin && is_space(text[end - 1])) end--;
    if (end - begin >= 3 && memcmp(text + begin, "\xE2\x80\x8B", 3) == 0) begin += 3;
    if (begin == end) return NULL;
    jrn_strbuf buffer = STRBUF_INIT;
    for (uint32_t i = begin; i < end; i++) {
        /* Inside an accDescr { block }: a line break and the blanks after it become one
         * line feed, as Mermaid keeps it. */
        if (is_line_end(text[i])) {
            strbuf_putc(&buffer, '\n');
            while (i + 1 < end && is_space(text[i + 1])) i++;
        } else {
            strbuf_putc(&buffer, text[i] == '\t' ? ' ' : text[i]);
        }
    }
    const char *result = arena_strdup(reader->arena, strbuf_text(&buffer));
    strbuf_free(&buffer);
    return result;
}

/* JavaScript's Number() of a score as Mermaid reads it: blanks around, a decimal number
 * (or nothing, which Number() reads as 0). False for what Number() reads as NaN. */
static bool reader_number(const char *text, size_t length, double *value)
{
    while (length > 0 && is_space(*text)) text++, length--;
    while (length > 0 && is_space(text[length - 1])) length--;
    if (length == 0) {
        *value = 0;
        return true;
    }
    char buffer[64];
    if (length >= sizeof buffer) return false;
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    /* strtod also takes hex, "inf" and "nan", which are no decimal numbers. */
    for (size_t i = 0; i < length; i++) {
        if (strchr("0123456789.eE+-", buffer[i]) == NULL) return false;
    }
    char *end;
    *value = strtod(buffer, &end);
    return *end == '\0' && isfinite(*value);
}

static mermaid_journey *reader_journey(mermaid_reader *reader)
{
    return &reader->document->journeys[reader->document->journey_count - 1];
}

static mermaid_section *reader_current_section(mermaid_reader *reader, jrn_span span)
{
    mermaid_journey *journey = reader_journey(reader);
    if (journey->section_count == 0) {
        mermaid_section unnamed = {NULL, span, NULL, 0};
        ARENA_PUSH(reader->arena, journey->sections, journey->section_count, unnamed);
    }
    return &journey->sections[journey->section_count - 1];
}

/* ": score: actor, actor: ignored": Mermaid splits at ':' and takes the first two fields. */
static void reader_task_data(mermaid_reader *reader, const mermaid_lexer *lexer, const mermaid_token *data,
                             mermaid_task *task)
{
    const char *text = lexer->text;
    uint32_t score_end = data->value_begin;
    while (score_end < data->value_end && text[score_end] != ':') score_end++;
    jrn_span score_span = span_of(lexer, data->value_begin, score_end);
    double score = 0;
    task->has_score = reader_number(text + data->value_begin, score_end - data->value_begin, &score);
    if (!task->has_score) {
        diag_report(reader->diags, SEVERITY_WARNING, NULL, score_span,
                    "the score is not a number (Mermaid draws it as NaN); the touchpoint gets no emotion");
    } else if (score < 1 || score > 5) {
        diag_report(reader->diags, SEVERITY_WARNING, NULL, score_span,
                    "score %g is outside Mermaid's 1..5; imported as %d", score, score < 1 ? 1 : 5);
        score = score < 1 ? 1 : 5;
    }
    task->score = score;
    if (score_end >= data->value_end) return;
    uint32_t actors_end = score_end + 1;
    while (actors_end < data->value_end && text[actors_end] != ':') actors_end++;
    for (uint32_t begin = score_end + 1; begin < actors_end;) {
        uint32_t end = begin;
        while (end < actors_end && text[end] != ',') end++;
        const char *actor = reader_trimmed(reader, begin, end);
        if (actor != NULL) ARENA_PUSH(reader->arena, task->actors, task->actor_count, actor);
        begin = end + 1;
    }
}

static void reader_warn_empty_section(mermaid_reader *reader)
{
    mermaid_journey *journey = reader_journey(reader);
    if (journey->section_count == 0) return;
    const mermaid_section *section = &journey->sections[journey->section_count - 1];
    if (section->name != NULL && section->task_count == 0)
        diag_report(reader->diags, SEVERITY_WARNING, NULL, section->span, "section '%s' has no tasks", section->name);
}

static bool reader_error(mermaid_reader *reader, const mermaid_lexer *lexer, uint32_t begin, uint32_t end,
                         const char *message)
{
    diag_error(reader->diags, span_of(lexer, begin, end), "%s", message);
    return false;
}

/* The statements of one diagram after its `journey`, as journey.jison's grammar takes them. */
static bool reader_statements(mermaid_reader *reader, mermaid_lexer *lexer)
{
    mermaid_journey *journey = reader_journey(reader);
    for (;;) {
        mermaid_token token = lexer_next(lexer);
        switch (token.kind) {
        case TOKEN_END:
            reader_warn_empty_section(reader);
            return true;
        case TOKEN_NEWLINE:
            break;
        case TOKEN_JOURNEY:
            return reader_error(reader, lexer, token.begin, token.end,
                                "Mermaid reads 'journey' here as the diagram's keyword: a task name cannot start "
                                "with the word (write it another way, e.g. 'Plan the journey')");
        case TOKEN_TITLE:
            journey->title = reader_trimmed(reader, token.value_begin, token.value_end);
            break;
        case TOKEN_ACC_TITLE:
            journey->acc_title = reader_trimmed(reader, token.value_begin, token.value_end);
            break;
        case TOKEN_ACC_DESCR:
            if (token.unclosed)
                return reader_error(reader, lexer, token.begin, token.value_begin, "'accDescr {' is never closed with '}'");
            journey->acc_descr = reader_trimmed(reader, token.value_begin, token.value_end);
            break;
        case TOKEN_SECTION: {
            reader_warn_empty_section(reader);
            mermaid_section section = {reader_trimmed(reader, token.value_begin, token.value_end),
                                       span_of(lexer, token.begin, token.end), NULL, 0};
            if (section.name == NULL) section.name = "";
            ARENA_PUSH(reader->arena, journey->sections, journey->section_count, section);
            break;
        }
        case TOKEN_TASK_NAME: {
            mermaid_token data = lexer_next(lexer);
            if (data.kind == TOKEN_COLON)
                return reader_error(reader, lexer, data.begin, data.end, "a score must follow the ':' after a task name (Task: 5: Actor)");
            if (data.kind == TOKEN_INVALID)
                return reader_error(reader, lexer, data.begin, data.end,
                                    "a task name ends at ';', which Mermaid's journey grammar does not allow (write ',' instead)");
            if (data.kind != TOKEN_TASK_DATA)
                return reader_error(reader, lexer, token.begin, token.end,
                                    "a task needs ': SCORE' after its name (Task: 5: Actor, Actor)");
            mermaid_section *section = reader_current_section(reader, span_of(lexer, token.begin, token.end));
            mermaid_task task = {reader_trimmed(reader, token.value_begin, token.value_end),
                                 span_of(lexer, token.begin, token.end), false, 0, NULL, 0};
            if (task.name == NULL) task.name = "";
            reader_task_data(reader, lexer, &data, &task);
            ARENA_PUSH(reader->arena, section->tasks, section->task_count, task);
            break;
        }
        case TOKEN_TASK_DATA:
        case TOKEN_COLON:
            return reader_error(reader, lexer, token.begin, token.begin + 1, "a ':' with no task name before it (Task: 5: Actor)");
        case TOKEN_INVALID:
            return reader_error(reader, lexer, token.begin, token.end,
                                "unexpected ';': Mermaid's journey grammar has no use for it (remove it)");
        }
    }
}

/* Front matter ("---" lines at the very start): its title: is the diagram's title. */
static uint32_t reader_front_matter(mermaid_reader *reader, const mermaid_lexer *lexer, const char **title)
{
    const char *text = lexer->text;
    uint32_t at = lexer->at;
    if (!lexer_looking_at(lexer, at, "---")) return at;
    uint32_t line = lexer_line_end(lexer, at);
    for (uint32_t i = at + 3; i < line; i++) {
        if (!is_space(text[i])) return at;
    }
    while (line < lexer->end) {
        uint32_t begin = line + (text[line] == '\r' && line + 1 < lexer->end && text[line + 1] == '\n' ? 2 : 1);
        line = lexer_line_end(lexer, begin);
        if (line - begin >= 3 && strncmp(text + begin, "---", 3) == 0) return line;
        if (lexer_looking_at(lexer, begin, "title:")) {
            uint32_t value = begin + 6, end = line;
            while (value < end && is_space(text[value])) value++;
            while (end > value && is_space(text[end - 1])) end--;
            if (end - value >= 2 && (text[value] == '"' || text[value] == '\'') && text[end - 1] == text[value]) value++, end--;
            *title = reader_trimmed(reader, value, end);
        }
    }
    return at;   /* never closed: Mermaid does not take it as front matter */
}

/* One diagram in [begin, end): false after an error. Markdown's non-journey blocks are
 * skipped (quiet is set); a .mmd file must be a journey. */
static bool reader_diagram(mermaid_reader *reader, uint32_t begin, uint32_t end, bool in_markdown)
{
    mermaid_lexer lexer = {reader->source, reader->source->text, begin, end};
    const char *front_title = NULL;
    lexer.at = reader_front_matter(reader, &lexer, &front_title);
    /* Mermaid drops comment lines and leading blanks before it looks for the diagram type. */
    for (;;) {
        lexer.at = lexer_skip_spaces(&lexer, lexer.at);
        if (lexer_looking_at(&lexer, lexer.at, "%%{") && lexer_directive_end(&lexer, lexer.at) != lexer.at)
            lexer.at = lexer_directive_end(&lexer, lexer.at);
        else if (lexer_looking_at(&lexer, lexer.at, "%%")) lexer.at = lexer_line_end(&lexer, lexer.at);
        else break;
    }
    uint32_t start = lexer.at;
    /* Mermaid tells a journey by "journey" in lower case; its lexer then wants the word. */
    if (end - start < 7 || strncmp(lexer.text + start, "journey", 7) != 0 ||
        (start + 7 < end && is_word(lexer.text[start + 7]))) {
        if (in_markdown) return true;
        uint32_t word_end = start;
        while (word_end < end && !is_space(lexer.text[word_end])) word_end++;
        if (start >= end)
            return reader_error(reader, &lexer, start, start, "no Mermaid diagram here: a journey starts with 'journey'");
        diag_error(reader->diags, span_of(&lexer, start, word_end),
                   lexer_looking_at(&lexer, start, "journey")
                       ? "Mermaid knows a journey diagram by 'journey' in lower case, on its own"
                       : "not a Mermaid journey diagram: jrnc imports diagrams that start with 'journey'");
        return false;
    }
    lexer.at = start + 7;
    mermaid_journey journey = {front_title, NULL, NULL, span_of(&lexer, start, start + 7), NULL, 0};
    ARENA_PUSH(reader->arena, reader->document->journeys, reader->document->journey_count, journey);
    return reader_statements(reader, &lexer);
}

/* A Markdown fence line opening a mermaid block: its marker character and length, 0 when
 * the line is not one. */
static size_t markdown_fence(const char *line, size_t length, char *marker, bool *is_mermaid)
{
    size_t i = 0;
    while (i < 3 && i < length && line[i] == ' ') i++;
    if (i >= length || (line[i] != '`' && line[i] != '~')) return 0;
    *marker = line[i];
    size_t count = 0;
    while (i < length && line[i] == *marker) i++, count++;
    if (count < 3) return 0;
    while (i < length && (line[i] == ' ' || line[i] == '\t')) i++;
    *is_mermaid = length - i >= 7 && strncmp(line + i, "mermaid", 7) == 0 &&
                  (length - i == 7 || line[i + 7] == ' ' || line[i + 7] == '\t' || line[i + 7] == '\r');
    return count;
}

/* Markdown: each fenced mermaid block is a diagram; false when there is none. */
static bool reader_markdown(mermaid_reader *reader, bool *ok)
{
    const jrn_source *source = reader->source;
    bool any_block = false;
    *ok = true;
    for (uint32_t line = 0; line < source->line_count && *ok; line++) {
        uint32_t length;
        const char *text = source_line_text(source, line + 1, &length);
        char marker;
        bool is_mermaid = false;
        size_t fence = markdown_fence(text, length, &marker, &is_mermaid);
        if (fence == 0) continue;
        uint32_t body = line + 1 < source->line_count ? source->line_starts[line + 1] : source->length;
        uint32_t closing = line + 1;
        for (; closing < source->line_count; closing++) {
            uint32_t closing_length;
            const char *closing_text = source_line_text(source, closing + 1, &closing_length);
            char closing_marker;
            bool closing_mermaid = false;
            size_t count = markdown_fence(closing_text, closing_length, &closing_marker, &closing_mermaid);
            size_t rest = 0;
            while (rest < closing_length && closing_text[rest] != '\r' && closing_text[rest] != '\n') rest++;
            if (count >= fence && closing_marker == marker && !closing_mermaid) {
                /* A closing fence carries nothing after its markers but blanks. */
                size_t i = 0;
                while (i < rest && closing_text[i] == ' ') i++;
                while (i < rest && closing_text[i] == marker) i++;
                while (i < rest && (closing_text[i] == ' ' || closing_text[i] == '\t')) i++;
                if (i == rest) break;
            }
        }
        uint32_t body_end = closing < source->line_count ? source->line_starts[closing] : source->length;
        if (is_mermaid) {
            any_block = true;
            *ok = reader_diagram(reader, body, body_end, true);
        }
        line = closing;
    }
    return any_block;
}

bool mermaid_read(jrn_arena *arena, const jrn_source *source, mermaid_document *document, jrn_diag_list *diags)
{
    *document = (mermaid_document){NULL, 0};
    mermaid_reader reader = {arena, source, diags, document};
    const char *reason;
    uint32_t invalid = source_find_invalid_byte(source, &reason);
    if (invalid != UINT32_MAX) {
        diag_error(diags, (jrn_span){source, invalid, invalid + 1}, "%s", reason);
        return false;
    }
    bool ok;
    if (reader_markdown(&reader, &ok)) {
        if (ok && document->journey_count == 0) {
            diag_error(diags, (jrn_span){source, 0, 0}, "no ```mermaid block of this file is a journey diagram");
            return false;
        }
        return ok;
    }
    return reader_diagram(&reader, 0, source->length, false);
}
