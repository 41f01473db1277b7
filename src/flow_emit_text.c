/* flow_emit_text.c — journey flows as text: aligned tables, largest losses first. */
#include "jrn/flow_emit.h"
#include "jrn/terminal_text.h"
#include "jrn/memory.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A table of text cells whose columns are padded to their widest cell. */
typedef struct text_table {
    size_t columns;
    size_t cell_count;           /* cells are row-major */
    jrn_strbuf storage;          /* the cells' text, each ended by a NUL */
    size_t *offsets;             /* where each cell starts in storage (MEMORY_PUSH) */
    bool *right_aligned;         /* per column */
} text_table;

static void table_init(text_table *table, size_t columns, const bool *right_aligned)
{
    memset(table, 0, sizeof *table);
    table->columns = columns;
    table->right_aligned = memory_calloc(columns, sizeof *table->right_aligned);
    memcpy(table->right_aligned, right_aligned, columns * sizeof *right_aligned);
}

static void table_cell(text_table *table, const char *text)
{
    MEMORY_PUSH(table->offsets, table->cell_count, table->storage.length);
    strbuf_puts(&table->storage, text);
    strbuf_putc(&table->storage, '\0');
}

/* Display width in code points (titles may hold any UTF-8). */
static size_t table_text_width(const char *text)
{
    size_t width = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) width += (*p & 0xC0) != 0x80;
    return width;
}

static void table_render(text_table *table, const char *indent, jrn_strbuf *out)
{
    size_t *widths = memory_calloc(table->columns, sizeof *widths);
    for (size_t c = 0; c < table->cell_count; c++) {
        size_t width = table_text_width(table->storage.data + table->offsets[c]);
        if (width > widths[c % table->columns]) widths[c % table->columns] = width;
    }
    for (size_t c = 0; c < table->cell_count; c++) {
        size_t column = c % table->columns;
        const char *text = table->storage.data + table->offsets[c];
        size_t pad = widths[column] - table_text_width(text);
        if (column == 0) strbuf_puts(out, indent);
        else strbuf_puts(out, "  ");
        bool last = column + 1 == table->columns;
        if (table->right_aligned[column]) {
            for (size_t i = 0; i < pad; i++) strbuf_putc(out, ' ');
            strbuf_puts(out, text);
        } else {
            strbuf_puts(out, text);
            for (size_t i = 0; i < pad && !last; i++) strbuf_putc(out, ' ');
        }
        if (last) {
            while (out->length > 0 && out->data[out->length - 1] == ' ') out->data[--out->length] = '\0';
            strbuf_putc(out, '\n');
        }
    }
    free(widths);
    free(table->offsets);
    free(table->right_aligned);
    strbuf_free(&table->storage);
}

static void table_percent_cell(text_table *table, double share)
{
    jrn_strbuf cell = STRBUF_INIT;
    flow_emit_percent(&cell, share);
    table_cell(table, strbuf_text(&cell));
    strbuf_free(&cell);
}

static void table_count_cell(text_table *table, double count)
{
    jrn_strbuf cell = STRBUF_INIT;
    flow_emit_count(&cell, count);
    table_cell(table, strbuf_text(&cell));
    strbuf_free(&cell);
}

static void text_summary(const jrn_journey_flow *flow, bool has_data, jrn_strbuf *out)
{
    const jrn_journey *journey = flow->journey;
    strbuf_printf(out, "Journey %s", journey->base.id);
    if (journey->base.title != NULL) {
        /* A title is shown safely on a terminal: no escape sequence, no line of its own. */
        strbuf_puts(out, " \"");
        terminal_text_puts(out, journey->base.title);
        strbuf_putc(out, '"');
    }
    strbuf_printf(out, " (entry: %s)", flow->steps[flow->entry].touchpoint->base.id);
    strbuf_puts(out, "\n  Rates: ");
    flow_emit_rates_sentence(flow, has_data, out);
    strbuf_puts(out, "\n\n");
    static const bool aligned[] = {false, true, false};
    text_table table;
    table_init(&table, 3, aligned);
    table_cell(&table, "Completes");
    table_percent_cell(&table, flow->completion);
    if (flow->has_mean_days) {
        jrn_strbuf cell = STRBUF_INIT;
        strbuf_printf(&cell, "mean %.1f days to complete", flow->mean_days_to_complete);
        table_cell(&table, strbuf_text(&cell));
        strbuf_free(&cell);
    } else table_cell(&table, flow->has_durations ? "nobody completes" : "no durations (after:) to time it");
    table_cell(&table, "Lost");
    table_percent_cell(&table, flow->lost);
    table_cell(&table, "");
    if (flow->trap_count > 0) {
        table_cell(&table, "Trapped");
        table_percent_cell(&table, flow->trapped);
        table_cell(&table, "in a cycle with no way out");
    }
    table_render(&table, "  ", out);
}

static void text_losses(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    size_t count;
    size_t *order = flow_emit_losses_order(flow, &count);
    if (count > 0) {
        strbuf_puts(out, "\n  Where customers are lost (largest first)\n");
        static const bool aligned[] = {false, false, true, true};
        text_table table;
        table_init(&table, 4, aligned);
        table_cell(&table, "touchpoint");
        table_cell(&table, "stage");
        table_cell(&table, "lost");
        table_cell(&table, "of losses");
        for (size_t i = 0; i < count; i++) {
            const jrn_flow_step *step = &flow->steps[order[i]];
            table_cell(&table, step->touchpoint->base.id);
            table_cell(&table, step->touchpoint->stage->base.id);
            table_percent_cell(&table, step->lost);
            table_percent_cell(&table, flow->lost > 0 ? step->lost / flow->lost : 0);
        }
        table_render(&table, "    ", out);
    }
    free(order);
    if (flow->stage_loss_count == 0) return;
    strbuf_puts(out, "\n  Lost by stage (largest first)\n");
    size_t *stages = flow_emit_stage_losses_order(flow);
    static const bool aligned[] = {false, true, true};
    text_table table;
    table_init(&table, 3, aligned);
    table_cell(&table, "stage");
    table_cell(&table, "lost");
    table_cell(&table, "of losses");
    for (size_t i = 0; i < flow->stage_loss_count; i++) {
        const jrn_flow_stage_loss *loss = &flow->stage_losses[stages[i]];
        table_cell(&table, loss->stage->base.id);
        table_percent_cell(&table, loss->lost);
        table_percent_cell(&table, flow->lost > 0 ? loss->lost / flow->lost : 0);
    }
    table_render(&table, "    ", out);
    free(stages);
}

static void text_ends_and_visits(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    bool any_end = false;
    for (size_t s = 0; s < flow->step_count; s++) any_end |= flow->steps[s].is_end;
    text_table table;
    if (any_end) {
        strbuf_puts(out, "\n  Ends\n");
        static const bool end_aligned[] = {false, true};
        table_init(&table, 2, end_aligned);
        table_cell(&table, "touchpoint");
        table_cell(&table, "completes");
        for (size_t s = 0; s < flow->step_count; s++) {
            if (!flow->steps[s].is_end) continue;
            table_cell(&table, flow->steps[s].touchpoint->base.id);
            table_percent_cell(&table, flow->steps[s].completes);
        }
        table_render(&table, "    ", out);
    } else {
        strbuf_puts(out, "\n  Ends: none (every step has a hop out)\n");
    }
    strbuf_puts(out, "\n  Visits (expected per entrant)\n");
    static const bool visit_aligned[] = {false, true};
    table_init(&table, 2, visit_aligned);
    for (size_t s = 0; s < flow->step_count; s++) {
        table_cell(&table, flow->steps[s].touchpoint->base.id);
        if (isinf(flow->steps[s].visits)) table_cell(&table, "unbounded (trapped)");
        else table_count_cell(&table, flow->steps[s].visits);
    }
    table_render(&table, "    ", out);
}

static void text_loops_and_traps(const jrn_journey_flow *flow, jrn_strbuf *out)
{
    bool any_loop = false;
    for (size_t h = 0; h < flow->hop_count; h++) any_loop |= flow->hops[h].is_loop;
    if (any_loop) {
        strbuf_puts(out, "\n  Loops (expected times taken per entrant)\n");
        static const bool aligned[] = {false, true};
        text_table table;
        table_init(&table, 2, aligned);
        for (size_t h = 0; h < flow->hop_count; h++) {
            const jrn_flow_hop *hop = &flow->hops[h];
            if (!hop->is_loop) continue;
            jrn_strbuf name = STRBUF_INIT;
            strbuf_printf(&name, "%s -> %s", hop->hop->from->base.id, hop->hop->to->base.id);
            table_cell(&table, strbuf_text(&name));
            strbuf_free(&name);
            if (isinf(hop->flow)) table_cell(&table, "unbounded (trapped)");
            else table_count_cell(&table, hop->flow);
        }
        table_render(&table, "    ", out);
    }
    for (size_t t = 0; t < flow->trap_count; t++) {
        const jrn_flow_trap *trap = &flow->traps[t];
        strbuf_puts(out, t == 0 ? "\n  Trapped: no way out of\n" : "");
        strbuf_puts(out, "    ");
        for (size_t k = 0; k < trap->step_count; k++) {
            strbuf_printf(out, "%s%s", k > 0 ? ", " : "", flow->steps[trap->steps[k]].touchpoint->base.id);
        }
        strbuf_puts(out, "  ");
        flow_emit_percent(out, trap->share);
        strbuf_puts(out, " of entrants\n");
    }
}

void flow_emit_text(const jrn_flow_results *report, jrn_strbuf *out)
{
    for (size_t f = 0; f < report->flow_count; f++) {
        const jrn_journey_flow *flow = &report->flows[f];
        if (f > 0) strbuf_putc(out, '\n');
        if (flow->step_count == 0) {
            strbuf_printf(out, "Journey %s: no steps, no flow\n", flow->journey->base.id);
            continue;
        }
        text_summary(flow, report->has_data, out);
        text_losses(flow, out);
        text_ends_and_visits(flow, out);
        text_loops_and_traps(flow, out);
    }
}
