/* dot_labels.c — the texts of the Graphviz picture: HTML-like labels and plain tooltips. */
#include "jrn/dot_labels.h"

#include <math.h>
#include <string.h>

#include "jrn/dot_style.h"
#include "jrn/dot_text.h"

/* A tooltip is for reading, not for storage: each text in it, and the whole, is capped
 * far below Graphviz's string limit. */
#define DOT_LABEL_TOOLTIP_TEXT_LIMIT 600u
#define DOT_LABEL_TOOLTIP_LIMIT 8000u
/* Room for a one-line text in a label (the wrapped ones are bounded by their lines). */
#define DOT_LABEL_LINE_LIMIT 300u

#define DOT_LABEL_SEPARATOR " \xC2\xB7 "     /* " · " */
#define DOT_LABEL_ARROW " \xE2\x86\x92 "     /* " → " */

/* What to call an element: its title, or its id when the title is missing or blank
 * (Graphviz rejects an empty <B></B>, and a blank title tells a reader nothing). */
static const char *dot_label_name(const jrn_element *element)
{
    const char *label = element_label(element);
    if (label && !dot_text_is_blank(label)) return label;
    return element->id ? element->id : "";
}

/* Raw (unescaped) "+2 (delighted)" for an emotion value. */
static void dot_label_emotion_text(jrn_strbuf *raw, const jrn_model *model, double value)
{
    if (value > 0) strbuf_putc(raw, '+');
    dot_text_number(raw, value);
    const char *name = model_emotion_label(model, value);
    if (name) {
        strbuf_puts(raw, " (");
        strbuf_puts(raw, name);
        dot_text_close_bidi(raw, name);
        strbuf_putc(raw, ')');
    }
}

/* Raw list of element labels: the arrays of the model hold structs that begin with
 * their jrn_element, so any of them can be listed alike. */
static void dot_label_join(jrn_strbuf *raw, const void *const *items, size_t count,
                           const char *separator)
{
    for (size_t i = 0; i < count; i++) {
        if (i > 0) strbuf_puts(raw, separator);
        strbuf_puts(raw, dot_label_name((const jrn_element *)items[i]));
        dot_text_close_bidi(raw, dot_label_name((const jrn_element *)items[i]));
    }
}

/* The metric a KPI measures, as the picture calls it. */
static const char *dot_label_kpi_name(const jrn_kpi *kpi)
{
    return kpi->metric ? dot_label_name(&kpi->metric->base) : dot_label_name(&kpi->base);
}

/* Raw "Course completion rate: target 80%, quarterly, owner Education. Why" */
static void dot_label_kpi_text(jrn_strbuf *raw, const jrn_kpi *kpi)
{
    strbuf_puts(raw, dot_label_kpi_name(kpi));
    dot_text_close_bidi(raw, dot_label_kpi_name(kpi));
    if (kpi->has_target && kpi->target.text) {
        strbuf_puts(raw, ": target ");
        strbuf_puts(raw, kpi->target.text);
    }
    const char *every = frequency_name(kpi->every);
    if (every) {
        strbuf_puts(raw, ", ");
        strbuf_puts(raw, every);
    }
    if (kpi->owner) {
        strbuf_puts(raw, ", owner ");
        strbuf_puts(raw, dot_label_name(&kpi->owner->base));
    }
    if (kpi->why) {
        strbuf_puts(raw, ". ");
        strbuf_puts(raw, kpi->why);
    }
}

const char *dot_label_element_name(const jrn_element *element)
{
    return dot_label_name(element);
}

void dot_label_emotion_raw(jrn_strbuf *raw, const jrn_model *model, double value)
{
    dot_label_emotion_text(raw, model, value);
}

/* ---- plain tooltips ---- */

/* Adds "Name: text" as a new tooltip line while the tooltip has room. name is jrnc's
 * own text, never the user's: only text is escaped. */
static void dot_label_tooltip_line(jrn_strbuf *out, const char *name, const char *text)
{
    if (!text || !*text) return;
    if (out->length + 100 >= DOT_LABEL_TOOLTIP_LIMIT) return;
    if (out->length > 0) strbuf_puts(out, "\\n");
    if (name) {
        strbuf_puts(out, name);
        strbuf_puts(out, ": ");
    }
    size_t budget = DOT_LABEL_TOOLTIP_LIMIT - out->length;
    if (budget > DOT_LABEL_TOOLTIP_TEXT_LIMIT) budget = DOT_LABEL_TOOLTIP_TEXT_LIMIT;
    dot_text_plain(out, text, budget);
}

/* A tooltip line whose text is composed first (lists, numbers): raw is a scratch buffer. */
static void dot_label_tooltip_raw(jrn_strbuf *out, const char *name, jrn_strbuf *raw)
{
    dot_label_tooltip_line(out, name, strbuf_text(raw));
    strbuf_clear(raw);
}

static void dot_label_tooltip_kpis(jrn_strbuf *out, jrn_kpi *const *kpis, size_t count,
                                   jrn_strbuf *raw)
{
    for (size_t i = 0; i < count; i++) {
        dot_label_kpi_text(raw, kpis[i]);
        dot_label_tooltip_raw(out, "KPI", raw);
    }
}

static void dot_label_tooltip_heat(jrn_strbuf *out, const char *name, bool is_set,
                                   const char *text)
{
    if (!is_set) return;
    if (text) dot_label_tooltip_line(out, name, text);
    else dot_label_tooltip_line(out, NULL, name);
}

void dot_label_touchpoint_tooltip(jrn_strbuf *out, const jrn_model *model,
                                  const jrn_touchpoint *touchpoint)
{
    jrn_strbuf raw = STRBUF_INIT;
    dot_label_tooltip_line(out, NULL, dot_label_name(&touchpoint->base));
    if (touchpoint->stage) dot_label_tooltip_line(out, "Stage", dot_label_name(&touchpoint->stage->base));
    if (touchpoint->owner) dot_label_tooltip_line(out, "Owner", dot_label_name(&touchpoint->owner->base));
    if (touchpoint->effort > 0) {
        strbuf_printf(&raw, "%d of 5", touchpoint->effort);
        dot_label_tooltip_raw(out, "Effort", &raw);
    }
    if (touchpoint->has_emotion) {
        dot_label_emotion_text(&raw, model, touchpoint->emotion);
        dot_label_tooltip_raw(out, "Emotion", &raw);
    }
    dot_label_join(&raw, (const void *const *)touchpoint->channels, touchpoint->channel_count, ", ");
    dot_label_tooltip_raw(out, "Channels", &raw);
    dot_label_join(&raw, (const void *const *)touchpoint->personas, touchpoint->persona_count, ", ");
    dot_label_tooltip_raw(out, "Personas", &raw);
    dot_label_tooltip_line(out, "Contact", contact_name(touchpoint->contact));
    dot_label_tooltip_heat(out, "Pain point", touchpoint->is_pain, touchpoint->pain);
    dot_label_tooltip_heat(out, "Moment of delight", touchpoint->is_delight, touchpoint->delight);
    dot_label_tooltip_heat(out, "Moment of truth", touchpoint->is_truth, touchpoint->truth);
    if (touchpoint->is_backstage) dot_label_tooltip_line(out, NULL, "Backstage: not seen by the customer");
    dot_label_tooltip_line(out, "Does", touchpoint->notes->does);
    dot_label_tooltip_line(out, "Thinks", touchpoint->notes->thinks);
    dot_label_tooltip_line(out, "Feels", touchpoint->notes->feels);
    dot_label_tooltip_line(out, "Trigger", touchpoint->notes->trigger);
    for (size_t i = 0; i < touchpoint->notes->opportunities.count; i++)
        dot_label_tooltip_line(out, "Opportunity", touchpoint->notes->opportunities.items[i]);
    dot_label_tooltip_kpis(out, touchpoint->kpis, touchpoint->kpi_count, &raw);
    strbuf_free(&raw);
}

void dot_label_stage_tooltip(jrn_strbuf *out, const jrn_model *model, const jrn_stage *stage)
{
    jrn_strbuf raw = STRBUF_INIT;
    dot_label_tooltip_line(out, NULL, dot_label_name(&stage->base));
    dot_label_tooltip_line(out, "Goal", stage->goal);
    if (stage->owner) dot_label_tooltip_line(out, "Owner", dot_label_name(&stage->owner->base));
    if (stage->has_emotion) {
        dot_label_emotion_text(&raw, model, stage->emotion);
        dot_label_tooltip_raw(out, "Emotion now", &raw);
    }
    if (stage->has_aspiration) {
        dot_label_emotion_text(&raw, model, stage->aspiration);
        dot_label_tooltip_raw(out, "Aspiration", &raw);
    }
    for (size_t i = 0; i < stage->loop_count; i++) {
        if (i > 0) strbuf_puts(&raw, ", ");
        strbuf_puts(&raw, dot_label_name(&stage->loops[i].target->base));
    }
    dot_label_tooltip_raw(out, "Loops back to", &raw);
    dot_label_tooltip_kpis(out, stage->kpis, stage->kpi_count, &raw);
    strbuf_free(&raw);
}

void dot_label_hop(jrn_strbuf *out, const jrn_hop *hop)
{
    jrn_strbuf raw = STRBUF_INIT;
    if (hop->has_rate) {
        dot_text_number(&raw, hop->rate * 100.0);
        strbuf_putc(&raw, '%');
    }
    if (hop->has_after) {
        if (hop->has_rate) strbuf_puts(&raw, DOT_LABEL_SEPARATOR);
        strbuf_puts(&raw, "after ");
        dot_text_number(&raw, hop->after.amount);
        strbuf_puts(&raw, duration_unit_suffix(hop->after.unit));
    }
    dot_text_plain(out, strbuf_text(&raw), DOT_LABEL_LINE_LIMIT);
    strbuf_free(&raw);
}

/* "53% of entrants" / "1.07 per entrant": how many customers take a hop, per customer who
 * enters the journey (loops take some hops more than once). */
static void dot_label_flow_amount(jrn_strbuf *raw, double flow)
{
    if (isinf(flow)) strbuf_puts(raw, "trapped: round and round");
    else if (flow < 0.995) strbuf_printf(raw, "%.2g%% of entrants", flow * 100.0);
    else strbuf_printf(raw, "%.3g per entrant", flow);
}

void dot_label_hop_flow(jrn_strbuf *out, const jrn_hop *hop, double flow, double observed_rate)
{
    jrn_strbuf raw = STRBUF_INIT;
    dot_label_flow_amount(&raw, flow);
    if (observed_rate >= 0) {
        strbuf_puts(&raw, DOT_LABEL_SEPARATOR);
        strbuf_puts(&raw, "observed ");
        dot_text_number(&raw, observed_rate * 100.0);
        strbuf_putc(&raw, '%');
    }
    dot_text_plain(out, strbuf_text(&raw), DOT_LABEL_LINE_LIMIT);
    if (hop->has_rate || hop->has_after) {
        strbuf_clear(&raw);
        dot_label_hop(&raw, hop);
        /* already escaped: append as is, on a line of its own */
        strbuf_puts(out, "\\n");
        if (observed_rate >= 0 && hop->has_rate) strbuf_puts(out, "declared ");
        strbuf_puts(out, strbuf_text(&raw));
    }
    strbuf_free(&raw);
}

void dot_label_hop_tooltip(jrn_strbuf *out, const jrn_journey *journey, const jrn_hop *hop)
{
    jrn_strbuf raw = STRBUF_INIT;
    strbuf_puts(&raw, dot_label_name(&journey->base));
    strbuf_puts(&raw, ": ");
    strbuf_puts(&raw, dot_label_name(&hop->from->base));
    strbuf_puts(&raw, DOT_LABEL_ARROW);
    strbuf_puts(&raw, dot_label_name(&hop->to->base));
    dot_label_tooltip_raw(out, NULL, &raw);
    if (hop->has_rate || hop->has_after) {
        dot_label_hop(&raw, hop);
        /* already escaped: append as is */
        strbuf_puts(out, "\\n");
        strbuf_puts(out, strbuf_text(&raw));
    }
    if (hop->goes_back)
        dot_label_tooltip_line(out, NULL, hop->is_declared_loop
                                              ? "Goes back to an earlier stage (a declared loop)"
                                              : "Goes back to an earlier stage (not a declared loop)");
    strbuf_free(&raw);
}

void dot_label_map_tooltip(jrn_strbuf *out, const jrn_model *model)
{
    const char *title = dot_label_name(&model->map.base);
    dot_label_tooltip_line(out, NULL, *title ? title : "Journey map");
    dot_label_tooltip_line(out, NULL, model->map.description);
}

void dot_label_plain(jrn_strbuf *out, const char *text)
{
    dot_text_plain(out, text, DOT_LABEL_LINE_LIMIT);
}

/* ---- HTML-like labels ---- */

/* Labels are lines of text in fonts, without tables: Graphviz 2.43 leaks every HTML table
 * it sizes, and plain lines are all a label needs. Each line is opened with
 * dot_label_line_open and closed with dot_label_line_close. Stage and title labels align
 * left, like headings (each line ends with a left-aligned break); touchpoint labels
 * centre (lines are separated by plain breaks). */
typedef struct dot_label_lines {
    jrn_strbuf *out;
    bool align_left;
    size_t count;               /* lines closed so far */
} dot_label_lines;

typedef struct dot_label_font {
    const char *point_size;     /* NULL: the object's font size */
    const char *color;          /* NULL: the object's font colour */
    bool bold;
    bool italic;
} dot_label_font;

#define DOT_LABEL_BREAK "<BR/>"
#define DOT_LABEL_BREAK_LEFT "<BR ALIGN=\"LEFT\"/>"

static const char *dot_label_break(const dot_label_lines *lines)
{
    return lines->align_left ? DOT_LABEL_BREAK_LEFT : DOT_LABEL_BREAK;
}

static void dot_label_line_open(dot_label_lines *lines, dot_label_font font)
{
    jrn_strbuf *out = lines->out;
    if (lines->count > 0 && !lines->align_left) strbuf_puts(out, DOT_LABEL_BREAK);
    if (font.point_size || font.color) {
        strbuf_puts(out, "<FONT");
        if (font.point_size) strbuf_printf(out, " POINT-SIZE=\"%s\"", font.point_size);
        if (font.color) strbuf_printf(out, " COLOR=\"%s\"", font.color);
        strbuf_putc(out, '>');
    }
    if (font.bold) strbuf_puts(out, "<B>");
    if (font.italic) strbuf_puts(out, "<I>");
}

static void dot_label_line_close(dot_label_lines *lines, dot_label_font font)
{
    jrn_strbuf *out = lines->out;
    if (font.italic) strbuf_puts(out, "</I>");
    if (font.bold) strbuf_puts(out, "</B>");
    if (font.point_size || font.color) strbuf_puts(out, "</FONT>");
    if (lines->align_left) strbuf_puts(out, DOT_LABEL_BREAK_LEFT);
    lines->count++;
}

/* One line (wrapped into at most max_lines) of user text in a font. */
static void dot_label_text_line(dot_label_lines *lines, dot_label_font font, const char *text,
                                size_t width, size_t max_lines)
{
    if (dot_text_is_blank(text)) return;   /* an empty <B></B> is a syntax error to dot */
    dot_label_line_open(lines, font);
    dot_text_html_wrapped(lines->out, text, width, max_lines, dot_label_break(lines));
    dot_label_line_close(lines, font);
}

/* A line of small wrapped text: "prefix text". */
static void dot_label_small_line(dot_label_lines *lines, const char *prefix, const char *text,
                                 const char *color, bool italic)
{
    jrn_strbuf raw = STRBUF_INIT;
    if (prefix) strbuf_puts(&raw, prefix);
    strbuf_puts(&raw, text);
    dot_label_font font = {"10", color, false, italic};
    dot_label_text_line(lines, font, strbuf_text(&raw), 30, 2);
    strbuf_free(&raw);
}

/* Every pain and delight line starts with its mark, so the heat map reads without colour
 * (in grey, on paper, with any colour-vision deficiency): ▼ pain, ▲ delight, ★ truth. */
#define DOT_LABEL_PAIN_PREFIX "\xE2\x96\xBC Pain: "
#define DOT_LABEL_DELIGHT_PREFIX "\xE2\x96\xB2 Delight: "
#define DOT_LABEL_TRUTH_MARK "\xE2\x98\x85"
#define DOT_LABEL_PAIN_FLAG "\xE2\x96\xBC Pain point"
#define DOT_LABEL_DELIGHT_FLAG "\xE2\x96\xB2 Moment of delight"

/* A touchpoint with a pain text and a delight text: each on a band of its own colour, in
 * a table, so "Pain:" always sits on red and "Delight:" on green. */
static void dot_label_touchpoint_bands(jrn_strbuf *out, const jrn_theme *theme, const jrn_touchpoint *touchpoint)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR><TD>");
    dot_label_lines head = {out, false, 0};
    dot_label_font title = {NULL, NULL, true, false};
    dot_label_text_line(&head, title, dot_label_name(&touchpoint->base), 22, 3);
    if (touchpoint->channel_count > 0) {
        jrn_strbuf raw = STRBUF_INIT;
        dot_label_join(&raw, (const void *const *)touchpoint->channels, touchpoint->channel_count,
                       DOT_LABEL_SEPARATOR);
        dot_label_small_line(&head, NULL, strbuf_text(&raw), theme->muted, false);
        strbuf_free(&raw);
    }
    dot_heat_style pain_style = dot_style_heat(theme, HEAT_PAIN), delight_style = dot_style_heat(theme, HEAT_DELIGHT);
    strbuf_printf(out, "</TD></TR><TR><TD BGCOLOR=\"%s\">", pain_style.fill);
    dot_label_lines pain = {out, false, 0};
    dot_label_small_line(&pain, DOT_LABEL_PAIN_PREFIX, touchpoint->pain, pain_style.text, true);
    strbuf_printf(out, "</TD></TR><TR><TD BGCOLOR=\"%s\">", delight_style.fill);
    dot_label_lines delight = {out, false, 0};
    dot_label_small_line(&delight, DOT_LABEL_DELIGHT_PREFIX, touchpoint->delight, delight_style.text, true);
    strbuf_puts(out, "</TD></TR>");
    if (touchpoint->is_truth) {
        strbuf_puts(out, "<TR><TD>");
        dot_label_lines truth = {out, false, 0};
        dot_label_small_line(&truth, DOT_LABEL_TRUTH_MARK " ", touchpoint->truth ? touchpoint->truth : "Moment of truth",
                             theme->text, false);
        strbuf_puts(out, "</TD></TR>");
    }
    strbuf_puts(out, "</TABLE>");
}

bool dot_label_touchpoint_is_banded(const jrn_touchpoint *touchpoint)
{
    return touchpoint->pain && !dot_text_is_blank(touchpoint->pain) && touchpoint->delight &&
           !dot_text_is_blank(touchpoint->delight);
}

void dot_label_touchpoint_add_lines(jrn_strbuf *out, const jrn_touchpoint *touchpoint, const char *lines)
{
    static const char table_end[] = "</TABLE>";
    if (!*lines) return;
    if (!dot_label_touchpoint_is_banded(touchpoint)) {
        strbuf_puts(out, lines);
        return;
    }
    /* a label is one table or text, never both: the lines become the table's last row */
    out->length -= sizeof table_end - 1;
    out->data[out->length] = '\0';
    if (strncmp(lines, DOT_LABEL_BREAK, strlen(DOT_LABEL_BREAK)) == 0) lines += strlen(DOT_LABEL_BREAK);
    strbuf_printf(out, "<TR><TD>%s</TD></TR>%s", lines, table_end);
}

void dot_label_touchpoint(jrn_strbuf *out, const jrn_theme *theme, const jrn_touchpoint *touchpoint)
{
    if (dot_label_touchpoint_is_banded(touchpoint)) {
        dot_label_touchpoint_bands(out, theme, touchpoint);
        return;
    }
    dot_label_lines lines = {out, false, 0};
    dot_label_font title = {NULL, NULL, true, false};
    dot_label_text_line(&lines, title, dot_label_name(&touchpoint->base), 22, 3);
    if (touchpoint->channel_count > 0) {
        jrn_strbuf raw = STRBUF_INIT;
        dot_label_join(&raw, (const void *const *)touchpoint->channels, touchpoint->channel_count,
                       DOT_LABEL_SEPARATOR);
        dot_label_small_line(&lines, NULL, strbuf_text(&raw), theme->muted, false);
        strbuf_free(&raw);
    }
    /* a flag without a text still gets its marked line */
    if (touchpoint->is_pain)
        dot_label_small_line(&lines, touchpoint->pain ? DOT_LABEL_PAIN_PREFIX : NULL,
                             touchpoint->pain ? touchpoint->pain : DOT_LABEL_PAIN_FLAG,
                             dot_style_heat(theme, HEAT_PAIN).text, true);
    if (touchpoint->is_delight)
        dot_label_small_line(&lines, touchpoint->delight ? DOT_LABEL_DELIGHT_PREFIX : NULL,
                             touchpoint->delight ? touchpoint->delight : DOT_LABEL_DELIGHT_FLAG,
                             dot_style_heat(theme, HEAT_DELIGHT).text, true);
    if (touchpoint->is_truth)
        dot_label_small_line(&lines, DOT_LABEL_TRUTH_MARK " ",
                             touchpoint->truth ? touchpoint->truth : "Moment of truth", theme->text,
                             false);
}

void dot_label_empty_stage(jrn_strbuf *out, const jrn_theme *theme)
{
    dot_label_lines lines = {out, false, 0};
    dot_label_font font = {"10", theme->muted, false, true};
    dot_label_text_line(&lines, font, "no touchpoints yet", 30, 1);
}

void dot_label_note(jrn_strbuf *out, const jrn_theme *theme, const char *text)
{
    dot_label_lines lines = {out, false, 0};
    dot_label_font font = {"12", theme->muted, false, false};
    dot_label_text_line(&lines, font, text, 50, 4);
}

#define DOT_LABEL_CHECK "\xE2\x9C\x93"      /* ✓ */
#define DOT_LABEL_CROSS "\xE2\x9C\x97"      /* ✗ */
#define DOT_LABEL_BETTER "\xE2\x96\xB2"     /* ▲ */
#define DOT_LABEL_WORSE "\xE2\x96\xBC"      /* ▼ */

/* Raw " ▲ better" / " ▼ worse" / " = same": how the value moved since the previous
 * measurement, judged by the metric's better: direction (a raw ↑ or ↓ when it has none,
 * for "up" says nothing about good or bad). */
static void dot_label_kpi_trend(jrn_strbuf *raw, const jrn_kpi *kpi, const jrn_actual *actual)
{
    if (!actual || !actual->has_previous) return;
    double latest = actual->latest.value.value, previous = actual->previous.value.value;
    jrn_better better = kpi->metric ? kpi->metric->better : BETTER_UNSET;
    if (latest == previous) strbuf_puts(raw, " = same");
    else if (better == BETTER_UNSET) {
        strbuf_putc(raw, ' ');
        strbuf_puts(raw, data_change_arrow(actual));
    } else if ((latest > previous) == (better == BETTER_HIGHER))
        strbuf_puts(raw, " " DOT_LABEL_BETTER " better");
    else
        strbuf_puts(raw, " " DOT_LABEL_WORSE " worse");
}

/* Raw "Customer satisfaction 4.3 / 4.5 ✗ ▼ worse": the actual, the target, met or missed, and
 * which way the value moved since the previous measurement. */
static void dot_label_kpi_actual(jrn_strbuf *raw, const jrn_kpi *kpi, const jrn_actual *actual,
                                 jrn_kpi_status status)
{
    strbuf_puts(raw, dot_label_kpi_name(kpi));
    dot_text_close_bidi(raw, dot_label_kpi_name(kpi));
    strbuf_putc(raw, ' ');
    if (status == KPI_STATUS_NO_DATA) {
        strbuf_puts(raw, "(no data)");
        return;
    }
    strbuf_puts(raw, actual->latest.value.text);
    if (kpi->has_target && kpi->target.text) {
        strbuf_puts(raw, " / ");
        strbuf_puts(raw, kpi->target.text);
    }
    if (status == KPI_STATUS_MET) strbuf_puts(raw, " " DOT_LABEL_CHECK);
    if (status == KPI_STATUS_MISSED) strbuf_puts(raw, " " DOT_LABEL_CROSS);
    dot_label_kpi_trend(raw, kpi, actual);
}

/* Raw "KPI Course completion rate: target 80%" */
static void dot_label_kpi_target(jrn_strbuf *raw, const jrn_kpi *kpi)
{
    strbuf_puts(raw, "KPI ");
    strbuf_puts(raw, dot_label_kpi_name(kpi));
    dot_text_close_bidi(raw, dot_label_kpi_name(kpi));
    if (kpi->has_target && kpi->target.text) {
        strbuf_puts(raw, ": target ");
        strbuf_puts(raw, kpi->target.text);
    }
}

/* Without measured data, the KPIs and their targets (a picture has no tooltips). */
static void dot_label_kpi_targets(jrn_strbuf *out, const jrn_theme *theme, jrn_kpi *const *kpis, size_t count,
                                  bool align_left)
{
    dot_label_lines lines = {out, align_left, 1};   /* after the title line */
    jrn_strbuf raw = STRBUF_INIT;
    dot_label_font font = {"10", theme->muted, false, false};
    for (size_t i = 0; i < count; i++) {
        dot_label_kpi_target(&raw, kpis[i]);
        dot_label_text_line(&lines, font, strbuf_text(&raw), 44, 2);
        strbuf_clear(&raw);
    }
    strbuf_free(&raw);
}

bool dot_label_kpi_status(jrn_strbuf *out, const jrn_theme *theme, const jrn_actuals *actuals,
                          jrn_kpi *const *kpis, size_t count, bool align_left)
{
    if (count == 0) return false;
    if (!actuals) {
        dot_label_kpi_targets(out, theme, kpis, count, align_left);
        return false;
    }
    dot_label_lines lines = {out, align_left, 1};   /* after the title line */
    jrn_strbuf raw = STRBUF_INIT;
    for (size_t i = 0; i < count; i++) {
        const jrn_actual *actual = data_kpi_actual(actuals, kpis[i]);
        jrn_kpi_status status = data_kpi_status(kpis[i], actual);
        dot_label_kpi_actual(&raw, kpis[i], actual, status);
        const char *color = status == KPI_STATUS_MET      ? theme->met
                            : status == KPI_STATUS_MISSED ? theme->missed
                                                          : theme->muted;
        dot_label_font font = {"10", color, status == KPI_STATUS_MISSED, false};
        dot_label_text_line(&lines, font, strbuf_text(&raw), 44, 2);
        strbuf_clear(&raw);
    }
    strbuf_free(&raw);
    return true;
}

/* "now -1 (unhappy) → aim +2 (delighted)", each half coloured by its value. */
static void dot_label_stage_emotions(dot_label_lines *lines, const jrn_theme *theme, const jrn_model *model,
                                     const jrn_stage *stage)
{
    jrn_strbuf raw = STRBUF_INIT;
    dot_label_font small = {"10", NULL, false, false};
    dot_label_line_open(lines, small);
    if (stage->has_emotion) {
        strbuf_puts(&raw, "now ");
        dot_label_emotion_text(&raw, model, stage->emotion);
        strbuf_printf(lines->out, "<FONT COLOR=\"%s\">", dot_style_emotion_text(theme, model, stage->emotion));
        dot_text_html(lines->out, strbuf_text(&raw), DOT_LABEL_LINE_LIMIT);
        strbuf_puts(lines->out, "</FONT>");
        strbuf_clear(&raw);
    }
    if (stage->has_emotion && stage->has_aspiration) strbuf_puts(lines->out, DOT_LABEL_ARROW);
    if (stage->has_aspiration) {
        strbuf_puts(&raw, "aim ");
        dot_label_emotion_text(&raw, model, stage->aspiration);
        strbuf_printf(lines->out, "<FONT COLOR=\"%s\">", dot_style_emotion_text(theme, model, stage->aspiration));
        dot_text_html(lines->out, strbuf_text(&raw), DOT_LABEL_LINE_LIMIT);
        strbuf_puts(lines->out, "</FONT>");
    }
    dot_label_line_close(lines, small);
    strbuf_free(&raw);
}

/* "4 touchpoints · 1 pain · 2 delight · 1 truth" over the stage's own touchpoints. */
static void dot_label_stage_summary(dot_label_lines *lines, const jrn_theme *theme, const jrn_stage *stage)
{
    size_t pains = 0, delights = 0, truths = 0;
    for (size_t i = 0; i < stage->touchpoint_count; i++) {
        pains += stage->touchpoints[i]->is_pain;
        delights += stage->touchpoints[i]->is_delight;
        truths += stage->touchpoints[i]->is_truth;
    }
    dot_label_font font = {"10", theme->muted, false, false};
    dot_label_line_open(lines, font);
    strbuf_printf(lines->out, "%zu touchpoint%s", stage->touchpoint_count,
                  stage->touchpoint_count == 1 ? "" : "s");
    if (pains) strbuf_printf(lines->out, DOT_LABEL_SEPARATOR "%zu pain", pains);
    if (delights) strbuf_printf(lines->out, DOT_LABEL_SEPARATOR "%zu delight", delights);
    if (truths) strbuf_printf(lines->out, DOT_LABEL_SEPARATOR "%zu truth", truths);
    dot_label_line_close(lines, font);
}

void dot_label_stage(jrn_strbuf *out, const jrn_theme *theme, const jrn_model *model, const jrn_stage *stage,
                     bool with_summary)
{
    dot_label_lines lines = {out, true, 0};
    dot_label_font title = {stage->parent ? "12" : "14", NULL, true, false};
    dot_label_font owner = {"10", theme->muted, false, false};
    dot_label_text_line(&lines, title, dot_label_name(&stage->base), 28, 2);
    if (stage->has_emotion || stage->has_aspiration) dot_label_stage_emotions(&lines, theme, model, stage);
    if (stage->owner) dot_label_text_line(&lines, owner, dot_label_name(&stage->owner->base), 36, 1);
    if (with_summary) dot_label_stage_summary(&lines, theme, stage);
}

static void dot_label_date(jrn_strbuf *raw, jrn_date date)
{
    strbuf_printf(raw, "%04d-%02d-%02d", date.year, date.month, date.day);
}

/* "Owner: Customer Success · Reviewed 2026-09-30 · Version 2" */
static void dot_label_map_facts(jrn_strbuf *raw, const jrn_map *map)
{
    if (map->owner) {
        strbuf_puts(raw, "Owner: ");
        strbuf_puts(raw, dot_label_name(&map->owner->base));
    }
    if (map->has_reviewed) {
        if (raw->length) strbuf_puts(raw, DOT_LABEL_SEPARATOR);
        strbuf_puts(raw, "Reviewed ");
        dot_label_date(raw, map->reviewed);
    }
    if (map->has_version) {
        if (raw->length) strbuf_puts(raw, DOT_LABEL_SEPARATOR);
        strbuf_puts(raw, "Version ");
        if (map->version_text) strbuf_puts(raw, map->version_text);
        else dot_text_number(raw, map->version);
    }
}

void dot_label_view(jrn_strbuf *raw, const jrn_emit_options *options)
{
    switch (options->view) {
    case VIEW_FULL:
        break;
    case VIEW_SPINE:
        strbuf_puts(raw, "Spine: stages and their loops");
        break;
    case VIEW_JOURNEY:
        strbuf_puts(raw, "Journey: ");
        strbuf_puts(raw, dot_label_name(&options->view_journey->base));
        break;
    case VIEW_PERSONA:
        strbuf_puts(raw, "Persona: ");
        strbuf_puts(raw, dot_label_name(&options->view_persona->base));
        break;
    case VIEW_FLOW:
        strbuf_puts(raw, "Customer flow: the wider a hop, the more customers take it");
        break;
    case VIEW_CANVAS:
        strbuf_puts(raw, "Canvas: stages across, lanes down");
        for (size_t i = 0; i < options->canvas_persona_count; i++) {
            strbuf_puts(raw, i == 0 ? ", as " : (i + 1 == options->canvas_persona_count ? " and " : ", "));
            strbuf_puts(raw, dot_label_name(&options->canvas_personas[i]->base));
            dot_text_close_bidi(raw, dot_label_name(&options->canvas_personas[i]->base));
        }
        if (options->canvas_persona_count > 0) strbuf_puts(raw, options->canvas_persona_count == 1 ? " lives it" : " live it");
        break;
    case VIEW_BLUEPRINT:
        strbuf_puts(raw, "Service blueprint: what the customer does and sees, and the work behind it");
        break;
    case VIEW_STAGE:
        strbuf_puts(raw, "Stage: ");
        strbuf_puts(raw, dot_label_name(&options->view_stage->base));
        strbuf_puts(raw, ", with the hops into and out of it");
        break;
    }
}

void dot_label_title(jrn_strbuf *out, const jrn_model *model, const jrn_emit_options *options)
{
    const char *title = dot_label_name(&model->map.base);
    jrn_strbuf raw = STRBUF_INIT;
    dot_label_lines lines = {out, true, 0};
    dot_label_font title_font = {"22", NULL, true, false};
    dot_label_font view_font = {"14", NULL, false, false};
    dot_label_font facts_font = {"11", dot_style_theme(options)->muted, false, false};
    dot_label_text_line(&lines, title_font, *title ? title : "Journey map", 60, 2);
    dot_label_view(&raw, options);
    if (raw.length) dot_label_text_line(&lines, view_font, strbuf_text(&raw), 80, 1);
    strbuf_clear(&raw);
    dot_label_map_facts(&raw, &model->map);
    if (raw.length) dot_label_text_line(&lines, facts_font, strbuf_text(&raw), 100, 1);
    strbuf_free(&raw);
}

void dot_label_title_warning(jrn_strbuf *out, const jrn_theme *theme, const char *text)
{
    /* appended to the title's lines, which all end with a left-aligned break */
    dot_label_lines lines = {out, true, 1};
    dot_label_font font = {"13", theme->missed, true, false};
    dot_label_text_line(&lines, font, text, 90, 4);
}

/* ---- legend ---- */

static void dot_label_legend_heading(jrn_strbuf *out, const char *heading)
{
    strbuf_printf(out, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>%s</B></TD></TR>", heading);
}

/* A row whose left cell is a coloured line (an edge sample) and right cell the meaning. */
static void dot_label_legend_line(jrn_strbuf *out, const char *color, const char *sample,
                                  const char *meaning_html)
{
    strbuf_printf(out, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\"><B>%s</B></FONT></TD>"
                       "<TD ALIGN=\"LEFT\">%s</TD></TR>", color, sample, meaning_html);
}

/* A row whose left cell is a filled swatch with a border, holding mark (or nothing). */
static void dot_label_legend_swatch(jrn_strbuf *out, const char *fill, const char *border,
                                    const char *mark, const char *mark_color, const char *meaning)
{
    strbuf_printf(out, "<TR><TD BORDER=\"1\" COLOR=\"%s\" BGCOLOR=\"%s\" WIDTH=\"36\" HEIGHT=\"16\">", border, fill);
    if (mark) strbuf_printf(out, "<FONT POINT-SIZE=\"10\" COLOR=\"%s\">%s</FONT>", mark_color, mark);
    strbuf_printf(out, "</TD><TD ALIGN=\"LEFT\">%s</TD></TR>", meaning);
}

#define DOT_LABEL_SOLID_SAMPLE "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81\xE2\x96\xB6"   /* ━━━▶ */
#define DOT_LABEL_DASHED_SAMPLE "\xE2\x95\x8D\xE2\x95\x8D\xE2\x95\x8D\xE2\x96\xB6"  /* ╍╍╍▶ */
#define DOT_LABEL_DOTTED_SAMPLE "\xE2\x94\x85\xE2\x94\x85\xE2\x94\x85\xE2\x96\xB6"  /* ┅┅┅▶ */
#define DOT_LABEL_BOLD_SAMPLE "\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\xB6"    /* ███▶ */

static void dot_label_legend_journeys(jrn_strbuf *out, const dot_legend *legend)
{
    const jrn_theme *theme = legend->theme;
    jrn_strbuf raw = STRBUF_INIT, meaning = STRBUF_INIT;
    dot_label_legend_heading(out, "Journeys");
    for (size_t i = 0; i < legend->journey_count; i++) {
        const jrn_journey *journey = legend->journeys[i];
        dot_text_html_wrapped(&meaning, dot_label_name(&journey->base), 40, 1, DOT_LABEL_BREAK);
        /* " · " between personas: a title may hold commas ("Maureen, 74, retired") */
        dot_label_join(&raw, (const void *const *)journey->personas, journey->persona_count,
                       DOT_LABEL_SEPARATOR);
        /* "End user (for End user)" says nothing twice */
        if (raw.length > 0 && strcmp(strbuf_text(&raw), dot_label_name(&journey->base)) != 0) {
            strbuf_printf(&meaning, " <FONT COLOR=\"%s\">(for ", theme->muted);
            dot_text_html_wrapped(&meaning, strbuf_text(&raw), 40, 1, DOT_LABEL_BREAK);
            strbuf_puts(&meaning, ")</FONT>");
        }
        strbuf_clear(&raw);
        if (journey->hop_count == 0)
            strbuf_printf(&meaning, " <FONT COLOR=\"%s\"><I>no steps yet</I></FONT>", theme->muted);
        for (size_t k = 0; k < journey->kpi_count; k++) {
            dot_label_kpi_target(&raw, journey->kpis[k]);
            strbuf_printf(&meaning, "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"10\" COLOR=\"%s\">", theme->muted);
            dot_text_html_wrapped(&meaning, strbuf_text(&raw), 50, 1, DOT_LABEL_BREAK);
            strbuf_puts(&meaning, "</FONT>");
            strbuf_clear(&raw);
        }
        const char *dashes = theme_journey_dashes(theme, journey->base.index);
        dot_label_legend_line(out, theme_journey_color(theme, journey->base.index),
                              dashes == NULL ? DOT_LABEL_SOLID_SAMPLE
                              : strstr(dashes, "dotted") ? DOT_LABEL_DOTTED_SAMPLE : DOT_LABEL_BOLD_SAMPLE,
                              strbuf_text(&meaning));
        strbuf_clear(&meaning);
    }
    strbuf_free(&raw);
    strbuf_free(&meaning);
}

static void dot_label_legend_heat(jrn_strbuf *out, const dot_legend *legend)
{
    static const dot_heat heats[] = {HEAT_PAIN, HEAT_DELIGHT, HEAT_INCONSISTENT, HEAT_NEUTRAL};
    const jrn_theme *theme = legend->theme;
    dot_label_legend_heading(out, "Touchpoints");
    for (size_t i = 0; i < sizeof heats / sizeof heats[0]; i++) {
        dot_heat_style style = dot_style_heat(theme, heats[i]);
        if (heats[i] == HEAT_INCONSISTENT)
            /* as the nodes draw it: a pain band over a delight band in its own border */
            strbuf_printf(out, "<TR><TD><TABLE BORDER=\"1\" COLOR=\"%s\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                               "CELLPADDING=\"0\"><TR><TD BGCOLOR=\"%s\" WIDTH=\"34\" HEIGHT=\"7\"></TD></TR>"
                               "<TR><TD BGCOLOR=\"%s\" WIDTH=\"34\" HEIGHT=\"7\"></TD></TR></TABLE></TD>"
                               "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT> %s</TD></TR>",
                          style.border, theme->pain_fill, theme->delight_fill, style.text, style.mark, style.meaning);
        else
            dot_label_legend_swatch(out, style.fill, style.border, style.mark, style.text, style.meaning);
    }
    if (legend->has_truth)
        strbuf_printf(out, "<TR><TD><TABLE BORDER=\"1\" COLOR=\"%s\" CELLBORDER=\"1\" CELLSPACING=\"2\" "
                           "CELLPADDING=\"0\"><TR><TD WIDTH=\"28\" HEIGHT=\"10\"></TD></TR></TABLE>"
                           "</TD><TD ALIGN=\"LEFT\">" DOT_LABEL_TRUTH_MARK " Moment of truth (double border)</TD></TR>",
                      theme->text);
    if (legend->has_backstage)
        strbuf_printf(out, "<TR><TD BORDER=\"1\" STYLE=\"dashed\" COLOR=\"%s\" WIDTH=\"36\" HEIGHT=\"16\"></TD>"
                           "<TD ALIGN=\"LEFT\">Backstage: not seen by the customer</TD></TR>", theme->text);
    if (legend->has_stub)
        strbuf_printf(out, "<TR><TD BORDER=\"1\" STYLE=\"dashed\" COLOR=\"%s\" WIDTH=\"36\" "
                           "HEIGHT=\"16\"></TD><TD ALIGN=\"LEFT\">In another stage (its stage in brackets)"
                           "</TD></TR>", theme->ghost);
    if (legend->has_row_stub)
        strbuf_printf(out, "<TR><TD BORDER=\"1\" STYLE=\"dashed\" COLOR=\"%s\" WIDTH=\"36\" "
                           "HEIGHT=\"16\"></TD><TD ALIGN=\"LEFT\">&#8594; on in another row, &#8594; in from "
                           "another row (its stage in brackets)</TD></TR>", theme->ghost);
}

static void dot_label_legend_emotions(jrn_strbuf *out, const jrn_theme *theme, const jrn_model *model)
{
    jrn_strbuf raw = STRBUF_INIT, meaning = STRBUF_INIT;
    dot_label_legend_heading(out, "Customer emotion now");
    for (int step = 4; step >= 0; step--) {
        double value = model->emotion_low + (model->emotion_high - model->emotion_low) * step / 4.0;
        dot_label_emotion_text(&raw, model, value);
        dot_text_html(&meaning, strbuf_text(&raw), DOT_LABEL_LINE_LIMIT);
        dot_label_legend_swatch(out, dot_style_emotion_fill(theme, model, value), theme->lines, NULL, NULL,
                                strbuf_text(&meaning));
        strbuf_clear(&raw);
        strbuf_clear(&meaning);
    }
    dot_label_legend_swatch(out, theme->nodes, theme->lines, NULL, NULL, "not given");
    strbuf_free(&raw);
    strbuf_free(&meaning);
}

void dot_label_legend(jrn_strbuf *out, const jrn_model *model, const dot_legend *legend)
{
    const jrn_theme *theme = legend->theme;
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">");
    if (legend->journey_count > 0) dot_label_legend_journeys(out, legend);
    if (legend->is_spine) dot_label_legend_emotions(out, theme, model);
    else dot_label_legend_heat(out, legend);
    if (legend->has_journey_loop || legend->has_stage_loop) dot_label_legend_heading(out, "Loops");
    if (legend->has_journey_loop)
        dot_label_legend_line(out, theme->edges, DOT_LABEL_DASHED_SAMPLE,
                              "a journey goes back to an earlier stage");
    if (legend->has_stage_loop)
        dot_label_legend_line(out, theme->loops, DOT_LABEL_DASHED_SAMPLE,
                              "a stage feeds back (loops:)");
    if (legend->has_flow) {
        dot_label_legend_heading(out, "Customer flow");
        dot_label_legend_line(out, theme->edges, DOT_LABEL_SOLID_SAMPLE,
                              "width: customers per entrant of the journey");
    }
    if (legend->has_kpi_status) {
        dot_label_legend_heading(out, "KPIs (measured data)");
        dot_label_legend_line(out, theme->met, DOT_LABEL_CHECK, "actual / target: met");
        dot_label_legend_line(out, theme->missed, DOT_LABEL_CROSS, "actual / target: missed");
        dot_label_legend_line(out, theme->text, DOT_LABEL_BETTER " / " DOT_LABEL_WORSE,
                              "better / worse than the previous measurement");
        dot_label_legend_line(out, theme->text, "\xE2\x86\x91 / \xE2\x86\x93",
                              "up / down (the metric says no better: direction)");
    }
    strbuf_puts(out, "</TABLE>");
}
