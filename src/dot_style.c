/* dot_style.c — the colours of the Graphviz picture: heat map, journeys, emotions. */
#include "jrn/dot_style.h"

/* Fills light enough for black text, borders dark enough to tell them apart in grey. */
static const dot_heat_style dot_style_heats[] = {
    [HEAT_NEUTRAL] = {"#FFFFFF", "#8C8C8C", DOT_STYLE_MUTED_TEXT, "Neutral"},
    [HEAT_PAIN] = {"#F7C5BF", "#B3261E", "#9B1C1C", "Pain point"},
    [HEAT_DELIGHT] = {"#C6E8C8", "#2E7D32", "#1B5E20", "Moment of delight"},
    /* the pain colour over the delight colour, split at half height (gradientangle 90
     * puts a list's second colour on top); nodes with both texts draw bands instead */
    [HEAT_INCONSISTENT] = {"#C6E8C8;0.5:#F7C5BF", "#C77700", "#8A5300",
                           "Pain and delight: inconsistent experience"},
};

/* Okabe-Ito colours (readable with the common colour-vision deficiencies), darkest first. */
static const char *const dot_style_journey_colors[] = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933",
};

/* Five steps from worst to best; the middle one is neutral. */
static const char *const dot_style_emotion_fills[] = {
    "#F4A9A0", "#FAD4CE", "#F2F2F2", "#D3EED5", "#A8DCAC",
};

dot_heat dot_style_heat_of(const jrn_touchpoint *touchpoint)
{
    if (touchpoint->is_pain && touchpoint->is_delight) return HEAT_INCONSISTENT;
    if (touchpoint->is_pain) return HEAT_PAIN;
    if (touchpoint->is_delight) return HEAT_DELIGHT;
    return HEAT_NEUTRAL;
}

const dot_heat_style *dot_style_heat(dot_heat heat)
{
    return &dot_style_heats[heat];
}

const char *dot_style_journey_color(size_t journey_index)
{
    size_t count = sizeof dot_style_journey_colors / sizeof dot_style_journey_colors[0];
    return dot_style_journey_colors[journey_index % count];
}

/* Position of an emotion on the scale, 0 (worst) .. 4 (best). */
static int dot_style_emotion_step(const jrn_model *model, double emotion)
{
    double low = model->emotion_low, high = model->emotion_high;
    if (!(high > low)) return 2;
    double share = (emotion - low) / (high - low);
    if (share < 0) share = 0;
    if (share > 1) share = 1;
    return (int)(share * 4.0 + 0.5);
}

const char *dot_style_emotion_fill(const jrn_model *model, double emotion)
{
    return dot_style_emotion_fills[dot_style_emotion_step(model, emotion)];
}

const char *dot_style_emotion_text(const jrn_model *model, double emotion)
{
    int step = dot_style_emotion_step(model, emotion);
    if (step < 2) return "#9B1C1C";
    if (step > 2) return "#1B5E20";
    return DOT_STYLE_MUTED_TEXT;
}
