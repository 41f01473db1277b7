/* report_curve.c — the HTML report's emotion curve: emotion now and aspiration per stage,
 * the gap between them, and each touchpoint's emotion as a dot. Every text is placed where
 * it overlaps no other text or dot and stays inside the picture: a touchpoint title that
 * finds no such place is replaced by a number in its dot and listed in a key under it. */
#include "jrn/report_svg.h"

#include <math.h>
#include <string.h>

#include "jrn/report_format.h"

enum {
    CURVE_MIN_WIDTH = 1240,    /* the whole picture, before stages need more room */
    CURVE_MIN_LEFT = 128,
    CURVE_RIGHT = 24,
    CURVE_TOP = 48,
    CURVE_PLOT_HEIGHT = 300,
    CURVE_LANE = 34,           /* the strip under the plot for touchpoints without an emotion */
    CURVE_MIN_COLUMN = 120,    /* room for "stage not rated" and a gap label beside its bar */
    CURVE_TITLE_LINE = 17,     /* line height of a stage title */
};

/* Font sizes, in the SVG's units. */
#define CURVE_LABEL_FONT 11.5
#define CURVE_NUMBER_FONT 10.0
#define CURVE_GAP_FONT 12.0
#define CURVE_TITLE_FONT 13.0
#define CURVE_AXIS_FONT 12.0
#define CURVE_LABEL_MAX_WIDTH 150.0   /* a touchpoint title wraps to two lines at most this wide */
#define CURVE_DOT 7.0                 /* radius of a labelled touchpoint's dot */
#define CURVE_READABLE_SCALE 0.7      /* the picture never shrinks below this: it scrolls instead */
#define CURVE_MARGIN 2.0              /* the least room between two texts or a text and a dot */
#define CURVE_BUCKET 256.0            /* width of the strips placed boxes are filed in */

typedef struct curve_box {
    double left, top, right, bottom;
} curve_box;

typedef struct curve_taken {
    curve_box *boxes;
    size_t count;
} curve_taken;

/* Where things sit in the SVG's coordinate space, and what is already drawn there. */
typedef struct curve_frame {
    jrn_strbuf *out;
    jrn_arena *arena;
    const jrn_model *model;
    const jrn_theme *theme;
    double width, height;              /* the picture */
    double left, top, plot_width, plot_height;
    double column;                     /* width of one stage's column */
    double low, high;                  /* the emotion scale */
    double number_dot;                 /* radius of a dot that carries a number */
    size_t title_lines;                /* the most lines a stage title takes */
    /* Texts and dots placed so far, which nothing may overlap, filed by where they are
     * across (CURVE_BUCKET wide strips) so a check looks only at its neighbours. */
    curve_taken *taken;
    size_t bucket_count;
    double *dot_x;                     /* per touchpoint (model index): where its dot sits */
    size_t *numbers;                   /* per touchpoint: its number in the key, 0 when labelled */
    size_t numbered;
} curve_frame;

/* Text width, estimated on the wide side (DejaVu Sans, the widest usual sans-serif face),
 * so a label that fits here fits in any browser's font. */
static double curve_text_width(const char *text, size_t length, double font, bool bold)
{
    double ems = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c & 0xC0) == 0x80) continue;
        if (c >= 0x80) ems += 1.0;
        else if (strchr("ijlI.,:;'|!", c)) ems += 0.34;
        else if (strchr("ftr()[]{} -\"", c)) ems += 0.44;
        else if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '@' || c == '%') ems += 1.0;
        else if (c >= 'A' && c <= 'Z') ems += 0.8;
        else ems += 0.66;
    }
    return ems * font * (bold ? 1.1 : 1.0);
}

/* The box of text whose first baseline is at y: DejaVu's ascent and descent, rounded up. */
static curve_box curve_text_box(double x, double baseline, double width, size_t lines, double font)
{
    return (curve_box){x, baseline - 1.0 * font, x + width, baseline + 0.3 * font + (double)(lines - 1) * 1.3 * font};
}

static bool curve_boxes_meet(curve_box a, curve_box b)
{
    return a.left < b.right + CURVE_MARGIN && b.left < a.right + CURVE_MARGIN && a.top < b.bottom + CURVE_MARGIN
        && b.top < a.bottom + CURVE_MARGIN;
}

/* The strip a position across falls in; outside the picture, the first or last. */
static size_t curve_bucket(const curve_frame *frame, double x)
{
    if (x < 0) return 0;
    size_t bucket = (size_t)(x / CURVE_BUCKET);
    return bucket < frame->bucket_count ? bucket : frame->bucket_count - 1;
}

static void curve_take(curve_frame *frame, curve_box box)
{
    size_t last = curve_bucket(frame, box.right + CURVE_MARGIN);
    for (size_t b = curve_bucket(frame, box.left - CURVE_MARGIN); b <= last; b++)
        ARENA_PUSH(frame->arena, frame->taken[b].boxes, frame->taken[b].count, box);
}

static bool curve_free(const curve_frame *frame, curve_box box, curve_box bounds)
{
    if (box.left < bounds.left || box.right > bounds.right || box.top < bounds.top || box.bottom > bounds.bottom)
        return false;
    size_t last = curve_bucket(frame, box.right + CURVE_MARGIN);
    for (size_t b = curve_bucket(frame, box.left - CURVE_MARGIN); b <= last; b++)
        for (size_t i = 0; i < frame->taken[b].count; i++)
            if (curve_boxes_meet(box, frame->taken[b].boxes[i])) return false;
    return true;
}

static curve_box curve_dot_box(double x, double y, double radius)
{
    return (curve_box){x - radius, y - radius, x + radius, y + radius};
}

/* The byte after the code point at p. */
static const char *curve_next_point(const char *p)
{
    p++;
    while ((*p & 0xC0) == 0x80) p++;
    return p;
}

/* Splits text into lines no wider than max_width, at spaces, a longer word at a code point,
 * in one pass. With max_lines > 0, stops after max_lines lines and sets *count_out to
 * max_lines + 1 when text needs more. */
static const char **curve_wrap(jrn_arena *arena, const char *text, double max_width, double font, bool bold,
                               size_t max_lines, size_t *count_out)
{
    const char **lines = NULL;
    size_t count = 0;
    const char *start = text;
    while (*start == ' ') start++;
    while (*start != '\0') {
        if (max_lines > 0 && count == max_lines) {
            *count_out = max_lines + 1;
            return lines;
        }
        const char *fit = NULL;   /* the end of the last whole word that fits */
        const char *p = start;
        double width = 0;
        while (*p != '\0') {
            const char *next = curve_next_point(p);
            double point = curve_text_width(p, (size_t)(next - p), font, bold);
            if (width + point > max_width) break;
            width += point;
            p = next;
            if (*p == ' ' || *p == '\0') fit = p;
        }
        if (fit == NULL) fit = p > start ? p : curve_next_point(start);   /* a word wider than a line */
        ARENA_PUSH(arena, lines, count, arena_strndup(arena, start, (size_t)(fit - start)));
        start = fit;
        while (*start == ' ') start++;
    }
    *count_out = count;
    return lines;
}

static double curve_y(const curve_frame *frame, double value)
{
    return frame->top + (frame->high - value) / (frame->high - frame->low) * frame->plot_height;
}

static double curve_x(const curve_frame *frame, size_t column)
{
    return frame->left + frame->column * ((double)column + 0.5);
}

static void curve_text(curve_frame *frame, double x, double y, const char *attributes, const char *text)
{
    /* A halo of the ground keeps a label readable where it crosses a line. */
    strbuf_printf(frame->out, "<text x=\"%.1f\" y=\"%.1f\" paint-order=\"stroke\" stroke=\"%s\" "
                  "stroke-width=\"3\" stroke-linejoin=\"round\" %s>", x, y, frame->theme->background, attributes);
    report_put_html(frame->out, text, false);
    strbuf_puts(frame->out, "</text>\n");
}

/* Writes lines of text left-aligned at box.left, the first baseline at baseline. */
static void curve_lines(curve_frame *frame, double x, double baseline, double font, const char *attributes,
                        const char **lines, size_t count)
{
    for (size_t i = 0; i < count; i++) curve_text(frame, x, baseline + (double)i * 1.3 * font, attributes, lines[i]);
}

/* The scale's points that get a grid line and a label. */
static double curve_grid_step(const curve_frame *frame)
{
    double span = frame->high - frame->low;
    return span > 10 ? span / 5.0 : 1.0;   /* one line per labelled point on small scales */
}

static const char *curve_axis_label(const curve_frame *frame, double value)
{
    const char *label = model_emotion_label(frame->model, value);
    const char *number = report_signed_text(frame->arena, value);
    return label != NULL ? arena_printf(frame->arena, "%s %s", number, label) : number;
}

static void curve_grid(curve_frame *frame)
{
    for (double value = frame->low; value <= frame->high + 1e-9; value += curve_grid_step(frame)) {
        double y = curve_y(frame, value);
        strbuf_printf(frame->out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                      "stroke-width=\"1\"/>\n", frame->left, y, frame->left + frame->plot_width, y,
                      value == 0 ? frame->theme->lines : frame->theme->lane_border);
        curve_text(frame, frame->left - 10, y + 4,
                   arena_printf(frame->arena, "text-anchor=\"end\" font-size=\"12\" fill=\"%s\"", frame->theme->muted),
                   curve_axis_label(frame, value));
    }
}

static void curve_columns(curve_frame *frame)
{
    const jrn_model *model = frame->model;
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        double x = frame->left + frame->column * (double)s;
        if (s % 2 == 1)
            strbuf_printf(frame->out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                          x, frame->top, frame->column, frame->plot_height, frame->theme->lanes);
        size_t count;
        const char **lines = curve_wrap(frame->arena, element_label(&stage->base), frame->column - 6,
                                        CURVE_TITLE_FONT, true, 0, &count);
        double y = frame->top + frame->plot_height + CURVE_LANE + 20;
        const char *style = stage->parent != NULL
                                ? arena_printf(frame->arena, "text-anchor=\"middle\" font-size=\"13\" fill=\"%s\" "
                                               "font-style=\"italic\"", frame->theme->muted)
                                : arena_printf(frame->arena, "text-anchor=\"middle\" font-size=\"13\" "
                                               "font-weight=\"600\" fill=\"%s\"", frame->theme->text);
        for (size_t i = 0; i < count; i++) curve_text(frame, curve_x(frame, s), y + CURVE_TITLE_LINE * (double)i, style, lines[i]);
        if (!stage->has_emotion && !stage->has_aspiration) {
            curve_text(frame, curve_x(frame, s), frame->top + 16,
                       arena_printf(frame->arena, "text-anchor=\"middle\" font-size=\"11\" fill=\"%s\"", frame->theme->muted),
                       "stage not rated");
            double width = curve_text_width("stage not rated", 15, 11, false);
            curve_take(frame, curve_text_box(curve_x(frame, s) - width / 2, frame->top + 16, width, 1, 11));
        }
    }
}

/* The room a label may use: the plot, not the axis labels, legend or lane. */
static curve_box curve_label_bounds(const curve_frame *frame)
{
    return (curve_box){frame->left + 2, 30, frame->width - 4, frame->top + frame->plot_height + 4};
}

/* Places lines of text at the first free spot among candidates (top-left corners); true
 * and the text written when one is free. */
static bool curve_place(curve_frame *frame, const curve_box *candidates, size_t candidate_count, const char **lines,
                        size_t line_count, double width, double font, const char *attributes)
{
    curve_box bounds = curve_label_bounds(frame);
    for (size_t c = 0; c < candidate_count; c++) {
        double baseline = candidates[c].top + 1.0 * font;
        curve_box box = curve_text_box(candidates[c].left, baseline, width, line_count, font);
        if (!curve_free(frame, box, bounds)) continue;
        curve_take(frame, box);
        curve_lines(frame, candidates[c].left, baseline, font, attributes, lines, line_count);
        return true;
    }
    return false;
}

/* Corners for a width x height box around a dot at (x, y): above, below, right, left,
 * then above and below shifted to either side. */
static size_t curve_candidates(curve_box *out, double x, double y, double radius, double width, double height)
{
    double above = y - radius - 3 - height, below = y + radius + 3, middle = y - height / 2;
    curve_box all[] = {
        {x - width / 2, above, 0, 0}, {x - width / 2, below, 0, 0}, {x + radius + 4, middle, 0, 0},
        {x - radius - 4 - width, middle, 0, 0}, {x - width + radius, above, 0, 0}, {x - radius, above, 0, 0},
        {x - width + radius, below, 0, 0}, {x - radius, below, 0, 0},
    };
    memcpy(out, all, sizeof all);
    return sizeof all / sizeof all[0];
}

/* A shaded bar from "now" up to the aspiration, labelled with the gap where there is room. */
static void curve_gaps(curve_frame *frame)
{
    const jrn_model *model = frame->model;
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (!stage->has_emotion || !stage->has_aspiration || stage->aspiration <= stage->emotion) continue;
        double x = curve_x(frame, s);
        double top = curve_y(frame, stage->aspiration), bottom = curve_y(frame, stage->emotion);
        strbuf_printf(frame->out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" height=\"%.1f\" rx=\"4\" "
                      "fill=\"%s\" fill-opacity=\"0.16\"/>\n", x - 12, top, bottom - top, frame->theme->pain);
        const char *text = arena_printf(frame->arena, "gap %s", report_signed_text(frame->arena, stage->aspiration - stage->emotion));
        double width = curve_text_width(text, strlen(text), CURVE_GAP_FONT, true);
        double height = 1.3 * CURVE_GAP_FONT;
        double middle = (top + bottom) / 2 - height / 2;
        curve_box candidates[] = {
            {x - 16 - width, middle, 0, 0}, {x + 16, middle, 0, 0},
            {x - width / 2, top - 10 - height, 0, 0}, {x - width / 2, bottom + 10, 0, 0},
        };
        curve_place(frame, candidates, sizeof candidates / sizeof candidates[0], &text, 1, width, CURVE_GAP_FONT,
                    arena_printf(frame->arena, "font-size=\"12\" font-weight=\"700\" fill=\"%s\"", frame->theme->pain_text));
    }
}

/* One line through the stages that have the value; stages without it are skipped. */
static void curve_line(curve_frame *frame, bool aspiration)
{
    const jrn_model *model = frame->model;
    const char *colour = aspiration ? frame->theme->delight : frame->theme->accent;
    strbuf_printf(frame->out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-linejoin=\"round\"%s "
                  "points=\"", colour, aspiration ? "2.5" : "3.5", aspiration ? " stroke-dasharray=\"8 6\"" : "");
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (aspiration ? stage->has_aspiration : stage->has_emotion)
            strbuf_printf(frame->out, "%.1f,%.1f ", curve_x(frame, s),
                          curve_y(frame, aspiration ? stage->aspiration : stage->emotion));
    }
    strbuf_puts(frame->out, "\"/>\n");
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        if (!(aspiration ? stage->has_aspiration : stage->has_emotion)) continue;
        double value = aspiration ? stage->aspiration : stage->emotion;
        strbuf_printf(frame->out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2.5\">"
                      "<title>", curve_x(frame, s), curve_y(frame, value), aspiration ? "5" : "6.5",
                      aspiration ? frame->theme->background : colour, colour);
        report_put_html(frame->out, element_label(&stage->base), false);
        strbuf_printf(frame->out, ": %s ", aspiration ? "aspiration" : "now");
        report_put_html(frame->out, report_emotion_text(frame->arena, model, value), false);
        strbuf_puts(frame->out, "</title></circle>\n");
    }
}

/* How a touchpoint's dot tells its heat by shape as well as colour: pain a square,
 * delight a disc, both a diamond, neither a ring. */
typedef enum curve_mark { MARK_NEUTRAL, MARK_PAIN, MARK_DELIGHT, MARK_MIXED } curve_mark;

static curve_mark curve_mark_of(const jrn_touchpoint *touchpoint)
{
    if (touchpoint->is_pain && touchpoint->is_delight) return MARK_MIXED;
    if (touchpoint->is_pain) return MARK_PAIN;
    if (touchpoint->is_delight) return MARK_DELIGHT;
    return MARK_NEUTRAL;
}

static const char *curve_mark_colour(const jrn_theme *theme, curve_mark mark)
{
    switch (mark) {
    case MARK_PAIN: return theme->pain;
    case MARK_DELIGHT: return theme->delight;
    case MARK_MIXED: return theme->mixed;
    case MARK_NEUTRAL:
    default: return theme->muted;
    }
}

/* The mark's fill: a ring is hollow, the others are filled with their colour. */
static const char *curve_mark_fill(const jrn_theme *theme, curve_mark mark)
{
    return mark == MARK_NEUTRAL ? theme->background : curve_mark_colour(theme, mark);
}

/* Draws the mark centred on x, y about radius r; attributes go on the shape. */
static void curve_draw_mark(jrn_strbuf *out, const jrn_theme *theme, curve_mark mark, double x, double y, double r,
                            const char *attributes)
{
    const char *fill = curve_mark_fill(theme, mark), *stroke = mark == MARK_NEUTRAL ? theme->muted : theme->background;
    double width = mark == MARK_NEUTRAL ? 2 : 1.5;
    if (mark == MARK_PAIN)
        strbuf_printf(out, "<rect %sx=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", attributes, x - r * 0.9,
                      y - r * 0.9, r * 1.8, r * 1.8);
    else if (mark == MARK_MIXED)
        strbuf_printf(out, "<polygon %spoints=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"", attributes, x, y - r * 1.25,
                      x + r * 1.25, y, x, y + r * 1.25, x - r * 1.25, y);
    else
        strbuf_printf(out, "<circle %scx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", attributes, x, y, r);
    strbuf_printf(out, " fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"/>", fill, stroke, width);
}

static size_t curve_rated(const jrn_stage *stage)
{
    size_t rated = 0;
    for (size_t t = 0; t < stage->touchpoint_count; t++) rated += stage->touchpoints[t]->has_emotion;
    return rated;
}

/* The least distance between two dots of one stage: numbered dots never touch. */
static double curve_dot_spacing(const curve_frame *frame)
{
    return 2 * frame->number_dot + 4;
}

/* Where each rated touchpoint's dot sits: spread across the right part of its stage's
 * column (the middle belongs to the stage's own points and the gap bar), or across the
 * whole column when the right part is too narrow. Every dot is an obstacle for labels. */
static void curve_dot_places(curve_frame *frame)
{
    const jrn_model *model = frame->model;
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        size_t rated = curve_rated(stage);
        if (rated == 0) continue;
        double column_left = frame->left + frame->column * (double)s;
        double start = curve_x(frame, s) + 16, end = column_left + frame->column - 4;
        if ((end - start) / (double)rated < curve_dot_spacing(frame)) start = column_left + 4;
        double slot = (end - start) / (double)rated;
        size_t position = 0;
        for (size_t t = 0; t < stage->touchpoint_count; t++) {
            const jrn_touchpoint *touchpoint = stage->touchpoints[t];
            if (!touchpoint->has_emotion) continue;
            double x = rated == 1 ? start + 10 : start + slot * ((double)position + 0.5);
            frame->dot_x[touchpoint->base.index] = x;
            curve_take(frame, curve_dot_box(x, curve_y(frame, touchpoint->emotion), frame->number_dot));
            position++;
        }
        /* The stage's own points are obstacles too. */
        if (stage->has_emotion) curve_take(frame, curve_dot_box(curve_x(frame, s), curve_y(frame, stage->emotion), 7));
        if (stage->has_aspiration)
            curve_take(frame, curve_dot_box(curve_x(frame, s), curve_y(frame, stage->aspiration), 6));
    }
}

/* A touchpoint's title next to its dot where it fits; else it gets a number. */
static void curve_touchpoint_label(curve_frame *frame, const jrn_touchpoint *touchpoint)
{
    double x = frame->dot_x[touchpoint->base.index], y = curve_y(frame, touchpoint->emotion);
    size_t count;
    const char **lines = curve_wrap(frame->arena, element_label(&touchpoint->base), CURVE_LABEL_MAX_WIDTH,
                                    CURVE_LABEL_FONT, false, 2, &count);
    if (count >= 1 && count <= 2) {
        double width = 0;
        for (size_t i = 0; i < count; i++) {
            double line = curve_text_width(lines[i], strlen(lines[i]), CURVE_LABEL_FONT, false);
            if (line > width) width = line;
        }
        curve_box candidates[8];
        double height = 1.3 * CURVE_LABEL_FONT * (double)count;
        size_t candidate_count = curve_candidates(candidates, x, y, frame->number_dot, width, height);
        if (curve_place(frame, candidates, candidate_count, lines, count, width, CURVE_LABEL_FONT,
                        arena_printf(frame->arena, "font-size=\"11.5\" fill=\"%s\"", frame->theme->text))) return;
    }
    frame->numbers[touchpoint->base.index] = ++frame->numbered;
}

static void curve_touchpoint(curve_frame *frame, const jrn_touchpoint *touchpoint)
{
    double x = frame->dot_x[touchpoint->base.index], y = curve_y(frame, touchpoint->emotion);
    size_t number = frame->numbers[touchpoint->base.index];
    strbuf_puts(frame->out, "<g><title>");
    if (number > 0) strbuf_printf(frame->out, "%zu. ", number);
    report_put_html(frame->out, element_label(&touchpoint->base), false);
    strbuf_puts(frame->out, ": ");
    report_put_html(frame->out, report_emotion_text(frame->arena, frame->model, touchpoint->emotion), false);
    if (touchpoint->pain != NULL) {
        strbuf_puts(frame->out, "; pain: ");
        report_put_html(frame->out, touchpoint->pain, false);
    }
    strbuf_puts(frame->out, "</title>");
    double radius = number > 0 ? frame->number_dot : CURVE_DOT;
    if (touchpoint->is_truth)
        strbuf_printf(frame->out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"%s\" "
                      "stroke-width=\"2.5\"/>", x, y, radius + 4, frame->theme->truth);
    curve_mark mark = curve_mark_of(touchpoint);
    curve_draw_mark(frame->out, frame->theme, mark, x, y, radius, "class=\"touchpoint\" ");
    if (number > 0)
        strbuf_printf(frame->out, "<text class=\"number\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" "
                      "font-weight=\"700\" fill=\"%s\">%zu</text>", x, y + 3.5,
                      theme_ink_on(frame->theme, curve_mark_fill(frame->theme, mark)), number);
    strbuf_puts(frame->out, "</g>\n");
}

/* Labels first (in map order, so earlier touchpoints win a contested spot), then dots on
 * top of the lines. */
static void curve_touchpoints(curve_frame *frame)
{
    const jrn_model *model = frame->model;
    for (size_t s = 0; s < model->stage_count; s++)
        for (size_t t = 0; t < model->stages[s]->touchpoint_count; t++)
            if (model->stages[s]->touchpoints[t]->has_emotion) curve_touchpoint_label(frame, model->stages[s]->touchpoints[t]);
    for (size_t s = 0; s < model->stage_count; s++)
        for (size_t t = 0; t < model->stages[s]->touchpoint_count; t++)
            if (model->stages[s]->touchpoints[t]->has_emotion) curve_touchpoint(frame, model->stages[s]->touchpoints[t]);
}

/* Touchpoints without an emotion still show their heat, in a lane under the plot. */
static void curve_unrated_lane(curve_frame *frame)
{
    const jrn_model *model = frame->model;
    double y = frame->top + frame->plot_height + CURVE_LANE / 2.0 + 4;
    strbuf_printf(frame->out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" rx=\"4\"/>\n",
                  frame->left, y - 10, frame->plot_width, 20, frame->theme->lanes);
    curve_text(frame, frame->left - 10, y + 4,
               arena_printf(frame->arena, "text-anchor=\"end\" font-size=\"11\" fill=\"%s\"", frame->theme->muted),
               "no emotion given");
    for (size_t s = 0; s < model->stage_count; s++) {
        const jrn_stage *stage = model->stages[s];
        size_t unrated = stage->touchpoint_count - curve_rated(stage);
        double step = frame->column / (double)(unrated + 1);
        if (step > 16) step = 16;
        double x = curve_x(frame, s) - step * ((double)unrated - 1) / 2.0;
        for (size_t t = 0; t < stage->touchpoint_count; t++) {
            const jrn_touchpoint *touchpoint = stage->touchpoints[t];
            if (touchpoint->has_emotion) continue;
            strbuf_puts(frame->out, "<g><title>");
            report_put_html(frame->out, element_label(&touchpoint->base), false);
            strbuf_puts(frame->out, ": no emotion given");
            if (touchpoint->is_pain) strbuf_puts(frame->out, "; pain");
            if (touchpoint->is_delight) strbuf_puts(frame->out, "; delight");
            if (touchpoint->is_truth) strbuf_puts(frame->out, "; moment of truth");
            strbuf_puts(frame->out, "</title>");
            if (touchpoint->is_truth)
                strbuf_printf(frame->out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7.5\" fill=\"none\" stroke=\"%s\" "
                              "stroke-width=\"2\"/>", x, y, frame->theme->truth);
            curve_draw_mark(frame->out, frame->theme, curve_mark_of(touchpoint), x, y, 4.5, "");
            strbuf_puts(frame->out, "</g>\n");
            x += step;
        }
    }
}

/* The legend's entries, left to right: a swatch drawn by kind, then its words. */
typedef enum curve_swatch { SWATCH_LINE, SWATCH_DASHED, SWATCH_BAR, SWATCH_MARK, SWATCH_RING } curve_swatch;

static const struct curve_legend_entry {
    curve_swatch swatch;
    curve_mark mark;        /* SWATCH_MARK: which */
    const char *text;
    int width;   /* room for swatch and words */
} curve_legend_entries[] = {
    {SWATCH_LINE, MARK_NEUTRAL, "emotion now", 130},
    {SWATCH_DASHED, MARK_NEUTRAL, "aspiration", 120},
    {SWATCH_BAR, MARK_NEUTRAL, "gap", 64},
    {SWATCH_MARK, MARK_PAIN, "pain", 56},
    {SWATCH_MARK, MARK_DELIGHT, "delight", 70},
    {SWATCH_MARK, MARK_MIXED, "both", 56},
    {SWATCH_MARK, MARK_NEUTRAL, "neutral touchpoint", 146},
    {SWATCH_RING, MARK_NEUTRAL, "moment of truth", 140},
};

static void curve_legend(curve_frame *frame)
{
    jrn_strbuf *out = frame->out;
    const jrn_theme *theme = frame->theme;
    double x = frame->left;
    strbuf_printf(out, "<g font-size=\"12.5\" fill=\"%s\">", theme->text);
    for (size_t i = 0; i < sizeof curve_legend_entries / sizeof curve_legend_entries[0]; i++) {
        const struct curve_legend_entry *entry = &curve_legend_entries[i];
        double words = x + 18;
        switch (entry->swatch) {
        case SWATCH_LINE:
        case SWATCH_DASHED:
            strbuf_printf(out, "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"16\" stroke=\"%s\" "
                          "stroke-width=\"3\"%s/>", x, x + 28, entry->swatch == SWATCH_DASHED ? theme->delight : theme->accent,
                          entry->swatch == SWATCH_DASHED ? " stroke-dasharray=\"8 6\"" : "");
            words = x + 34;
            break;
        case SWATCH_BAR:
            strbuf_printf(out, "<rect x=\"%.1f\" y=\"8\" width=\"12\" height=\"16\" rx=\"3\" fill=\"%s\" "
                          "fill-opacity=\"0.16\"/>", x, theme->pain);
            break;
        case SWATCH_MARK:
            curve_draw_mark(out, theme, entry->mark, x + 6, 16, 5.5, "");
            break;
        case SWATCH_RING:
            strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"16\" r=\"7\" fill=\"none\" stroke=\"%s\" "
                          "stroke-width=\"2.5\"/>", x + 7, theme->truth);
            words = x + 20;
            break;
        }
        strbuf_printf(out, "<text x=\"%.1f\" y=\"20\">%s</text>", words, entry->text);
        x += entry->width;
    }
    strbuf_puts(out, "</g>\n");
}

/* Sizes the picture: the left margin fits the widest axis label, a column fits its
 * stage's dots side by side, and the bottom fits the longest stage title. */
static void curve_measure(curve_frame *frame)
{
    const jrn_model *model = frame->model;
    frame->left = CURVE_MIN_LEFT;
    for (double value = frame->low; value <= frame->high + 1e-9; value += curve_grid_step(frame)) {
        const char *label = curve_axis_label(frame, value);
        double needed = curve_text_width(label, strlen(label), CURVE_AXIS_FONT, false) + 20;
        if (needed > frame->left) frame->left = needed;
    }
    size_t digits = 1;
    for (size_t n = model->touchpoint_count; n >= 10; n /= 10) digits++;
    frame->number_dot = fmax(9, curve_text_width("0", 1, CURVE_NUMBER_FONT, true) * (double)digits / 2 + 3);
    size_t columns = model->stage_count > 0 ? model->stage_count : 1;
    frame->column = fmax((CURVE_MIN_WIDTH - frame->left - CURVE_RIGHT) / (double)columns, CURVE_MIN_COLUMN);
    for (size_t s = 0; s < model->stage_count; s++)
        frame->column = fmax(frame->column, 8 + curve_dot_spacing(frame) * (double)curve_rated(model->stages[s]));
    frame->plot_width = frame->column * (double)columns;
    frame->width = frame->left + frame->plot_width + CURVE_RIGHT;
    frame->title_lines = 1;
    for (size_t s = 0; s < model->stage_count; s++) {
        size_t lines;
        curve_wrap(frame->arena, element_label(&model->stages[s]->base), frame->column - 6, CURVE_TITLE_FONT, true,
                   0, &lines);
        if (lines > frame->title_lines) frame->title_lines = lines;
    }
    frame->height = frame->top + frame->plot_height + CURVE_LANE + 20 + CURVE_TITLE_LINE * (double)frame->title_lines;
}

/* The key of the touchpoints whose title did not fit beside their dot. */
static void curve_key(curve_frame *frame)
{
    if (frame->numbered == 0) return;
    const jrn_model *model = frame->model;
    strbuf_puts(frame->out, "<ol class=\"curvekey\">\n");
    for (size_t s = 0; s < model->stage_count; s++)
        for (size_t t = 0; t < model->stages[s]->touchpoint_count; t++) {
            const jrn_touchpoint *touchpoint = model->stages[s]->touchpoints[t];
            size_t number = frame->numbers[touchpoint->base.index];
            if (number == 0) continue;
            strbuf_printf(frame->out, "<li value=\"%zu\">", number);
            report_put_html(frame->out, element_label(&touchpoint->base), false);
            strbuf_puts(frame->out, " <span class=\"quiet\">");
            report_put_html(frame->out, element_label(&model->stages[s]->base), false);
            strbuf_puts(frame->out, "</span></li>\n");
        }
    strbuf_puts(frame->out, "</ol>\n");
}

void report_svg_emotion_curve(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const jrn_theme *theme)
{
    curve_frame frame = {
        .out = out, .arena = arena, .model = model, .theme = theme, .top = CURVE_TOP, .plot_height = CURVE_PLOT_HEIGHT,
        .low = model->emotion_low, .high = model->emotion_high,
    };
    if (!(frame.high > frame.low)) {   /* no emotion scale (--no-prelude): the default one */
        frame.low = -2;
        frame.high = 2;
    }
    frame.dot_x = arena_alloc_array(arena, model->touchpoint_count + 1, sizeof *frame.dot_x);
    frame.numbers = arena_alloc_array(arena, model->touchpoint_count + 1, sizeof *frame.numbers);
    curve_measure(&frame);
    frame.bucket_count = (size_t)(frame.width / CURVE_BUCKET) + 1;
    frame.taken = arena_alloc_array(arena, frame.bucket_count, sizeof *frame.taken);
    strbuf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"curve\" viewBox=\"0 0 %.0f %.0f\" "
                  "style=\"min-width:%.0fpx\" role=\"img\" aria-label=\"Emotion curve: now and aspiration per stage\" "
                  "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'DejaVu Sans', sans-serif\">\n",
                  ceil(frame.width), ceil(frame.height), ceil(frame.width * CURVE_READABLE_SCALE));
    curve_legend(&frame);
    curve_columns(&frame);
    curve_grid(&frame);
    curve_dot_places(&frame);
    curve_gaps(&frame);
    curve_line(&frame, true);
    curve_line(&frame, false);
    curve_touchpoints(&frame);
    curve_unrated_lane(&frame);
    strbuf_puts(out, "</svg>\n");
    curve_key(&frame);
}

/* One stage's row of the curve's table: its emotion now, its aspiration, and each rated
 * touchpoint with its emotion. */
static void curve_table_row(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model, const jrn_stage *stage)
{
    strbuf_puts(out, "<tr><th scope=\"row\">");
    if (stage->parent) {
        report_put_html(out, element_label(&stage->parent->base), false);
        strbuf_puts(out, " \xE2\x80\xBA ");
    }
    report_put_html(out, element_label(&stage->base), false);
    strbuf_puts(out, "</th><td>");
    report_put_html(out, stage->has_emotion ? report_emotion_text(arena, model, stage->emotion) : "not set", false);
    strbuf_puts(out, "</td><td>");
    report_put_html(out, stage->has_aspiration ? report_emotion_text(arena, model, stage->aspiration) : "not set",
                    false);
    strbuf_puts(out, "</td><td>");
    size_t listed = 0;
    for (size_t t = 0; t < stage->touchpoint_count; t++) {
        const jrn_touchpoint *touchpoint = stage->touchpoints[t];
        if (!touchpoint->has_emotion) continue;
        if (listed++) strbuf_puts(out, "; ");
        report_put_html(out, element_label(&touchpoint->base), false);
        strbuf_puts(out, ": ");
        report_put_html(out, report_emotion_text(arena, model, touchpoint->emotion), false);
    }
    if (listed == 0) strbuf_puts(out, "none rated");
    strbuf_puts(out, "</td></tr>\n");
}

void report_emotion_table(jrn_strbuf *out, jrn_arena *arena, const jrn_model *model)
{
    strbuf_puts(out, "<details class=\"curvetable\"><summary>The curve as a table</summary>\n"
                     "<table><caption>Emotion now and aspiration per stage, and the touchpoints' emotion"
                     "</caption>\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Now</th>"
                     "<th scope=\"col\">Aspiration</th><th scope=\"col\">Touchpoints</th></tr></thead>\n<tbody>\n");
    for (size_t s = 0; s < model->stage_count; s++) curve_table_row(out, arena, model, model->stages[s]);
    strbuf_puts(out, "</tbody></table></details>\n");
}
