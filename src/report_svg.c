/* report_svg.c — the HTML report's inline SVG: the emotion curve (drawn here) and the
 * journey graph (laid out by the DOT module, then stripped of what must not be inlined). */
#include "jrn/report_svg.h"

#include <string.h>

#include "jrn/emit_dot.h"
#include "jrn/report_format.h"

/* Where the plot sits in the SVG's coordinate space (the SVG scales to its container). */
typedef struct curve_frame {
    double left, top, width, height;   /* the plotting area */
    double column;                     /* width of one stage's column */
    double low, high;                  /* the emotion scale */
} curve_frame;

enum {
    CURVE_WIDTH = 1240,
    CURVE_LEFT = 128,
    CURVE_RIGHT = 24,
    CURVE_TOP = 48,
    CURVE_PLOT_HEIGHT = 300,
    CURVE_LANE = 34,           /* the strip under the plot for touchpoints without an emotion */
    CURVE_BOTTOM = 62 + CURVE_LANE,
};

static double curve_y(const curve_frame *frame, double value)
{
    return frame->top + (frame->high - value) / (frame->high - frame->low) * frame->height;
}

static double curve_x(const curve_frame *frame, size_t column)
{
    return frame->left + frame->column * ((double)column + 0.5);
}

static void curve_text(jrn_strbuf *out, double x, double y, const char *attributes, const char *text)
{
    /* A white halo keeps a label readable where it crosses a line. */
    strbuf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" paint-order=\"stroke\" stroke=\"#fff\" "
                  "stroke-width=\"3\" stroke-linejoin=\"round\" %s>", x, y, attributes);
    report_put_html(out, text, false);
    strbuf_puts(out, "</text>\n");
}

/* Splits text into at most two lines of about max_points code points, at a space. */
static void curve_wrap(jrn_arena *arena, const char *text, size_t max_points, const char **first,
                       const char **second)
{
    size_t points = 0;
    const char *cut = NULL;
    const char *p = text;
    for (; *p != '\0'; p++) {
        if (((unsigned char)*p & 0xC0) == 0x80) continue;
        if (points == max_points) break;
        if (*p == ' ') cut = p;
        points++;
    }
    *second = NULL;
    *first = text;
    if (*p == '\0') return;
    if (cut == NULL) cut = p;
    *first = arena_strndup(arena, text, (size_t)(cut - text));
    while (*cut == ' ') cut++;
    *second = report_clip_text(arena, cut, max_points);
}

static void curve_grid(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const curve_frame *frame)
{
    double span = frame->high - frame->low;
    double step = span > 10 ? span / 5.0 : 1.0;   /* one line per labelled point on small scales */
    for (double value = frame->low; value <= frame->high + 1e-9; value += step) {
        double y = curve_y(frame, value);
        strbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                      "stroke-width=\"1\"/>\n", frame->left, y, frame->left + frame->width, y,
                      value == 0 ? "#9ca3af" : "#e5e7eb");
        const char *label = model_emotion_label(model, value);
        const char *number = report_signed_text(arena, value);
        curve_text(out, frame->left - 10, y + 4, "text-anchor=\"end\" font-size=\"12\" fill=\"#6b7280\"",
                   label != NULL ? arena_printf(arena, "%s %s", number, label) : number);
    }
}

static void curve_columns(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const curve_frame *frame)
{
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        double x = frame->left + frame->column * (double)s;
        if (s % 2 == 1)
            strbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f8fafc\"/>\n",
                          x, frame->top, frame->column, frame->height);
        const char *first, *second;
        size_t max_points = (size_t)(frame->column / 7.5) > 4 ? (size_t)(frame->column / 7.5) : 4;
        curve_wrap(arena, element_label(&stage->base), max_points, &first, &second);
        double y = frame->top + frame->height + CURVE_LANE + 20;
        const char *style = stage->parent != NULL
                                ? "text-anchor=\"middle\" font-size=\"13\" fill=\"#4b5563\" font-style=\"italic\""
                                : "text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"#1f2937\"";
        curve_text(out, curve_x(frame, s), y, style, first);
        if (second != NULL) curve_text(out, curve_x(frame, s), y + 16, style, second);
        if (!stage->has_emotion && !stage->has_aspiration)
            curve_text(out, curve_x(frame, s), frame->top + 16,
                       "text-anchor=\"middle\" font-size=\"11\" fill=\"#9ca3af\"", "stage not rated");
    }
}

/* A shaded bar from "now" up to the aspiration, labelled with the gap. */
static void curve_gaps(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const curve_frame *frame)
{
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (!stage->has_emotion || !stage->has_aspiration || stage->aspiration <= stage->emotion) continue;
        double x = curve_x(frame, s);
        double top = curve_y(frame, stage->aspiration), bottom = curve_y(frame, stage->emotion);
        strbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" height=\"%.1f\" rx=\"4\" "
                      "fill=\"#ef4444\" fill-opacity=\"0.16\"/>\n", x - 12, top, bottom - top);
        curve_text(out, x - 16, (top + bottom) / 2 + 4,
                   "text-anchor=\"end\" font-size=\"12\" font-weight=\"700\" fill=\"#b91c1c\"",
                   arena_printf(arena, "gap %s", report_signed_text(arena, stage->aspiration - stage->emotion)));
    }
}

/* One line through the stages that have the value; stages without it are skipped. */
static void curve_line(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const curve_frame *frame,
                       bool aspiration)
{
    const char *colour = aspiration ? "#16a34a" : "#4338ca";
    strbuf_printf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-linejoin=\"round\"%s "
                  "points=\"", colour, aspiration ? "2.5" : "3.5",
                  aspiration ? " stroke-dasharray=\"8 6\"" : "");
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (aspiration ? stage->has_aspiration : stage->has_emotion)
            strbuf_printf(out, "%.1f,%.1f ", curve_x(frame, s),
                          curve_y(frame, aspiration ? stage->aspiration : stage->emotion));
    }
    strbuf_puts(out, "\"/>\n");
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (!(aspiration ? stage->has_aspiration : stage->has_emotion)) continue;
        double value = aspiration ? stage->aspiration : stage->emotion;
        strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2.5\">"
                      "<title>", curve_x(frame, s), curve_y(frame, value), aspiration ? "5" : "6.5",
                      aspiration ? "#fff" : colour, colour);
        report_put_html(out, element_label(&stage->base), false);
        strbuf_printf(out, ": %s ", aspiration ? "aspiration" : "now");
        report_put_html(out, report_emotion_text(arena, model, value), false);
        strbuf_puts(out, "</title></circle>\n");
    }
}

static const char *curve_heat_colour(const jrn_touchpoint *touchpoint)
{
    if (touchpoint->is_pain && touchpoint->is_delight) return "#ea580c";
    if (touchpoint->is_pain) return "#dc2626";
    if (touchpoint->is_delight) return "#16a34a";
    return "#6b7280";
}

static void curve_touchpoint(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model,
                             const jrn_touchpoint *touchpoint, double x, double y, size_t label_points,
                             bool label_above)
{
    strbuf_printf(out, "<g><title>");
    report_put_html(out, element_label(&touchpoint->base), false);
    strbuf_puts(out, ": ");
    report_put_html(out, report_emotion_text(arena, model, touchpoint->emotion), false);
    if (touchpoint->pain != NULL) {
        strbuf_puts(out, "; pain: ");
        report_put_html(out, touchpoint->pain, false);
    }
    strbuf_puts(out, "</title>");
    if (touchpoint->is_truth)
        strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"11\" fill=\"none\" stroke=\"#6d28d9\" "
                      "stroke-width=\"2.5\"/>", x, y);
    strbuf_printf(out, "<circle class=\"touchpoint\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.5\"/>\n",
                  x, y, curve_heat_colour(touchpoint));
    curve_text(out, x, label_above ? y - 16 : y + 24,
               "text-anchor=\"middle\" font-size=\"11.5\" fill=\"#374151\"",
               report_clip_text(arena, element_label(&touchpoint->base), label_points));
    strbuf_puts(out, "</g>\n");
}

/* Each stage's touchpoints that have an emotion, spread across the right part of its
 * column: the middle belongs to the stage's own points and the gap bar. */
static void curve_touchpoints(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const curve_frame *frame)
{
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        size_t rated = 0;
        for (size_t t = 0; t < stage->touchpoint_count; t++) rated += stage->touchpoints[t]->has_emotion;
        if (rated == 0) continue;
        double start = curve_x(frame, s) + 16;
        double room = frame->left + frame->column * (double)(s + 1) - 6 - start;
        double slot = room / (double)rated;
        size_t label_points = (size_t)(frame->column / 7.0) > 6 ? (size_t)(frame->column / 7.0) : 6;
        size_t position = 0;
        for (size_t t = 0; t < stage->touchpoint_count; t++) {
            const jrn_touchpoint *touchpoint = stage->touchpoints[t];
            if (!touchpoint->has_emotion) continue;
            double x = rated == 1 ? start + 10 : start + slot * ((double)position + 0.5);
            double y = curve_y(frame, touchpoint->emotion);
            /* Labels alternate above and below; never off the plot at the scale's ends. */
            bool above = position % 2 == 1;
            if (y > frame->top + frame->height - 30) above = true;
            if (y < frame->top + 20) above = false;
            curve_touchpoint(out, arena, model, touchpoint, x, y, label_points, above);
            position++;
        }
    }
}

/* Touchpoints without an emotion still show their heat, in a lane under the plot. */
static void curve_unrated_lane(jrn_strbuf *out, const jrn_model *model, const curve_frame *frame)
{
    double y = frame->top + frame->height + CURVE_LANE / 2.0 + 4;
    strbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"#f3f4f6\" rx=\"4\"/>\n",
                  frame->left, y - 10, frame->width, 20);
    curve_text(out, frame->left - 10, y + 4, "text-anchor=\"end\" font-size=\"11\" fill=\"#9ca3af\"",
               "no emotion given");
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        size_t unrated = 0;
        for (size_t t = 0; t < stage->touchpoint_count; t++) unrated += !stage->touchpoints[t]->has_emotion;
        double step = frame->column / (double)(unrated + 1);
        if (step > 16) step = 16;
        double x = curve_x(frame, s) - step * ((double)unrated - 1) / 2.0;
        for (size_t t = 0; t < stage->touchpoint_count; t++) {
            const jrn_touchpoint *touchpoint = stage->touchpoints[t];
            if (touchpoint->has_emotion) continue;
            strbuf_puts(out, "<g><title>");
            report_put_html(out, element_label(&touchpoint->base), false);
            strbuf_puts(out, ": no emotion given");
            if (touchpoint->is_pain) strbuf_puts(out, "; pain");
            if (touchpoint->is_delight) strbuf_puts(out, "; delight");
            if (touchpoint->is_truth) strbuf_puts(out, "; moment of truth");
            strbuf_puts(out, "</title>");
            if (touchpoint->is_truth)
                strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7.5\" fill=\"none\" stroke=\"#6d28d9\" "
                              "stroke-width=\"2\"/>", x, y);
            strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/></g>\n", x, y,
                          curve_heat_colour(touchpoint));
            x += step;
        }
    }
}

/* The legend's entries, left to right: a swatch drawn by kind, then its words. */
typedef enum curve_swatch { SWATCH_LINE, SWATCH_DASHED, SWATCH_BAR, SWATCH_DOT, SWATCH_RING } curve_swatch;

static const struct curve_legend_entry {
    curve_swatch swatch;
    const char *colour;
    const char *text;
    int width;   /* room for swatch and words */
} curve_legend_entries[] = {
    {SWATCH_LINE, "#4338ca", "emotion now", 130},
    {SWATCH_DASHED, "#16a34a", "aspiration", 120},
    {SWATCH_BAR, "#ef4444", "gap", 64},
    {SWATCH_DOT, "#dc2626", "pain", 56},
    {SWATCH_DOT, "#16a34a", "delight", 70},
    {SWATCH_DOT, "#ea580c", "both", 56},
    {SWATCH_DOT, "#6b7280", "neutral touchpoint", 146},
    {SWATCH_RING, "#6d28d9", "moment of truth", 140},
};

static void curve_legend(jrn_strbuf *out, const curve_frame *frame)
{
    double x = frame->left;
    strbuf_puts(out, "<g font-size=\"12.5\" fill=\"#374151\">");
    for (size_t i = 0; i < sizeof curve_legend_entries / sizeof curve_legend_entries[0]; i++) {
        const struct curve_legend_entry *entry = &curve_legend_entries[i];
        double words = x + 18;
        switch (entry->swatch) {
        case SWATCH_LINE:
        case SWATCH_DASHED:
            strbuf_printf(out, "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"16\" stroke=\"%s\" "
                          "stroke-width=\"3\"%s/>", x, x + 28, entry->colour,
                          entry->swatch == SWATCH_DASHED ? " stroke-dasharray=\"8 6\"" : "");
            words = x + 34;
            break;
        case SWATCH_BAR:
            strbuf_printf(out, "<rect x=\"%.1f\" y=\"8\" width=\"12\" height=\"16\" rx=\"3\" fill=\"%s\" "
                          "fill-opacity=\"0.16\"/>", x, entry->colour);
            break;
        case SWATCH_DOT:
            strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"16\" r=\"6\" fill=\"%s\"/>", x + 6, entry->colour);
            break;
        case SWATCH_RING:
            strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"16\" r=\"7\" fill=\"none\" stroke=\"%s\" "
                          "stroke-width=\"2.5\"/>", x + 7, entry->colour);
            words = x + 20;
            break;
        }
        strbuf_printf(out, "<text x=\"%.1f\" y=\"20\">%s</text>", words, entry->text);
        x += entry->width;
    }
    strbuf_puts(out, "</g>\n");
}

void report_svg_emotion_curve(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model)
{
    curve_frame frame = {
        .left = CURVE_LEFT, .top = CURVE_TOP, .width = CURVE_WIDTH - CURVE_LEFT - CURVE_RIGHT,
        .height = CURVE_PLOT_HEIGHT, .low = model->emotion_low, .high = model->emotion_high,
    };
    if (!(frame.high > frame.low)) {   /* no emotion scale (--no-prelude): the default one */
        frame.low = -2;
        frame.high = 2;
    }
    size_t columns = model->stage_count > 0 ? model->stage_count : 1;
    frame.column = frame.width / (double)columns;
    strbuf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"curve\" viewBox=\"0 0 %d %d\" "
                  "role=\"img\" aria-label=\"Emotion curve: now and aspiration per stage\" "
                  "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'DejaVu Sans', sans-serif\">\n",
                  CURVE_WIDTH, CURVE_TOP + CURVE_PLOT_HEIGHT + CURVE_BOTTOM);
    curve_legend(out, &frame);
    curve_columns(out, arena, model, &frame);
    curve_grid(out, arena, model, &frame);
    curve_gaps(out, arena, model, &frame);
    curve_line(out, arena, model, &frame, true);
    curve_line(out, arena, model, &frame, false);
    curve_touchpoints(out, arena, model, &frame);
    curve_unrated_lane(out, model, &frame);
    strbuf_puts(out, "</svg>\n");
}

/* Copies an SVG document from its <svg> element on, leaving out comments: what Graphviz
 * writes before it (XML prolog, doctype) is not allowed inside HTML. */
static void report_svg_inline(jrn_strbuf *out, const char *svg)
{
    const char *start = strstr(svg, "<svg");
    if (start == NULL) return;
    for (const char *p = start; *p != '\0';) {
        if (strncmp(p, "<!--", 4) == 0) {
            const char *end = strstr(p + 4, "-->");
            if (end == NULL) break;
            p = end + 3;
            if (*p == '\n') p++;
            continue;
        }
        const char *next = strstr(p, "<!--");
        size_t length = next != NULL ? (size_t)(next - p) : strlen(p);
        strbuf_append(out, p, length);
        p += length;
    }
}

bool report_svg_journey_graph(const jrn_model *model, const jrn_emit_options *options,
                              jrn_strbuf *out, jrn_diag_list *diags)
{
    jrn_strbuf document = STRBUF_INIT;
    bool rendered = render_graph(model, options, "svg", &document, diags);
    if (rendered) report_svg_inline(out, strbuf_text(&document));
    strbuf_free(&document);
    return rendered;
}
