/* dot_canvas_cells.c — the cells of the journey-map canvas: each lane's markup for one
 * stage column, the lane headings, the feeling lane's emotion scale and the key. */
#include "jrn/dot_canvas.h"

#include <math.h>
#include <string.h>

#include "jrn/dot_labels.h"
#include "jrn/dot_style.h"
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
#define CANVAS_HEAD_FILL "#EEF1F5"
#define CANVAS_AIM_COLOR "#333333"
/* The feeling lane's scale: each row this high, each mark this wide (points). */
#define CANVAS_ROW_HEIGHT "13"
#define CANVAS_MARK_WIDTH "16"
#define CANVAS_MARK_POINTS 16.0
#define CANVAS_ROW_POINTS 13.0

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
static const canvas_font canvas_muted = {"9", DOT_STYLE_MUTED_TEXT, false, false};

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

/* A list of items, each a row of a borderless table; fill and border per item. */
static void canvas_items_open(jrn_strbuf *out)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\">");
}

static void canvas_item_open(jrn_strbuf *out, const char *fill, const char *border, int border_width)
{
    strbuf_puts(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"");
    if (fill) strbuf_printf(out, " BGCOLOR=\"%s\"", fill);
    if (border) strbuf_printf(out, " BORDER=\"%d\" COLOR=\"%s\"", border_width, border);
    strbuf_putc(out, '>');
}

static void canvas_item_close(jrn_strbuf *out)
{
    strbuf_puts(out, "</TD></TR>");
}

/* "+ 3 more" under a cell cut at DOT_CANVAS_CELL_ITEMS, counted in the plan. */
static void canvas_items_close(jrn_strbuf *out, canvas_plan *plan, size_t total)
{
    if (total > DOT_CANVAS_CELL_ITEMS) {
        size_t more = total - DOT_CANVAS_CELL_ITEMS;
        plan->items_left_out += more;
        jrn_strbuf raw = STRBUF_INIT;
        strbuf_printf(&raw, "+ %zu more", more);
        canvas_item_open(out, NULL, NULL, 0);
        canvas_text(out, strbuf_text(&raw), canvas_muted, 1);
        canvas_item_close(out);
        strbuf_free(&raw);
    }
    strbuf_puts(out, "</TABLE>");
}

/* ---- what a lane shows of a touchpoint ---- */

static const char *canvas_text_of(jrn_canvas_lane lane, const jrn_touchpoint *touchpoint)
{
    switch (lane) {
    case CANVAS_LANE_DOING: return touchpoint->notes->does;
    case CANVAS_LANE_THINKING: return touchpoint->notes->thinks;
    case CANVAS_LANE_PAINS: return touchpoint->is_pain ? (touchpoint->pain ? touchpoint->pain : "") : NULL;
    case CANVAS_LANE_DELIGHTS:
        return touchpoint->is_delight ? (touchpoint->delight ? touchpoint->delight : "") : NULL;
    default: return NULL;
    }
}

static bool canvas_has_text(jrn_canvas_lane lane, const jrn_touchpoint *touchpoint)
{
    const char *text = canvas_text_of(lane, touchpoint);
    if (lane == CANVAS_LANE_PAINS || lane == CANVAS_LANE_DELIGHTS) return text != NULL;
    return !dot_text_is_blank(text);
}

/* The column's rated touchpoints (for the feeling lane's points). */
static size_t canvas_rated(const canvas_column *column)
{
    size_t count = 0;
    for (size_t i = 0; i < column->touchpoint_count; i++) count += column->touchpoints[i]->has_emotion;
    return count;
}

static size_t canvas_kpi_count(const canvas_column *column)
{
    size_t count = column->stage->kpi_count;
    for (size_t i = 0; i < column->touchpoint_count; i++) count += column->touchpoints[i]->kpi_count;
    return count;
}

static size_t canvas_opportunity_count(const canvas_column *column)
{
    size_t count = 0;
    for (size_t i = 0; i < column->touchpoint_count; i++)
        count += column->touchpoints[i]->notes->opportunities.count;
    return count;
}

static bool canvas_has_owner(const canvas_column *column)
{
    if (column->stage->owner) return true;
    for (size_t i = 0; i < column->touchpoint_count; i++)
        if (column->touchpoints[i]->owner) return true;
    return false;
}

/* A persona's feeling at a column: the mean emotion of the rated touchpoints they live
 * there; false when they rate none. */
static bool canvas_persona_feeling(const canvas_plan *plan, size_t persona, const canvas_column *column,
                                   double *mean)
{
    double sum = 0;
    size_t count = 0;
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        if (!touchpoint->has_emotion || !plan->for_persona[persona][touchpoint->base.index]) continue;
        sum += touchpoint->emotion;
        count++;
    }
    if (count == 0) return false;
    *mean = sum / (double)count;
    return true;
}

bool dot_canvas_cell_has_content(const canvas_plan *plan, jrn_canvas_lane lane,
                                 const canvas_column *column)
{
    switch (lane) {
    case CANVAS_LANE_STAGE: return true;
    case CANVAS_LANE_TOUCHPOINTS: return column->touchpoint_count > 0;
    case CANVAS_LANE_FEELING:
        if (column->stage->has_emotion || column->stage->has_aspiration) return true;
        for (size_t i = 0; i < column->touchpoint_count; i++)
            if (column->touchpoints[i]->has_emotion || !dot_text_is_blank(column->touchpoints[i]->notes->feels))
                return true;
        return false;
    case CANVAS_LANE_OPPORTUNITIES: return canvas_opportunity_count(column) > 0;
    case CANVAS_LANE_KPIS: return canvas_kpi_count(column) > 0;
    case CANVAS_LANE_OWNERS: return canvas_has_owner(column);
    case CANVAS_LANE_COUNT: return false;
    default: break;
    }
    (void)plan;
    for (size_t i = 0; i < column->touchpoint_count; i++)
        if (canvas_has_text(lane, column->touchpoints[i])) return true;
    return false;
}

/* ---- sizes, for choosing the bands ---- */

static double canvas_text_lines(const char *text, size_t max_lines)
{
    if (!text) return 1;
    double lines = ceil((double)strlen(text) / DOT_CANVAS_LINE_WIDTH);
    if (lines < 1) lines = 1;
    return lines > (double)max_lines ? (double)max_lines : lines;
}

static size_t canvas_capped(size_t count)
{
    return count > DOT_CANVAS_CELL_ITEMS ? DOT_CANVAS_CELL_ITEMS + 1 : count;
}

double dot_canvas_cell_lines(const canvas_plan *plan, jrn_canvas_lane lane, const canvas_column *column)
{
    double lines = 0;
    size_t shown = 0;
    switch (lane) {
    case CANVAS_LANE_STAGE: return 5;
    case CANVAS_LANE_FEELING: return (double)plan->emotion_rows + 2 + 3.0 * (double)canvas_capped(column->touchpoint_count) / 3;
    case CANVAS_LANE_KPIS: return 2.2 * (double)canvas_capped(canvas_kpi_count(column));
    case CANVAS_LANE_OPPORTUNITIES: return 2.5 * (double)canvas_capped(canvas_opportunity_count(column));
    case CANVAS_LANE_OWNERS: return 3;
    case CANVAS_LANE_TOUCHPOINTS: return 3.2 * (double)canvas_capped(column->touchpoint_count);
    default: break;
    }
    for (size_t i = 0; i < column->touchpoint_count && shown < DOT_CANVAS_CELL_ITEMS + 1; i++) {
        if (!canvas_has_text(lane, column->touchpoints[i])) continue;
        lines += canvas_text_lines(canvas_text_of(lane, column->touchpoints[i]), 4) + 0.8;
        shown++;
    }
    return lines;
}

double dot_canvas_column_width(const canvas_plan *plan, const canvas_column *column)
{
    size_t marks = 1 + (plan->options->canvas_persona_count > 1 ? plan->options->canvas_persona_count
                                                                 : canvas_capped(canvas_rated(column)));
    double feeling = plan->lane_shown[CANVAS_LANE_FEELING] ? CANVAS_MARK_POINTS * (double)marks + 12 : 0;
    return feeling > 170 ? feeling : 170;
}

/* ---- the stage row ---- */

/* "now −1 (unhappy) → aim +2 (delighted)", each half in its colour. */
static void canvas_stage_emotions(jrn_strbuf *out, const jrn_model *model, const jrn_stage *stage)
{
    if (!stage->has_emotion && !stage->has_aspiration) return;
    jrn_strbuf raw = STRBUF_INIT;
    if (stage->has_emotion) {
        strbuf_puts(&raw, "now ");
        dot_label_emotion_raw(&raw, model, stage->emotion);
        canvas_font font = {"10", dot_style_emotion_text(model, stage->emotion), true, false};
        canvas_text(out, strbuf_text(&raw), font, 1);
        strbuf_clear(&raw);
    }
    if (stage->has_aspiration) {
        strbuf_puts(&raw, "aim ");
        dot_label_emotion_raw(&raw, model, stage->aspiration);
        canvas_font font = {"10", dot_style_emotion_text(model, stage->aspiration), false, false};
        canvas_text(out, strbuf_text(&raw), font, 1);
    }
    strbuf_free(&raw);
}

void dot_canvas_stage_cell(jrn_strbuf *out, const canvas_plan *plan, const jrn_stage *stage)
{
    canvas_font title = {"13", NULL, true, false};
    canvas_text(out, dot_label_element_name(&stage->base), title, 3);
    canvas_font goal = {"10", DOT_STYLE_MUTED_TEXT, false, true};
    canvas_text(out, stage->goal, goal, 3);
    canvas_stage_emotions(out, plan->model, stage);
    if (stage->owner && !plan->lane_shown[CANVAS_LANE_OWNERS]) {
        jrn_strbuf raw = STRBUF_INIT;
        strbuf_puts(&raw, "owner ");
        strbuf_puts(&raw, dot_label_element_name(&stage->owner->base));
        canvas_text(out, strbuf_text(&raw), canvas_muted, 2);
        strbuf_free(&raw);
    }
}

/* ---- text lanes: doing, thinking, pains, delights ---- */

static void canvas_text_lane(jrn_strbuf *out, canvas_plan *plan, jrn_canvas_lane lane, const canvas_column *column)
{
    const dot_heat_style *pain = dot_style_heat(HEAT_PAIN), *delight = dot_style_heat(HEAT_DELIGHT);
    size_t total = 0;
    canvas_items_open(out);
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        if (!canvas_has_text(lane, touchpoint)) continue;
        if (total++ >= DOT_CANVAS_CELL_ITEMS) continue;
        const char *text = canvas_text_of(lane, touchpoint);
        const char *name = dot_label_element_name(&touchpoint->base);
        switch (lane) {
        case CANVAS_LANE_PAINS:
        case CANVAS_LANE_DELIGHTS: {
            const dot_heat_style *heat = lane == CANVAS_LANE_PAINS ? pain : delight;
            canvas_item_open(out, heat->fill, NULL, 0);
            canvas_font font = {"10", heat->text, false, false};
            /* a bare flag says no more than the touchpoint's name */
            canvas_text(out, dot_text_is_blank(text) ? name : text, font, 4);
            if (!dot_text_is_blank(text)) canvas_text(out, name, canvas_muted, 1);
            break;
        }
        case CANVAS_LANE_THINKING: {
            canvas_item_open(out, NULL, NULL, 0);
            jrn_strbuf raw = STRBUF_INIT;
            strbuf_puts(&raw, "\xE2\x80\x9C");
            strbuf_puts(&raw, text);
            strbuf_puts(&raw, "\xE2\x80\x9D");
            canvas_font font = {"10", NULL, false, true};
            canvas_text(out, strbuf_text(&raw), font, 4);
            strbuf_free(&raw);
            break;
        }
        default:
            canvas_item_open(out, NULL, NULL, 0);
            canvas_text(out, text, canvas_body, 4);
            break;
        }
        canvas_item_close(out);
    }
    canvas_items_close(out, plan, total);
}

/* ---- touchpoints ---- */

static void canvas_touchpoints(jrn_strbuf *out, canvas_plan *plan, const canvas_column *column)
{
    canvas_items_open(out);
    size_t count = column->touchpoint_count;
    for (size_t i = 0; i < count && i < DOT_CANVAS_CELL_ITEMS; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        const dot_heat_style *heat = dot_style_heat(dot_style_heat_of(touchpoint));
        /* a moment of truth has a thick dark border; a split fill is drawn as a gradient */
        const char *fill = dot_style_heat_of(touchpoint) == HEAT_INCONSISTENT ? "#F7C5BF:#C6E8C8" : heat->fill;
        canvas_item_open(out, fill, touchpoint->is_truth ? "#000000" : heat->border, touchpoint->is_truth ? 3 : 1);
        jrn_strbuf raw = STRBUF_INIT;
        strbuf_printf(&raw, "%zu  ", i + 1);
        if (touchpoint->is_truth) strbuf_puts(&raw, CANVAS_TRUTH_MARK);
        strbuf_puts(&raw, dot_label_element_name(&touchpoint->base));
        canvas_font title = {"10", NULL, true, false};
        canvas_text(out, strbuf_text(&raw), title, 3);
        strbuf_clear(&raw);
        for (size_t k = 0; k < touchpoint->channel_count; k++) {
            if (k > 0) strbuf_puts(&raw, CANVAS_SEPARATOR);
            strbuf_puts(&raw, dot_label_element_name(&touchpoint->channels[k]->base));
        }
        if (touchpoint->is_backstage) strbuf_puts(&raw, raw.length ? CANVAS_SEPARATOR "backstage" : "backstage");
        canvas_text(out, strbuf_text(&raw), canvas_muted, 2);
        strbuf_free(&raw);
        canvas_item_close(out);
    }
    canvas_items_close(out, plan, count);
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

/* One mark of the scale: a glyph in a colour, or an empty cell (with a fill). */
static void canvas_mark(jrn_strbuf *out, const char *fill, const char *color, const char *glyph)
{
    /* fixed: a nested table in a wider cell would otherwise be stretched to fill it */
    strbuf_puts(out, "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"" CANVAS_MARK_WIDTH "\" HEIGHT=\"" CANVAS_ROW_HEIGHT "\"");
    if (fill) strbuf_printf(out, " BGCOLOR=\"%s\"", fill);
    strbuf_putc(out, '>');
    if (glyph) strbuf_printf(out, "<FONT POINT-SIZE=\"10\" COLOR=\"%s\">%s</FONT>", color, glyph);
    strbuf_puts(out, "</TD>");
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
            marks->colors[at] = dot_style_journey_color(p);
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
        marks->colors[at] = dot_style_emotion_text(model, touchpoint->emotion);
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
        canvas_mark(out, middle, dot_style_emotion_text(plan->model, stage->emotion), CANVAS_BOTH_MARK);
    } else if (now) {
        canvas_mark(out, middle, dot_style_emotion_text(plan->model, stage->emotion), CANVAS_NOW_MARK);
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

static void canvas_feeling_scale(jrn_strbuf *out, const canvas_plan *plan, const canvas_column *column)
{
    canvas_marks marks;
    canvas_collect_marks(plan, column, &marks);
    /* fixed: Graphviz stretches a nested table to the cell it sits in, which would spread
     * the marks apart */
    strbuf_printf(out, "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"%.0f\" HEIGHT=\"%.0f\" BORDER=\"0\" "
                       "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">",
                  CANVAS_MARK_POINTS * (double)(marks.count + 1), CANVAS_ROW_POINTS * (double)(plan->emotion_rows + 1));
    for (size_t row = 0; row < plan->emotion_rows; row++) {
        strbuf_puts(out, "<TR>");
        canvas_stage_mark(out, plan, column->stage, row);
        const char *middle = row == plan->emotion_rows / 2 ? CANVAS_MIDDLE_FILL : NULL;
        for (size_t i = 0; i < marks.count; i++) {
            bool here = marks.known[i] && canvas_row_of(plan, marks.values[i]) == row;
            canvas_mark(out, middle, here ? marks.colors[i] : NULL, here ? marks.glyphs[i] : NULL);
        }
        strbuf_puts(out, "</TR>");
    }
    /* the numbers under the marks: the touchpoints' in the touchpoint lane, or the personas' */
    strbuf_puts(out, "<TR>");
    canvas_mark(out, NULL, NULL, NULL);
    for (size_t i = 0; i < marks.count; i++)
        canvas_mark(out, NULL, DOT_STYLE_MUTED_TEXT, marks.numbers[i]);
    strbuf_puts(out, "</TR></TABLE>");
}

static void canvas_feeling(jrn_strbuf *out, canvas_plan *plan, const canvas_column *column)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\">");
    canvas_feeling_scale(out, plan, column);
    strbuf_puts(out, "</TD></TR>");
    size_t total = 0;
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const char *feels = column->touchpoints[i]->notes->feels;
        if (dot_text_is_blank(feels) || total++ >= DOT_CANVAS_CELL_ITEMS) continue;
        strbuf_puts(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" CELLPADDING=\"2\">");
        canvas_font font = {"10", NULL, false, true};
        canvas_text(out, feels, font, 3);
        strbuf_puts(out, "</TD></TR>");
    }
    if (total > DOT_CANVAS_CELL_ITEMS) {
        strbuf_printf(out, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"%s\">+ %zu more</FONT></TD></TR>",
                      DOT_STYLE_MUTED_TEXT, total - DOT_CANVAS_CELL_ITEMS);
        plan->items_left_out += total - DOT_CANVAS_CELL_ITEMS;
    }
    strbuf_puts(out, "</TABLE>");
}

/* ---- opportunities, KPIs, owners ---- */

static void canvas_opportunities(jrn_strbuf *out, canvas_plan *plan, const canvas_column *column)
{
    size_t total = 0;
    canvas_items_open(out);
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const jrn_text_list *list = &column->touchpoints[i]->notes->opportunities;
        for (size_t k = 0; k < list->count; k++) {
            if (total++ >= DOT_CANVAS_CELL_ITEMS) continue;
            canvas_item_open(out, "#E3EEFA", NULL, 0);
            canvas_text(out, list->items[k], canvas_body, 4);
            canvas_item_close(out);
        }
    }
    canvas_items_close(out, plan, total);
}

static void canvas_kpis(jrn_strbuf *out, canvas_plan *plan, const canvas_column *column)
{
    const jrn_actuals *actuals = plan->options->actuals;
    size_t total = canvas_kpi_count(column), shown = 0;
    canvas_items_open(out);
    const jrn_stage *stage = column->stage;
    for (size_t i = 0; i < stage->kpi_count && shown < DOT_CANVAS_CELL_ITEMS; i++, shown++) {
        canvas_item_open(out, NULL, NULL, 0);
        dot_label_kpi_status(out, actuals, &stage->kpis[i], 1, true);
        canvas_item_close(out);
    }
    for (size_t i = 0; i < column->touchpoint_count; i++) {
        const jrn_touchpoint *touchpoint = column->touchpoints[i];
        for (size_t k = 0; k < touchpoint->kpi_count && shown < DOT_CANVAS_CELL_ITEMS; k++, shown++) {
            canvas_item_open(out, NULL, NULL, 0);
            dot_label_kpi_status(out, actuals, &touchpoint->kpis[k], 1, true);
            canvas_text(out, dot_label_element_name(&touchpoint->base), canvas_muted, 1);
            canvas_item_close(out);
        }
    }
    canvas_items_close(out, plan, total);
}

static void canvas_owners(jrn_strbuf *out, const canvas_column *column)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
    if (column->stage->owner) {
        canvas_font font = {"10", NULL, true, false};
        canvas_text(out, dot_label_element_name(&column->stage->owner->base), font, 2);
    }
    /* the touchpoints' other teams, each once, in the order they first appear */
    jrn_strbuf raw = STRBUF_INIT;
    size_t named = 0;
    for (size_t i = 0; i < column->touchpoint_count && named < DOT_CANVAS_CELL_ITEMS; i++) {
        const jrn_team *team = column->touchpoints[i]->owner;
        bool seen = !team || team == column->stage->owner;
        for (size_t k = 0; k < i && !seen; k++) seen = column->touchpoints[k]->owner == team;
        if (seen) continue;
        if (named++ > 0) strbuf_puts(&raw, ", ");
        strbuf_puts(&raw, dot_label_element_name(&team->base));
    }
    if (raw.length) canvas_text(out, strbuf_text(&raw), canvas_muted, 4);
    strbuf_free(&raw);
    strbuf_puts(out, "</TD></TR></TABLE>");
}

void dot_canvas_cell(jrn_strbuf *out, canvas_plan *plan, jrn_canvas_lane lane, const canvas_column *column)
{
    if (!dot_canvas_cell_has_content(plan, lane, column)) return;
    switch (lane) {
    case CANVAS_LANE_STAGE: dot_canvas_stage_cell(out, plan, column->stage); break;
    case CANVAS_LANE_TOUCHPOINTS: canvas_touchpoints(out, plan, column); break;
    case CANVAS_LANE_FEELING: canvas_feeling(out, plan, column); break;
    case CANVAS_LANE_OPPORTUNITIES: canvas_opportunities(out, plan, column); break;
    case CANVAS_LANE_KPIS: canvas_kpis(out, plan, column); break;
    case CANVAS_LANE_OWNERS: canvas_owners(out, column); break;
    case CANVAS_LANE_COUNT: break;
    default: canvas_text_lane(out, plan, lane, column); break;
    }
}

/* ---- lane headings and the key ---- */

static const char *const canvas_lane_titles[CANVAS_LANE_COUNT] = {
    [CANVAS_LANE_STAGE] = "Stage",
    [CANVAS_LANE_DOING] = "Doing",
    [CANVAS_LANE_TOUCHPOINTS] = "Touchpoints",
    [CANVAS_LANE_THINKING] = "Thinking",
    [CANVAS_LANE_FEELING] = "Feeling",
    [CANVAS_LANE_PAINS] = "Pain points",
    [CANVAS_LANE_DELIGHTS] = "Delights",
    [CANVAS_LANE_OPPORTUNITIES] = "Opportunities",
    [CANVAS_LANE_KPIS] = "KPIs",
    [CANVAS_LANE_OWNERS] = "Owners",
};

/* The feeling lane's heading: the scale's labels on the rows of the marks. */
static void canvas_feeling_head(jrn_strbuf *out, const canvas_plan *plan)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"RIGHT\">");
    canvas_scale_table_open(out);
    jrn_strbuf raw = STRBUF_INIT;
    for (size_t row = 0; row < plan->emotion_rows; row++) {
        double value = canvas_value_of(plan, row);
        strbuf_puts(out, "<TR><TD ALIGN=\"RIGHT\" HEIGHT=\"" CANVAS_ROW_HEIGHT "\">");
        if (value == floor(value)) {
            dot_label_emotion_raw(&raw, plan->model, value);
            strbuf_printf(out, "<FONT POINT-SIZE=\"7\" COLOR=\"%s\">", DOT_STYLE_MUTED_TEXT);
            dot_text_html(out, strbuf_text(&raw), 40);
            strbuf_puts(out, "</FONT>");
            strbuf_clear(&raw);
        }
        strbuf_puts(out, "</TD></TR>");
    }
    strbuf_free(&raw);
    strbuf_puts(out, "</TABLE></TD></TR><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
    canvas_font title = {"11", NULL, true, false};
    canvas_text(out, canvas_lane_titles[CANVAS_LANE_FEELING], title, 1);
    strbuf_puts(out, "</TD></TR></TABLE>");
}

void dot_canvas_lane_head(jrn_strbuf *out, const canvas_plan *plan, jrn_canvas_lane lane)
{
    if (lane == CANVAS_LANE_FEELING) {
        canvas_feeling_head(out, plan);
        return;
    }
    canvas_font title = {"11", NULL, true, false};
    canvas_text(out, canvas_lane_titles[lane], title, 1);
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

void dot_canvas_key(jrn_strbuf *out, const canvas_plan *plan)
{
    strbuf_puts(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\"><TR>");
    strbuf_puts(out, "<TD><FONT POINT-SIZE=\"9\"><B>Key</B></FONT></TD>");
    if (plan->lane_shown[CANVAS_LANE_TOUCHPOINTS]) {
        for (dot_heat heat = HEAT_PAIN; heat <= HEAT_INCONSISTENT; heat++) {
            const dot_heat_style *style = dot_style_heat(heat);
            canvas_key_entry(out, heat == HEAT_INCONSISTENT ? "#F7C5BF:#C6E8C8" : style->fill, style->border, 1,
                             "&#160;&#160;&#160;", style->meaning);
        }
        canvas_key_entry(out, NULL, "#000000", 3, "<FONT POINT-SIZE=\"9\">" CANVAS_TRUTH_MARK "</FONT>",
                         "Moment of truth");
    }
    if (plan->lane_shown[CANVAS_LANE_FEELING]) {
        const char *muted = DOT_STYLE_MUTED_TEXT;
        jrn_strbuf sample = STRBUF_INIT;
        strbuf_printf(&sample, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">" CANVAS_NOW_MARK "</FONT>", muted);
        canvas_key_entry(out, NULL, NULL, 0, strbuf_text(&sample), "Stage now");
        strbuf_clear(&sample);
        strbuf_printf(&sample, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">" CANVAS_AIM_MARK "</FONT>", CANVAS_AIM_COLOR);
        canvas_key_entry(out, NULL, NULL, 0, strbuf_text(&sample), "Stage aspiration");
        canvas_key_entry(out, CANVAS_GAP_FILL, NULL, 0, "&#160;&#160;&#160;", "Gap to close");
        size_t personas = plan->options->canvas_persona_count;
        if (personas > 1) {
            jrn_strbuf meaning = STRBUF_INIT;
            for (size_t p = 0; p < personas; p++) {
                strbuf_clear(&sample);
                strbuf_printf(&sample, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">%s %zu</FONT>",
                              dot_style_journey_color(p), canvas_persona_mark(p), p + 1);
                strbuf_clear(&meaning);
                strbuf_puts(&meaning, dot_label_element_name(&plan->options->canvas_personas[p]->base));
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
