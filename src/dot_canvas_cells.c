/* dot_canvas_cells.c — the cells of the journey-map canvas: each lane's markup for one
 * stage column, the lane headings, the feeling lane's emotion scale and the key. */
#include "jrn/dot_canvas.h"

#include <math.h>
#include <string.h>

#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"
#include "jrn/theme.h"
#include "jrn/dot_text.h"

#define CANVAS_BREAK "<BR ALIGN=\"LEFT\"/>"
#define CANVAS_ARROW " \xE2\x86\x92 "             /* " → " */
#define CANVAS_SEPARATOR " \xC2\xB7 "              /* " · " */
#define CANVAS_NOW_MARK "\xE2\x96\xA0"             /* ■ the stage now */
#define CANVAS_AIM_MARK "\xE2\x96\xA1"             /* □ the stage's aspiration */
#define CANVAS_BOTH_MARK "\xE2\x96\xA3"            /* ▣ now is the aspiration */
#define CANVAS_POINT_MARK "\xE2\x97\x8F"           /* ● a touchpoint */
#define CANVAS_TRUTH_MARK "\xE2\x98\x85 "          /* ★ a moment of truth */
#define CANVAS_GAP_FILL "#FCE8B2"                  /* between now and the aspiration */
#define CANVAS_MIDDLE_FILL "#EEF1F5"               /* the scale's neutral line */
#define CANVAS_NOTE_FILL "#F7F8FA"                 /* a doing or thinking note */
#define CANVAS_SPLIT_FILL "#F7C5BF:#C6E8C8"         /* pain and delight at once */
#define CANVAS_AIM_COLOR "#333333"
/* The feeling lane's scale: each row this high, each mark this wide (points). */
#define CANVAS_ROW_HEIGHT "13"
#define CANVAS_MARK_WIDTH "16"
#define CANVAS_MARK_POINTS 16.0
#define CANVAS_ROW_POINTS 13.0
/* The stages' curve: each row of the scale is three strips (above, the curve's line,
 * below) so the line passes through the row's middle; a column joins the one before it
 * with a vertical line this wide at its left edge. */
static const char *const canvas_strip_heights[3] = {"5", "2", "6"};
#define CANVAS_JOIN_POINTS 2.0
/* The scale starts this far below the top of its cell, level with the heading's labels
 * (which keep the cell's padding). */
#define CANVAS_SCALE_TOP "4"

/* Personas' marks in the feeling lane: a shape and a number each, so curves differ
 * beyond colour (the shapes repeat past the list, the numbers never). */
static const char *const canvas_persona_marks[] = {
    "\xE2\x97\x8F", "\xE2\x96\xB2", "\xE2\x97\x86", "\xE2\x96\xBC", "\xE2\x98\x85", "\xE2\x9C\x9A",
};
enum { CANVAS_PERSONA_MARK_COUNT = sizeof canvas_persona_marks / sizeof canvas_persona_marks[0] };

static const char *canvas_persona_mark(size_t index)
{
    return canvas_persona_marks[index % CANVAS_PERSONA_MARK_COUNT];
}

/* ---- text ---- */

typedef struct canvas_font {
    const char *point_size;
    const char *color;        /* NULL: black */
    bool bold;
    bool italic;
} canvas_font;

static const canvas_font canvas_body = {"10", NULL, false, false};
/* Secondary text (channels, owners, notes) in the theme's muted colour. */
static canvas_font canvas_muted_font(const canvas_plan *plan)
{
    return (canvas_font){"9", dot_style_theme(plan->options)->muted, false, false};
}

/* User text wrapped into at most max_lines left-aligned lines in a font. Nothing for a
 * blank text (an empty <B></B> is an error to dot). */
static void canvas_text(jrn_strbuf *out, const char *text, canvas_font font, size_t max_lines)
{
    if (dot_text_is_blank(text)) return;
    strbuf_printf(out, "<FONT POINT-SIZE=\"%s\"", font.point_size);
    if (font.color) strbuf_printf(out, " COLOR=\"%s\"", font.color);
    strbuf_putc(out, '>');
    if (font.bold) strbuf_puts(out, "<B>");
    if (font.italic) strbuf_puts(out, "<I>");
    dot_text_html_wrapped(out, text, DOT_CANVAS_LINE_WIDTH, max_lines, CANVAS_BREAK);
    if (font.italic) strbuf_puts(out, "</I>");
    if (font.bold) strbuf_puts(out, "</B>");
    strbuf_puts(out, "</FONT>" CANVAS_BREAK);
}

/* ---- the stage row ---- */

/* Where the evidence comes from, small: "Source: interviews; NPS verbatims". */
static void canvas_sources(jrn_strbuf *out, const canvas_plan *plan, const jrn_text_list *sources)
{
    if (sources->count == 0) return;
    jrn_strbuf raw = STRBUF_INIT;
    strbuf_puts(&raw, sources->count > 1 ? "Sources: " : "Source: ");
    for (size_t i = 0; i < sources->count; i++) {
        if (i > 0) strbuf_puts(&raw, "; ");
        strbuf_puts(&raw, sources->items[i]);
        dot_text_close_bidi(&raw, sources->items[i]);
    }
    canvas_font font = {"8", dot_style_theme(plan->options)->muted, false, false};
    canvas_text(out, strbuf_text(&raw), font, 2);
    strbuf_free(&raw);
}

/* "now −1 (unhappy) → aim +2 (delighted)", each half in its colour. */
static void canvas_stage_emotions(jrn_strbuf *out, const canvas_plan *plan, const jrn_stage *stage)
{
    if (!stage->has_emotion && !stage->has_aspiration) return;
    const jrn_model *model = plan->model;
    const jrn_theme *theme = dot_style_theme(plan->options);
    jrn_strbuf raw = STRBUF_INIT;
    if (stage->has_emotion) {
        strbuf_puts(&raw, "now ");
        dot_label_emotion_raw(&raw, model, stage->emotion);
        canvas_font font = {"10", dot_style_emotion_text(theme, model, stage->emotion), true, false};
        canvas_text(out, strbuf_text(&raw), font, 1);
        strbuf_clear(&raw);
    }
    if (stage->has_aspiration) {
        strbuf_puts(&raw, "aim ");
        dot_label_emotion_raw(&raw, model, stage->aspiration);
        canvas_font font = {"10", dot_style_emotion_text(theme, model, stage->aspiration), false, false};
        canvas_text(out, strbuf_text(&raw), font, 1);
    }
    strbuf_free(&raw);
}

void dot_canvas_stage_cell(jrn_strbuf *out, const canvas_plan *plan, const jrn_stage *stage)
{
    canvas_font title = {"13", NULL, true, false};
    canvas_text(out, dot_label_element_name(&stage->base), title, 3);
    canvas_font goal = {"10", dot_style_theme(plan->options)->muted, false, true};
    canvas_text(out, stage->goal, goal, 3);
    canvas_text(out, stage->description, canvas_body, 4);
    canvas_stage_emotions(out, plan, stage);
    if (stage->owner && !plan->lane_shown[CANVAS_LANE_OWNERS]) {
        jrn_strbuf raw = STRBUF_INIT;
        strbuf_puts(&raw, "owner ");
        strbuf_puts(&raw, dot_label_element_name(&stage->owner->base));
        canvas_text(out, strbuf_text(&raw), canvas_muted_font(plan), 2);
        strbuf_free(&raw);
    }
    canvas_sources(out, plan, &stage->sources);
}

/* ---- feeling: the emotion scale with the stage's now and aim and the touchpoints' or
 * the personas' marks, then what customers feel ---- */

/* The scale's row of a value: 0 at the top (the best), emotion_rows - 1 at the bottom. */
static size_t canvas_row_of(const canvas_plan *plan, double value)
{
    double low = plan->model->emotion_low, high = plan->model->emotion_high;
    if (!(high > low)) return plan->emotion_rows / 2;
    double share = (high - value) / (high - low);
    if (share < 0) share = 0;
    if (share > 1) share = 1;
    return (size_t)lround(share * (double)(plan->emotion_rows - 1));
}

/* The value at a row of the scale. */
static double canvas_value_of(const canvas_plan *plan, size_t row)
{
    double low = plan->model->emotion_low, high = plan->model->emotion_high;
    return high - (high - low) * (double)row / (double)(plan->emotion_rows - 1);
}

static void canvas_scale_table_open(jrn_strbuf *out)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">");
}

/* A cell of the scale: a glyph in a colour, or empty (with a fill), as tall as a row of
 * the scale; it spans that row's three strips, or is the row under the scale. */
static void canvas_scale_cell(jrn_strbuf *out, bool strips, const char *fill, const char *color, const char *glyph)
{
    /* fixed: a nested table in a wider cell would otherwise be stretched to fill it */
    strbuf_printf(out, "<TD%s FIXEDSIZE=\"TRUE\" WIDTH=\"" CANVAS_MARK_WIDTH "\" HEIGHT=\"" CANVAS_ROW_HEIGHT "\"",
                  strips ? " ROWSPAN=\"3\"" : "");
    if (fill) strbuf_printf(out, " BGCOLOR=\"%s\"", fill);
    strbuf_putc(out, '>');
    if (glyph) strbuf_printf(out, "<FONT POINT-SIZE=\"10\" COLOR=\"%s\">%s</FONT>", color, glyph);
    strbuf_puts(out, "</TD>");
}

/* A mark on a row of the scale. */
static void canvas_mark(jrn_strbuf *out, const char *fill, const char *color, const char *glyph)
{
    canvas_scale_cell(out, true, fill, color, glyph);
}

/* One strip of a cell of the scale, width points wide: the curve's colour when it passes
 * there, else the row's fill. */
static void canvas_strip(jrn_strbuf *out, double width, size_t strip, const char *fill)
{
    strbuf_printf(out, "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"%.0f\" HEIGHT=\"%s\"", width, canvas_strip_heights[strip]);
    if (fill) strbuf_printf(out, " BGCOLOR=\"%s\"", fill);
    strbuf_puts(out, "></TD>");
}

/* What each column of marks shows, left to right: the stage, then each touchpoint or
 * each persona. */
typedef struct canvas_marks {
    double values[DOT_CANVAS_CELL_ITEMS + 1];
    bool known[DOT_CANVAS_CELL_ITEMS + 1];
    const char *glyphs[DOT_CANVAS_CELL_ITEMS + 1];
    const char *colors[DOT_CANVAS_CELL_ITEMS + 1];
    char numbers[DOT_CANVAS_CELL_ITEMS + 1][24];
    size_t count;
} canvas_marks;

static void canvas_collect_marks(const canvas_plan *plan, const canvas_column *column, canvas_marks *marks)
{
    const jrn_model *model = plan->model;
    size_t personas = plan->options->canvas_persona_count;
    marks->count = 0;
    if (personas > 1) {
        for (size_t p = 0; p < personas && marks->count < DOT_CANVAS_CELL_ITEMS + 1; p++) {
            size_t at = marks->count++;
            marks->known[at] = canvas_persona_feeling(plan, p, column, &marks->values[at]);
            marks->glyphs[at] = canvas_persona_mark(p);
            marks->colors[at] = theme_journey_color(dot_style_theme(plan->options), p);
            snprintf(marks->numbers[at], sizeof marks->numbers[at], "%zu", p + 1);
        }
        return;
    }
    for (size_t i = 0; i < column->touchpoint_count && i < DOT_CANVAS_CELL_ITEMS; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        if (!touchpoint->has_emotion) continue;
        size_t at = marks->count++;
        marks->known[at] = true;
        marks->values[at] = touchpoint->emotion;
        marks->glyphs[at] = CANVAS_POINT_MARK;
        marks->colors[at] = dot_style_emotion_text(dot_style_theme(plan->options), model, touchpoint->emotion);
        snprintf(marks->numbers[at], sizeof marks->numbers[at], "%zu", i + 1);
    }
}

/* The stage's mark at a row: now, aim, both, or the gap between them. */
static void canvas_stage_mark(jrn_strbuf *out, const canvas_plan *plan, const jrn_stage *stage, size_t row)
{
    bool now = stage->has_emotion && canvas_row_of(plan, stage->emotion) == row;
    bool aim = stage->has_aspiration && canvas_row_of(plan, stage->aspiration) == row;
    const char *middle = row == plan->emotion_rows / 2 ? CANVAS_MIDDLE_FILL : NULL;
    if (now && aim) {
        canvas_mark(out, middle, dot_style_emotion_text(dot_style_theme(plan->options), plan->model, stage->emotion), CANVAS_BOTH_MARK);
    } else if (now) {
        canvas_mark(out, middle, dot_style_emotion_text(dot_style_theme(plan->options), plan->model, stage->emotion), CANVAS_NOW_MARK);
    } else if (aim) {
        canvas_mark(out, middle, CANVAS_AIM_COLOR, CANVAS_AIM_MARK);
    } else if (stage->has_emotion && stage->has_aspiration) {
        size_t a = canvas_row_of(plan, stage->emotion), b = canvas_row_of(plan, stage->aspiration);
        bool between = (row > a && row < b) || (row > b && row < a);
        canvas_mark(out, between ? CANVAS_GAP_FILL : middle, NULL, NULL);
    } else {
        canvas_mark(out, middle, NULL, NULL);
    }
}

/* The stages' curve in a column: the row of the stage's now, and of the now of the column
 * before it in the band (SIZE_MAX for none); the line's colour is the stage's emotion's. */
typedef struct canvas_curve {
    size_t row, previous_row;
    const char *color;
} canvas_curve;

static canvas_curve canvas_curve_of(const canvas_plan *plan, const canvas_column *column)
{
    canvas_curve curve = {SIZE_MAX, SIZE_MAX, NULL};
    const jrn_stage *stage = column->stage;
    if (!stage->has_emotion) return curve;
    curve.row = canvas_row_of(plan, stage->emotion);
    curve.color = dot_style_emotion_text(dot_style_theme(plan->options), plan->model, stage->emotion);
    size_t index = (size_t)(column - plan->columns);
    const jrn_stage *before = index > plan->band_first ? plan->columns[index - 1].stage : NULL;
    if (before && before->has_emotion) curve.previous_row = canvas_row_of(plan, before->emotion);
    return curve;
}

/* The join at the column's left edge: strip `strip` of row `row` is on the vertical line
 * from the middle of the previous column's row to the middle of this one's. */
static bool canvas_on_join(const canvas_curve *curve, size_t row, size_t strip)
{
    if (curve->row == SIZE_MAX || curve->previous_row == SIZE_MAX) return false;
    size_t at = row * 3 + strip, from = curve->previous_row * 3 + 1, to = curve->row * 3 + 1;
    return (at >= from && at <= to) || (at >= to && at <= from);
}

static void canvas_feeling_scale(jrn_strbuf *out, const canvas_plan *plan, const canvas_column *column)
{
    canvas_marks marks;
    canvas_collect_marks(plan, column, &marks);
    canvas_curve curve = canvas_curve_of(plan, column);
    double width = dot_canvas_column_width(plan, column);
    double marks_width = CANVAS_MARK_POINTS * (double)(marks.count + 1);
    double rest = width - CANVAS_JOIN_POINTS - marks_width;
    /* fixed: Graphviz stretches a nested table to the cell it sits in, which would spread
     * the marks apart */
    strbuf_printf(out, "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"%.0f\" HEIGHT=\"%.0f\" BORDER=\"0\" "
                       "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">",
                  width, CANVAS_ROW_POINTS * (double)(plan->emotion_rows + 1) + 4);
    strbuf_printf(out, "<TR><TD COLSPAN=\"%zu\" HEIGHT=\"" CANVAS_SCALE_TOP "\"></TD></TR>", marks.count + 3);
    for (size_t row = 0; row < plan->emotion_rows; row++) {
        const char *middle = row == plan->emotion_rows / 2 ? CANVAS_MIDDLE_FILL : NULL;
        bool curve_row = row == curve.row;
        for (size_t strip = 0; strip < 3; strip++) {
            const char *line = curve_row && strip == 1 ? curve.color : middle;
            strbuf_puts(out, "<TR>");
            canvas_strip(out, CANVAS_JOIN_POINTS, strip, canvas_on_join(&curve, row, strip) ? curve.color : middle);
            if (strip == 0) canvas_stage_mark(out, plan, column->stage, row);
            for (size_t i = 0; i < marks.count; i++) {
                bool here = marks.known[i] && canvas_row_of(plan, marks.values[i]) == row;
                /* the curve passes between the marks; a mark on its row sits on it */
                if (curve_row && !here) canvas_strip(out, CANVAS_MARK_POINTS, strip, line);
                else if (strip == 0) canvas_mark(out, middle, here ? marks.colors[i] : NULL, here ? marks.glyphs[i] : NULL);
            }
            if (rest >= 1) canvas_strip(out, rest, strip, line);
            strbuf_puts(out, "</TR>");
        }
    }
    /* the numbers under the marks: the touchpoints' in the touchpoint lane, or the personas' */
    strbuf_puts(out, "<TR>");
    canvas_strip(out, CANVAS_JOIN_POINTS, 0, NULL);
    canvas_scale_cell(out, false, NULL, NULL, NULL);
    for (size_t i = 0; i < marks.count; i++)
        canvas_scale_cell(out, false, NULL, dot_style_theme(plan->options)->muted, marks.numbers[i]);
    if (rest >= 1) canvas_strip(out, rest, 0, NULL);
    strbuf_puts(out, "</TR></TABLE>");
}

/* ---- list lanes: one item per row of the lane, so items never stretch to their
 * neighbours' height and the n-th items of all stages line up ---- */

/* Rows for count items: at most DOT_CANVAS_CELL_ITEMS, and a "+ N more" row. */
static size_t canvas_item_rows(size_t count)
{
    return count > DOT_CANVAS_CELL_ITEMS ? DOT_CANVAS_CELL_ITEMS + 1 : count;
}

/* The feeling lane's scale takes its first row; its texts follow. */
static size_t canvas_lead_rows(jrn_canvas_lane lane)
{
    return lane == CANVAS_LANE_FEELING;
}

size_t dot_canvas_lane_rows(jrn_canvas_lane lane, const canvas_column *column)
{
    if (!canvas_lane_has_content(lane, column)) return 0;
    if (lane == CANVAS_LANE_STAGE || lane == CANVAS_LANE_OWNERS) return 1;
    return canvas_lead_rows(lane) + canvas_item_rows(canvas_item_count(lane, column));
}

/* Opens an item's <TD>: at the top left of its cell, the column's width at least. */
static void canvas_cell_open(jrn_strbuf *out, const canvas_plan *plan, const canvas_column *column,
                             const char *fill, const char *border, int border_width)
{
    strbuf_printf(out, "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\" WIDTH=\"%.0f\"",
                  dot_canvas_column_width(plan, column));
    if (fill) strbuf_printf(out, " BGCOLOR=\"%s\"", fill);
    if (border) strbuf_printf(out, " BORDER=\"%d\" COLOR=\"%s\"", border_width, border);
    strbuf_putc(out, '>');
}

/* A touchpoint: numbered (the feeling lane's marks carry the number), filled by its
 * heat, a thick black border for a moment of truth; its channels under it. */
static void canvas_touchpoint_item(jrn_strbuf *out, const canvas_plan *plan, const canvas_column *column,
                                   const canvas_item *item)
{
    const jrn_touchpoint *touchpoint = item->touchpoint;
    dot_heat heat = dot_style_heat_of(touchpoint);
    /* the split fill drawn as a gradient, pain into delight */
    const char *fill = heat == HEAT_INCONSISTENT ? CANVAS_SPLIT_FILL : dot_style_heat(dot_style_theme(plan->options), heat).fill;
    canvas_cell_open(out, plan, column, fill, touchpoint->is_truth ? "#000000" : dot_style_heat(dot_style_theme(plan->options), heat).border,
                     touchpoint->is_truth ? 3 : 1);
    jrn_strbuf raw = STRBUF_INIT;
    strbuf_printf(&raw, "%zu  ", item->number);
    if (touchpoint->is_truth) strbuf_puts(&raw, CANVAS_TRUTH_MARK);
    strbuf_puts(&raw, dot_label_element_name(&touchpoint->base));
    canvas_font title = {"10", NULL, true, false};
    canvas_text(out, strbuf_text(&raw), title, 3);
    strbuf_clear(&raw);
    for (size_t k = 0; k < touchpoint->channel_count; k++) {
        if (k > 0) strbuf_puts(&raw, CANVAS_SEPARATOR);
        strbuf_puts(&raw, dot_label_element_name(&touchpoint->channels[k]->base));
        dot_text_close_bidi(&raw, dot_label_element_name(&touchpoint->channels[k]->base));
    }
    if (touchpoint->is_backstage) strbuf_puts(&raw, raw.length ? CANVAS_SEPARATOR "backstage" : "backstage");
    canvas_text(out, strbuf_text(&raw), canvas_muted_font(plan), 2);
    strbuf_clear(&raw);
    /* with several personas: whose it is, when it is not everyone's */
    size_t personas = plan->options->canvas_persona_count, living = 0;
    for (size_t p = 0; p < personas; p++) living += plan->for_persona[p][touchpoint->base.index];
    if (personas > 1 && living < personas) {
        for (size_t p = 0; p < personas; p++) {
            if (!plan->for_persona[p][touchpoint->base.index]) continue;
            strbuf_printf(&raw, "%s%s %zu", raw.length ? "  " : "only ", canvas_persona_mark(p), p + 1);
        }
        canvas_text(out, strbuf_text(&raw), canvas_muted_font(plan), 1);
    }
    strbuf_free(&raw);
    canvas_sources(out, plan, &touchpoint->notes->sources);
    strbuf_puts(out, "</TD>");
}

/* Text in curly quotes, italic: what customers think, or say (bold: the stage's own). */
static void canvas_quoted(jrn_strbuf *out, const char *text, bool bold, size_t max_lines)
{
    jrn_strbuf raw = STRBUF_INIT;
    strbuf_puts(&raw, "\xE2\x80\x9C");
    strbuf_puts(&raw, text);
    dot_text_close_bidi(&raw, text);
    strbuf_puts(&raw, "\xE2\x80\x9D");
    canvas_font font = {"10", NULL, bold, true};
    canvas_text(out, strbuf_text(&raw), font, max_lines);
    strbuf_free(&raw);
}

/* A text of the stage or of a touchpoint: what they do, think (in quotes), feel, say (in
 * quotes, with whose words they are), the pain or the delight (on its colour, with the
 * touchpoint's name under it), an opportunity. The stage's own come first in the cell and
 * name no touchpoint. */
static void canvas_text_item(jrn_strbuf *out, const canvas_plan *plan, jrn_canvas_lane lane,
                             const canvas_column *column, const canvas_item *item)
{
    const char *text = item->text;
    const char *name = item->touchpoint ? dot_label_element_name(&item->touchpoint->base) : NULL;
    if (lane == CANVAS_LANE_PAINS || lane == CANVAS_LANE_DELIGHTS) {
        const dot_heat_style heat = dot_style_heat(dot_style_theme(plan->options), lane == CANVAS_LANE_PAINS ? HEAT_PAIN : HEAT_DELIGHT);
        canvas_cell_open(out, plan, column, heat.fill, NULL, 0);
        canvas_font font = {"10", heat.text, name == NULL, false};
        /* a bare flag says no more than the touchpoint's name */
        canvas_text(out, dot_text_is_blank(text) ? name : text, font, 4);
        if (!dot_text_is_blank(text)) canvas_text(out, name, canvas_muted_font(plan), 1);
    } else if (lane == CANVAS_LANE_OPPORTUNITIES) {
        canvas_cell_open(out, plan, column, "#E3EEFA", NULL, 0);
        canvas_font font = {"10", NULL, name == NULL, false};
        canvas_text(out, text, font, 4);
        canvas_text(out, name, canvas_muted_font(plan), 1);
    } else if (lane == CANVAS_LANE_QUOTES) {
        canvas_cell_open(out, plan, column, CANVAS_NOTE_FILL, NULL, 0);
        canvas_quoted(out, text, name == NULL, 4);
        canvas_text(out, name, canvas_muted_font(plan), 1);
    } else if (lane == CANVAS_LANE_FEELING) {
        canvas_cell_open(out, plan, column, NULL, NULL, 0);
        canvas_font font = {"10", NULL, name == NULL, true};
        canvas_text(out, text, font, 3);
    } else if (lane == CANVAS_LANE_THINKING) {
        canvas_cell_open(out, plan, column, CANVAS_NOTE_FILL, NULL, 0);
        canvas_quoted(out, text, name == NULL, 4);
    } else {
        canvas_cell_open(out, plan, column, CANVAS_NOTE_FILL, NULL, 0);
        canvas_font font = {"10", NULL, name == NULL, false};
        canvas_text(out, text, font, 4);
    }
    strbuf_puts(out, "</TD>");
}

/* A KPI: its target, or with --data its actual, met or missed (dot_labels.c). */
static void canvas_kpi_item(jrn_strbuf *out, const canvas_plan *plan, const canvas_column *column,
                            const canvas_item *item)
{
    canvas_cell_open(out, plan, column, NULL, NULL, 0);
    jrn_kpi *kpi = (jrn_kpi *)item->kpi;
    dot_label_kpi_status(out, dot_style_theme(plan->options), plan->options->actuals, &kpi, 1, true);
    if (item->touchpoint) canvas_text(out, dot_label_element_name(&item->touchpoint->base), canvas_muted_font(plan), 1);
    strbuf_puts(out, "</TD>");
}

static void canvas_owners(jrn_strbuf *out, const canvas_plan *plan, const canvas_column *column)
{
    canvas_cell_open(out, plan, column, NULL, NULL, 0);
    if (column->stage->owner) {
        canvas_font font = {"10", NULL, true, false};
        canvas_text(out, dot_label_element_name(&column->stage->owner->base), font, 2);
    }
    /* the touchpoints' other teams, each once, in the order they first appear */
    jrn_strbuf raw = STRBUF_INIT;
    for (size_t i = 0; i < column->owner_count && i < DOT_CANVAS_CELL_ITEMS; i++) {
        const jrn_team *team = column->owners[i];
        if (i > 0) strbuf_puts(&raw, ", ");
        strbuf_puts(&raw, dot_label_element_name(&team->base));
        dot_text_close_bidi(&raw, dot_label_element_name(&team->base));
    }
    if (raw.length) canvas_text(out, strbuf_text(&raw), canvas_muted_font(plan), 4);
    strbuf_free(&raw);
    strbuf_puts(out, "</TD>");
}

void dot_canvas_item(jrn_strbuf *out, canvas_plan *plan, jrn_canvas_lane lane, const canvas_column *column,
                     size_t row)
{
    if (row >= dot_canvas_lane_rows(lane, column) || lane == CANVAS_LANE_STAGE) {
        canvas_cell_open(out, plan, column, NULL, NULL, 0);
        strbuf_puts(out, "</TD>");
        return;
    }
    if (lane == CANVAS_LANE_OWNERS) {
        canvas_owners(out, plan, column);
        return;
    }
    if (lane == CANVAS_LANE_FEELING && row == 0) {
        /* no padding: the curve reaches the cell's edges, a spacing away from the next */
        strbuf_printf(out, "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" CELLPADDING=\"0\" WIDTH=\"%.0f\">",
                      dot_canvas_column_width(plan, column));
        canvas_feeling_scale(out, plan, column);
        strbuf_puts(out, "</TD>");
        return;
    }
    size_t index = row - canvas_lead_rows(lane);
    if (index == DOT_CANVAS_CELL_ITEMS) {
        /* the cell is full: the rest are counted */
        size_t more = canvas_item_count(lane, column) - DOT_CANVAS_CELL_ITEMS;
        plan->items_left_out += more;
        jrn_strbuf raw = STRBUF_INIT;
        strbuf_printf(&raw, "+ %zu more", more);
        canvas_cell_open(out, plan, column, NULL, NULL, 0);
        canvas_text(out, strbuf_text(&raw), canvas_muted_font(plan), 1);
        strbuf_puts(out, "</TD>");
        strbuf_free(&raw);
        return;
    }
    canvas_item item;
    if (!canvas_find_item(lane, column, index, &item)) return;
    switch (lane) {
    case CANVAS_LANE_TOUCHPOINTS: canvas_touchpoint_item(out, plan, column, &item); break;
    case CANVAS_LANE_KPIS: canvas_kpi_item(out, plan, column, &item); break;
    default: canvas_text_item(out, plan, lane, column, &item); break;
    }
}

/* ---- sizes, for choosing the bands ---- */

static double canvas_text_lines(const char *text, size_t max_lines)
{
    if (!text) return 1;
    double lines = ceil((double)strlen(text) / DOT_CANVAS_LINE_WIDTH);
    if (lines < 1) lines = 1;
    return lines > (double)max_lines ? (double)max_lines : lines;
}

double dot_canvas_stage_lines(const canvas_plan *plan, const jrn_stage *stage)
{
    const char *goal = stage->goal, *description = stage->description;
    return 1.3 * canvas_text_lines(dot_label_element_name(&stage->base), 3) +
           (dot_text_is_blank(goal) ? 0 : canvas_text_lines(goal, 3)) +
           (dot_text_is_blank(description) ? 0 : canvas_text_lines(description, 4)) + stage->has_emotion +
           stage->has_aspiration + (stage->owner && !plan->lane_shown[CANVAS_LANE_OWNERS]) +
           0.8 * (stage->sources.count > 0);
}

double dot_canvas_item_lines(const canvas_plan *plan, jrn_canvas_lane lane, const canvas_column *column, size_t row)
{
    if (row >= dot_canvas_lane_rows(lane, column)) return 0;
    switch (lane) {
    case CANVAS_LANE_STAGE: return dot_canvas_stage_lines(plan, column->stage);
    case CANVAS_LANE_OWNERS: return 1 + (column->touchpoint_count > 0);
    case CANVAS_LANE_FEELING:
        if (row == 0) return ((double)plan->emotion_rows + 1) * CANVAS_ROW_POINTS / 12;
        break;
    default: break;
    }
    size_t index = row - canvas_lead_rows(lane);
    if (index == DOT_CANVAS_CELL_ITEMS) return 1;
    canvas_item item;
    if (!canvas_find_item(lane, column, index, &item)) return 0;
    switch (lane) {
    case CANVAS_LANE_TOUCHPOINTS:
        return canvas_text_lines(dot_label_element_name(&item.touchpoint->base), 3) +
               0.9 * (item.touchpoint->channel_count > 0 || item.touchpoint->is_backstage) +
               0.9 * (plan->options->canvas_persona_count > 1) +
               0.8 * (item.touchpoint->notes->sources.count > 0);
    case CANVAS_LANE_KPIS: return 1.3 + 0.9 * (item.touchpoint != NULL);
    case CANVAS_LANE_OPPORTUNITIES: case CANVAS_LANE_PAINS: case CANVAS_LANE_DELIGHTS: case CANVAS_LANE_QUOTES:
        return canvas_text_lines(item.text, 4) + 0.9 * (item.touchpoint != NULL);
    default: return canvas_text_lines(item.text, 4);
    }
}

double dot_canvas_column_width(const canvas_plan *plan, const canvas_column *column)
{
    size_t marks = 1 + (plan->options->canvas_persona_count > 1 ? plan->options->canvas_persona_count
                                                                 : canvas_item_rows(canvas_rated(column)));
    double feeling = plan->lane_shown[CANVAS_LANE_FEELING] ? CANVAS_MARK_POINTS * (double)marks + 12 : 0;
    return feeling > 170 ? feeling : 170;
}
/* ---- lane headings and the key ---- */

/* The feeling lane's heading: its title beside the scale's labels, one per row of the
 * marks and as tall in all (an empty row stands for the marks' numbers), so the row the
 * two share puts each label level with its marks. */
static void canvas_feeling_head(jrn_strbuf *out, const canvas_plan *plan)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                     "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"11\"><B>");
    strbuf_puts(out, canvas_lane_title(CANVAS_LANE_FEELING));
    strbuf_puts(out, "</B></FONT></TD><TD>");
    canvas_scale_table_open(out);
    jrn_strbuf raw = STRBUF_INIT;
    for (size_t row = 0; row <= plan->emotion_rows; row++) {
        strbuf_puts(out, "<TR><TD ALIGN=\"RIGHT\" HEIGHT=\"" CANVAS_ROW_HEIGHT "\">");
        double value = row < plan->emotion_rows ? canvas_value_of(plan, row) : 0.5;
        if (value == floor(value)) {
            dot_label_emotion_raw(&raw, plan->model, value);
            strbuf_printf(out, "<FONT POINT-SIZE=\"7\" COLOR=\"%s\">", dot_style_theme(plan->options)->muted);
            dot_text_html(out, strbuf_text(&raw), 40);
            strbuf_puts(out, "</FONT>");
            strbuf_clear(&raw);
        }
        strbuf_puts(out, "</TD></TR>");
    }
    strbuf_free(&raw);
    strbuf_puts(out, "</TABLE></TD></TR></TABLE>");
}

void dot_canvas_lane_head(jrn_strbuf *out, const canvas_plan *plan, jrn_canvas_lane lane)
{
    if (lane == CANVAS_LANE_FEELING) {
        canvas_feeling_head(out, plan);
        return;
    }
    canvas_font title = {"11", NULL, true, false};
    canvas_text(out, canvas_lane_title(lane), title, 1);
}

/* One entry of the key: a sample cell and what it means. */
static void canvas_key_entry(jrn_strbuf *out, const char *fill, const char *border, int border_width,
                             const char *sample_html, const char *meaning)
{
    strbuf_puts(out, "<TD");
    if (fill) strbuf_printf(out, " BGCOLOR=\"%s\"", fill);
    if (border) strbuf_printf(out, " BORDER=\"%d\" COLOR=\"%s\"", border_width, border);
    strbuf_printf(out, ">%s</TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">", sample_html);
    dot_text_html(out, meaning, 200);
    strbuf_puts(out, "</FONT></TD>");
}

/* True when a lane shown holds a note of a stage itself (drawn in bold). */
static bool canvas_shows_stage_notes(const canvas_plan *plan)
{
    for (int lane = 0; lane < CANVAS_LANE_COUNT; lane++) {
        if (!plan->lane_shown[lane]) continue;
        for (size_t i = 0; i < plan->column_count; i++)
            if (canvas_stage_note_count((jrn_canvas_lane)lane, plan->columns[i].stage) > 0) return true;
    }
    return false;
}

void dot_canvas_key(jrn_strbuf *out, const canvas_plan *plan)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\"><TR>");
    strbuf_puts(out, "<TD><FONT POINT-SIZE=\"9\"><B>Key</B></FONT></TD>");
    if (plan->lane_shown[CANVAS_LANE_TOUCHPOINTS]) {
        for (dot_heat heat = HEAT_PAIN; heat <= HEAT_INCONSISTENT; heat++) {
            const dot_heat_style style_value = dot_style_heat(dot_style_theme(plan->options), heat);
            const dot_heat_style *style = &style_value;
            canvas_key_entry(out, heat == HEAT_INCONSISTENT ? CANVAS_SPLIT_FILL : style->fill, style->border, 1,
                             "&#160;&#160;&#160;", style->meaning);
        }
        canvas_key_entry(out, NULL, "#000000", 3, "<FONT POINT-SIZE=\"9\">" CANVAS_TRUTH_MARK "</FONT>",
                         "Moment of truth");
    }
    if (canvas_shows_stage_notes(plan))
        canvas_key_entry(out, CANVAS_NOTE_FILL, NULL, 0, "<FONT POINT-SIZE=\"9\"><B>Aa</B></FONT>",
                         "Bold: a note on the stage as a whole");
    if (plan->lane_shown[CANVAS_LANE_FEELING]) {
        const char *muted = dot_style_theme(plan->options)->muted;
        jrn_strbuf sample = STRBUF_INIT;
        strbuf_printf(&sample, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">" CANVAS_NOW_MARK "</FONT>", muted);
        canvas_key_entry(out, NULL, NULL, 0, strbuf_text(&sample), "Stage now, the line joining the stages");
        strbuf_clear(&sample);
        strbuf_printf(&sample, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">" CANVAS_AIM_MARK "</FONT>", CANVAS_AIM_COLOR);
        canvas_key_entry(out, NULL, NULL, 0, strbuf_text(&sample), "Stage aspiration");
        canvas_key_entry(out, CANVAS_GAP_FILL, NULL, 0, "&#160;&#160;&#160;", "Gap to close");
        size_t personas = plan->options->canvas_persona_count;
        if (personas > 1) {
            jrn_strbuf meaning = STRBUF_INIT;
            for (size_t p = 0; p < personas; p++) {
                /* the personas on rows of their own, four to a row, under the rest */
                if (p % 4 == 0) strbuf_puts(out, "</TR><TR><TD></TD>");
                strbuf_clear(&sample);
                strbuf_printf(&sample, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">%s %zu</FONT>",
                              theme_journey_color(dot_style_theme(plan->options), p), canvas_persona_mark(p), p + 1);
                strbuf_clear(&meaning);
                strbuf_puts(&meaning, dot_label_element_name(&plan->options->canvas_personas[p]->base));
                dot_text_close_bidi(&meaning, dot_label_element_name(&plan->options->canvas_personas[p]->base));
                strbuf_puts(&meaning, " (mean of their touchpoints)");
                canvas_key_entry(out, NULL, NULL, 0, strbuf_text(&sample), strbuf_text(&meaning));
            }
            strbuf_free(&meaning);
        } else {
            strbuf_clear(&sample);
            strbuf_printf(&sample, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">" CANVAS_POINT_MARK "</FONT>", muted);
            canvas_key_entry(out, NULL, NULL, 0, strbuf_text(&sample), "Touchpoint (its number)");
        }
        strbuf_free(&sample);
    }
    strbuf_puts(out, "</TR></TABLE>");
}
