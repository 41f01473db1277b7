/* text_diff.c — line diff by Myers' O(ND) algorithm with the linear-space middle-snake
 * split (recursion depth grows with log D, not with the input), and its unified output.
 * Lines found on one side only are set aside first: they can never be common, and without
 * them a file whose every line changed (a re-indented file) costs O(N), not O(N^2). */
#include "jrn/text_diff.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/memory.h"

#define TEXT_DIFF_CONTEXT 3
/* Past this many edits in one region the search stops and the region counts as replaced:
 * still a correct diff, only not the shortest, and the cost stays bounded. */
#define TEXT_DIFF_MAX_EDITS 20000

typedef struct text_line {
    const char *text;
    size_t length;             /* without the line feed */
    bool has_newline;          /* false only for a last line without a line feed */
    uint64_t hash;
} text_line;

typedef struct text_lines {
    text_line *items;
    size_t count;
} text_lines;

typedef struct diff_work {
    const text_line *a, *b;    /* the lines both sides have (the others cannot match) */
    bool *a_kept, *b_kept;     /* lines of the longest common subsequence */
    ptrdiff_t *forward, *backward;  /* furthest x per diagonal, reused by every split */
} diff_work;

static uint64_t text_diff_hash(const char *text, size_t length, bool has_newline)
{
    uint64_t hash = 1469598103934665603u;   /* FNV-1a */
    for (size_t i = 0; i < length; i++) {
        hash ^= (unsigned char)text[i];
        hash *= 1099511628211u;
    }
    return hash ^ (has_newline ? 0x9E3779B97F4A7C15u : 0);
}

static text_lines text_diff_split(const char *text, size_t length)
{
    size_t count = 0;
    for (size_t i = 0; i < length; i++) count += text[i] == '\n';
    if (length > 0 && text[length - 1] != '\n') count++;
    text_lines lines = {memory_calloc(count, sizeof(text_line)), count};
    size_t start = 0;
    for (size_t n = 0; n < count; n++) {
        const char *newline = memchr(text + start, '\n', length - start);
        size_t end = newline != NULL ? (size_t)(newline - text) : length;
        text_line *line = &lines.items[n];
        line->text = text + start;
        line->length = end - start;
        line->has_newline = newline != NULL;
        line->hash = text_diff_hash(line->text, line->length, line->has_newline);
        start = end + 1;
    }
    return lines;
}

static bool text_diff_lines_equal(const text_line *x, const text_line *y);

static bool text_diff_same(const diff_work *work, size_t i, size_t j)
{
    return text_diff_lines_equal(&work->a[i], &work->b[j]);
}

static bool text_diff_lines_equal(const text_line *x, const text_line *y)
{
    return x->hash == y->hash && x->length == y->length && x->has_newline == y->has_newline &&
           memcmp(x->text, y->text, x->length) == 0;
}

/* One distinct line of either side, and which sides have it. */
typedef struct line_slot {
    const text_line *line;
    bool in_old, in_new;
} line_slot;

static line_slot *text_diff_slot(line_slot *slots, size_t mask, const text_line *line)
{
    size_t i = (size_t)line->hash & mask;
    while (slots[i].line != NULL && !text_diff_lines_equal(slots[i].line, line)) i = (i + 1) & mask;
    return &slots[i];
}

/* The lines of one side that the other side has too, and where each came from. */
typedef struct shared_lines {
    text_line *items;
    size_t *origin;
    size_t count;
} shared_lines;

static void text_diff_shared(const text_lines *a, const text_lines *b, shared_lines *shared_a,
                             shared_lines *shared_b)
{
    size_t capacity = 1;
    while (capacity < 2 * (a->count + b->count) + 2) capacity *= 2;
    line_slot *slots = memory_calloc(capacity, sizeof(line_slot));
    for (size_t i = 0; i < a->count; i++) {
        line_slot *slot = text_diff_slot(slots, capacity - 1, &a->items[i]);
        slot->line = &a->items[i];
        slot->in_old = true;
    }
    for (size_t i = 0; i < b->count; i++) {
        line_slot *slot = text_diff_slot(slots, capacity - 1, &b->items[i]);
        slot->line = &b->items[i];
        slot->in_new = true;
    }
    const text_lines *sides[2] = {a, b};
    shared_lines *results[2] = {shared_a, shared_b};
    for (int side = 0; side < 2; side++) {
        const text_lines *lines = sides[side];
        shared_lines *result = results[side];
        result->items = memory_calloc(lines->count, sizeof(text_line));
        result->origin = memory_calloc(lines->count, sizeof(size_t));
        result->count = 0;
        for (size_t i = 0; i < lines->count; i++) {
            const line_slot *slot = text_diff_slot(slots, capacity - 1, &lines->items[i]);
            if (!slot->in_old || !slot->in_new) continue;
            result->items[result->count] = lines->items[i];
            result->origin[result->count++] = i;
        }
    }
    free(slots);
}

typedef struct diff_snake {
    size_t x, y, u, v;         /* from (x, y) to (u, v) along equal lines */
    bool found;                /* false: too many edits, the region is a replacement */
} diff_snake;

/* The middle snake of a[a0, a0+n) against b[b0, b0+m), both non-empty: the forward search
 * from the start and the backward search from the end meet on it. */
static diff_snake text_diff_middle_snake(diff_work *work, size_t a0, size_t n, size_t b0, size_t m)
{
    ptrdiff_t delta = (ptrdiff_t)n - (ptrdiff_t)m;
    bool odd = (delta & 1) != 0;
    ptrdiff_t max_d = (ptrdiff_t)(n + m + 1) / 2;
    ptrdiff_t *forward = work->forward + max_d + 1;    /* index by diagonal k = x - y */
    ptrdiff_t *backward = work->backward + max_d + 1;  /* same, counted from the ends */
    forward[1] = 0;
    backward[1] = 0;
    for (ptrdiff_t d = 0; d <= max_d && d <= TEXT_DIFF_MAX_EDITS; d++) {
        for (ptrdiff_t k = -d; k <= d; k += 2) {
            ptrdiff_t x = (k == -d || (k != d && forward[k - 1] < forward[k + 1]))
                              ? forward[k + 1] : forward[k - 1] + 1;
            ptrdiff_t y = x - k, start_x = x, start_y = y;
            while (x < (ptrdiff_t)n && y < (ptrdiff_t)m &&
                   text_diff_same(work, a0 + (size_t)x, b0 + (size_t)y)) {
                x++;
                y++;
            }
            forward[k] = x;
            ptrdiff_t reverse_k = delta - k;
            if (odd && reverse_k >= -(d - 1) && reverse_k <= d - 1 &&
                forward[k] + backward[reverse_k] >= (ptrdiff_t)n) {
                return (diff_snake){a0 + (size_t)start_x, b0 + (size_t)start_y,
                                    a0 + (size_t)x, b0 + (size_t)y, true};
            }
        }
        for (ptrdiff_t k = -d; k <= d; k += 2) {
            ptrdiff_t x = (k == -d || (k != d && backward[k - 1] < backward[k + 1]))
                              ? backward[k + 1] : backward[k - 1] + 1;
            ptrdiff_t y = x - k, start_x = x, start_y = y;
            while (x < (ptrdiff_t)n && y < (ptrdiff_t)m &&
                   text_diff_same(work, a0 + n - 1 - (size_t)x, b0 + m - 1 - (size_t)y)) {
                x++;
                y++;
            }
            backward[k] = x;
            ptrdiff_t forward_k = delta - k;
            if (!odd && forward_k >= -d && forward_k <= d &&
                backward[k] + forward[forward_k] >= (ptrdiff_t)n) {
                return (diff_snake){a0 + n - (size_t)x, b0 + m - (size_t)y,
                                    a0 + n - (size_t)start_x, b0 + m - (size_t)start_y, true};
            }
        }
    }
    return (diff_snake){a0, b0, a0, b0, false};
}

static void text_diff_keep(diff_work *work, size_t i, size_t j)
{
    work->a_kept[i] = true;
    work->b_kept[j] = true;
}

/* Marks the common lines of a[a0, a1) and b[b0, b1). Each split at least halves the edit
 * distance of its halves, so the recursion is O(log D) deep. */
static void text_diff_compare(diff_work *work, size_t a0, size_t a1, size_t b0, size_t b1)
{
    while (a0 < a1 && b0 < b1 && text_diff_same(work, a0, b0)) text_diff_keep(work, a0++, b0++);
    while (a0 < a1 && b0 < b1 && text_diff_same(work, a1 - 1, b1 - 1)) text_diff_keep(work, --a1, --b1);
    if (a0 == a1 || b0 == b1) return;
    diff_snake snake = text_diff_middle_snake(work, a0, a1 - a0, b0, b1 - b0);
    if (!snake.found) return;
    for (size_t i = snake.x, j = snake.y; i < snake.u; i++, j++) text_diff_keep(work, i, j);
    text_diff_compare(work, a0, snake.x, b0, snake.y);
    text_diff_compare(work, snake.u, a1, snake.v, b1);
}

typedef struct diff_op {
    char kind;                 /* ' ' kept, '-' removed, '+' added */
    size_t old_index, new_index;
} diff_op;

static void text_diff_line(jrn_strbuf *out, char kind, const text_line *line)
{
    strbuf_putc(out, kind);
    strbuf_append(out, line->text, line->length);
    strbuf_putc(out, '\n');
    if (!line->has_newline) strbuf_puts(out, "\\ No newline at end of file\n");
}

/* "-3,4" — or "-3" for one line; an empty side names the line before it. */
static void text_diff_range(jrn_strbuf *out, char sign, size_t first, size_t count)
{
    if (count == 1) strbuf_printf(out, "%c%zu", sign, first + 1);
    else strbuf_printf(out, "%c%zu,%zu", sign, count == 0 ? first : first + 1, count);
}

static void text_diff_hunk(jrn_strbuf *out, const diff_op *ops, size_t begin, size_t end,
                           const text_lines *a, const text_lines *b)
{
    size_t old_count = 0, new_count = 0;
    for (size_t i = begin; i < end; i++) {
        old_count += ops[i].kind != '+';
        new_count += ops[i].kind != '-';
    }
    strbuf_puts(out, "@@ ");
    text_diff_range(out, '-', ops[begin].old_index, old_count);
    strbuf_putc(out, ' ');
    text_diff_range(out, '+', ops[begin].new_index, new_count);
    strbuf_puts(out, " @@\n");
    for (size_t i = begin; i < end; i++) {
        const text_line *line = ops[i].kind == '+' ? &b->items[ops[i].new_index]
                                                   : &a->items[ops[i].old_index];
        text_diff_line(out, ops[i].kind, line);
    }
}

/* Groups the changes with their context into hunks; changes closer than twice the context
 * share a hunk. */
static void text_diff_hunks(jrn_strbuf *out, const diff_op *ops, size_t op_count,
                            const text_lines *a, const text_lines *b)
{
    size_t i = 0;
    while (i < op_count) {
        while (i < op_count && ops[i].kind == ' ') i++;
        if (i == op_count) break;
        size_t begin = i > TEXT_DIFF_CONTEXT ? i - TEXT_DIFF_CONTEXT : 0;
        size_t end = i;
        for (;;) {
            while (end < op_count && ops[end].kind != ' ') end++;
            size_t next = end;
            while (next < op_count && ops[next].kind == ' ') next++;
            if (next == op_count || next - end > 2 * TEXT_DIFF_CONTEXT) break;
            end = next;
        }
        size_t stop = end + TEXT_DIFF_CONTEXT < op_count ? end + TEXT_DIFF_CONTEXT : op_count;
        text_diff_hunk(out, ops, begin, stop, a, b);
        i = end;
    }
}

void text_diff_unified(const char *old_label, const char *old_text, size_t old_length,
                       const char *new_label, const char *new_text, size_t new_length,
                       jrn_strbuf *out)
{
    if (old_length == new_length && memcmp(old_text, new_text, old_length) == 0) return;
    text_lines a = text_diff_split(old_text, old_length);
    text_lines b = text_diff_split(new_text, new_length);
    shared_lines shared_a, shared_b;
    text_diff_shared(&a, &b, &shared_a, &shared_b);
    size_t diagonals = shared_a.count + shared_b.count + 5;
    diff_work work = {
        shared_a.items, shared_b.items,
        memory_calloc(shared_a.count, sizeof(bool)), memory_calloc(shared_b.count, sizeof(bool)),
        memory_calloc(diagonals, sizeof(ptrdiff_t)), memory_calloc(diagonals, sizeof(ptrdiff_t)),
    };
    text_diff_compare(&work, 0, shared_a.count, 0, shared_b.count);
    bool *a_kept = memory_calloc(a.count, sizeof(bool));
    bool *b_kept = memory_calloc(b.count, sizeof(bool));
    for (size_t k = 0; k < shared_a.count; k++) a_kept[shared_a.origin[k]] = work.a_kept[k];
    for (size_t k = 0; k < shared_b.count; k++) b_kept[shared_b.origin[k]] = work.b_kept[k];
    diff_op *ops = memory_calloc(a.count + b.count, sizeof(diff_op));
    size_t op_count = 0, i = 0, j = 0;
    while (i < a.count || j < b.count) {
        diff_op op = {' ', i, j};
        if (i < a.count && !a_kept[i]) op.kind = '-';
        else if (j < b.count && !b_kept[j]) op.kind = '+';
        ops[op_count++] = op;
        if (op.kind != '+') i++;
        if (op.kind != '-') j++;
    }
    strbuf_printf(out, "--- %s\n+++ %s\n", old_label, new_label);
    text_diff_hunks(out, ops, op_count, &a, &b);
    free(ops);
    free(a_kept);
    free(b_kept);
    free(shared_a.items);
    free(shared_a.origin);
    free(shared_b.items);
    free(shared_b.origin);
    free(work.a_kept);
    free(work.b_kept);
    free(work.forward);
    free(work.backward);
    free(a.items);
    free(b.items);
}
