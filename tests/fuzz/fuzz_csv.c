/* fuzz_csv_data.c — libFuzzer harness over measured data: any bytes as a --data CSV file
 * against one real map (examples/acme_post_sales.jrn), through the CSV reader, the loader
 * and every back end that reads measured data. Built and run by `make fuzz FUZZ_TARGET=csv`. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_file.h"
#include "jrn/compile.h"
#include "jrn/csv.h"
#include "jrn/data.h"
#include "jrn/emit.h"
#include "jrn/flow.h"
#include "jrn/flow_emit.h"
#include "jrn/lint.h"

#ifndef JRN_FUZZ_STDLIB
#define JRN_FUZZ_STDLIB "stdlib"
#endif
#ifndef JRN_FUZZ_MAP
#define JRN_FUZZ_MAP "examples/acme_post_sales.jrn"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The map every input is measured against: compiled once, read only afterwards. */
static jrn_compilation *fuzz_map;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_FUZZ_STDLIB;
    fuzz_map = compile_new();
    if (!compile_file(fuzz_map, JRN_FUZZ_MAP, &options)) abort();
    return 0;
}

/* Every diagnostic as the user would read it, source line and caret included. */
static void fuzz_render_diags(const jrn_diag_list *diags, jrn_strbuf *out)
{
    for (const jrn_diag *diag = diags->first; diag != NULL; diag = diag->next) {
        diag_render_one_text(diag, out, false);
    }
}

/* The reader's promises: every record and field lies inside the source, in order, and a
 * field's decoded text is never longer than the field as written. */
static void fuzz_csv_reader(jrn_arena *arena, const jrn_source *source, size_t size)
{
    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    size_t count = 0;
    jrn_csv_record *records = csv_read(arena, source, &diags, &count);
    uint32_t previous_end = 0;
    for (size_t i = 0; i < count; i++) {
        const jrn_csv_record *record = &records[i];
        if (record->span.begin > record->span.end || record->span.end > size) abort();
        if (record->span.begin < previous_end) abort();
        previous_end = record->span.end;
        for (size_t f = 0; f < record->field_count; f++) {
            const jrn_csv_field *field = &record->fields[f];
            if (field->span.begin > field->span.end || field->span.end > size) abort();
            if (field->span.begin < record->span.begin || field->span.end > record->span.end) abort();
            if (strlen(field->text) > field->span.end - field->span.begin) abort();
        }
    }
}

/* The same bytes read from a file load exactly as from memory: same rows, same messages. */
static void fuzz_from_file(const uint8_t *data, size_t size, const jrn_actuals *in_memory,
                           const jrn_diag_list *memory_diags)
{
    fuzz_write_file("fuzz.csv", data, size);
    jrn_arena *arena = arena_new();
    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    jrn_actuals *from_disk = data_new(arena, fuzz_map->model);
    const char *const paths[] = {"fuzz.csv"};
    if (data_load_files(from_disk, paths, 1, (jrn_date){2026, 11, 23}, &diags) != DATA_LOADED) abort();
    if (data_row_count(from_disk) != data_row_count(in_memory)) abort();
    jrn_strbuf want = STRBUF_INIT, got = STRBUF_INIT;
    fuzz_render_diags(memory_diags, &want);
    fuzz_render_diags(&diags, &got);
    if (want.length != got.length || memcmp(strbuf_text(&want), strbuf_text(&got), want.length) != 0) abort();
    strbuf_free(&want);
    strbuf_free(&got);
    arena_free(arena);
}

/* Shares of a flow are shares: each in [0, 1], and completion, losses and traps add up to
 * everyone who entered (traps alone may hold everyone). */
static void fuzz_check_flow(const jrn_journey_flow *flow)
{
    double shares[] = {flow->completion, flow->lost, flow->trapped};
    for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
        if (!(shares[i] >= -1e-9 && shares[i] <= 1 + 1e-9)) abort();
    }
    double total = flow->completion + flow->lost + flow->trapped;
    if (fabs(total - 1) > 1e-6) abort();
    if (flow->has_mean_days && !isfinite(flow->mean_days_to_complete)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const jrn_model *model = fuzz_map->model;
    jrn_arena *arena = arena_new();
    const jrn_source *source = source_from_memory(arena, "fuzz.csv", (const char *)data, size);
    fuzz_csv_reader(arena, source, size);

    jrn_diag_list diags;
    diag_list_init(&diags, arena);
    jrn_actuals *actuals = data_new(arena, model);
    data_load_source(actuals, source, (jrn_date){2026, 11, 23}, &diags);
    data_check_one_value_per_date(actuals, &diags);
    fuzz_from_file(data, size, actuals, &diags);

    /* Every back end that reads measured data. */
    jrn_lint_options lint_options;
    lint_options_init(&lint_options);
    lint_options.today = (jrn_date){2026, 11, 23};
    lint_options.actuals = actuals;
    lint_model(model, &lint_options, &diags);
    jrn_emit_options view = {0};
    view.actuals = actuals;
    jrn_strbuf out = STRBUF_INIT;
    emit_json(model, &view, &out, &diags);
    emit_md(model, &view, &out, &diags);
    emit_csv(model, &view, &out, &diags);
    jrn_journey_flow *flows = arena_alloc_array(arena, model->journey_count + 1, sizeof *flows);
    size_t flow_count = 0;
    for (size_t i = 0; i < model->journey_count; i++) {
        if (flow_journey(arena, model, model->journeys[i], actuals, &diags, &flows[flow_count])) {
            fuzz_check_flow(&flows[flow_count]);
            flow_count++;
        }
    }
    jrn_flow_results report = {model, flows, flow_count, true};
    flow_emit_text(&report, &out);
    flow_emit_md(&report, &out);
    flow_emit_json(&report, &out);
    strbuf_clear(&out);
    fuzz_render_diags(&diags, &out);
    strbuf_free(&out);
    arena_free(arena);
    return 0;
}
