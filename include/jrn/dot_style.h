/* dot_style.h — the colours and fonts of the Graphviz picture: heat map, journeys, emotions. */
#ifndef JRN_DOT_STYLE_H
#define JRN_DOT_STYLE_H

#include <stddef.h>

#include "jrn/model.h"

/* A family list: SVG viewers and pango both take the first font they have. */
#define DOT_STYLE_FONT "Helvetica,Arial,sans-serif"
#define DOT_STYLE_MUTED_TEXT "#555555"
#define DOT_STYLE_STAGE_LOOP "#6A3D9A"

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
} dot_heat_style;

dot_heat dot_style_heat_of(const jrn_touchpoint *touchpoint);
const dot_heat_style *dot_style_heat(dot_heat heat);

/* The colour of the journey at this index of model->journeys: stable across views. */
const char *dot_style_journey_color(size_t journey_index);

/* Fill for an emotion on the model's scale: red (worst) through grey to green (best). */
const char *dot_style_emotion_fill(const jrn_model *model, double emotion);
/* Text colour for an emotion value: red below the middle, green above, grey at it. */
const char *dot_style_emotion_text(const jrn_model *model, double emotion);

#endif
