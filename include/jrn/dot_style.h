/* dot_style.h — how the Graphviz picture uses the theme's colours (theme.h): heat map,
 * journeys, emotions; and its font. */
#ifndef JRN_DOT_STYLE_H
#define JRN_DOT_STYLE_H

#include <stddef.h>

#include "jrn/emit.h"
#include "jrn/model.h"
#include "jrn/theme.h"

/* A family list: SVG viewers and pango both take the first font they have. */
#define DOT_STYLE_FONT "Helvetica,Arial,sans-serif"

/* How a touchpoint is heat-mapped. */
typedef enum dot_heat {
    HEAT_NEUTRAL,
    HEAT_PAIN,
    HEAT_DELIGHT,
    HEAT_INCONSISTENT,   /* pain and delight at once: an inconsistent experience */
} dot_heat;

typedef struct dot_heat_style {
    const char *fill;        /* a Graphviz colour list: one colour, or two for a split fill */
    const char *border;
    const char *text;        /* for the pain/delight text in the label */
    const char *meaning;     /* what the legend says */
    const char *mark;        /* the sign that tells it without colour (UTF-8), or NULL */
} dot_heat_style;

/* The theme of the options (the default when they name none). */
const jrn_theme *dot_style_theme(const jrn_emit_options *options);

dot_heat dot_style_heat_of(const jrn_touchpoint *touchpoint);
dot_heat_style dot_style_heat(const jrn_theme *theme, dot_heat heat);

/* Fill for an emotion on the model's scale: worst through neutral to best. */
const char *dot_style_emotion_fill(const jrn_theme *theme, const jrn_model *model, double emotion);
/* Text colour for an emotion value: worse below the middle, better above, muted at it. */
const char *dot_style_emotion_text(const jrn_theme *theme, const jrn_model *model, double emotion);

#endif
