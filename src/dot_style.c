/* dot_style.c — how the Graphviz picture uses the theme's colours: heat map, emotions. */
#include "jrn/dot_style.h"

const jrn_theme *dot_style_theme(const jrn_emit_options *options)
{
    return options != NULL && options->theme != NULL ? options->theme : theme_default();
}

dot_heat dot_style_heat_of(const jrn_touchpoint *touchpoint)
{
    if (touchpoint->is_pain && touchpoint->is_delight) return HEAT_INCONSISTENT;
    if (touchpoint->is_pain) return HEAT_PAIN;
    if (touchpoint->is_delight) return HEAT_DELIGHT;
    return HEAT_NEUTRAL;
}

/* Marks: a pain point points down, a moment of delight up, both at once are told by both. */
#define DOT_STYLE_PAIN_MARK "\xE2\x96\xBC"      /* ▼ */
#define DOT_STYLE_DELIGHT_MARK "\xE2\x96\xB2"   /* ▲ */

dot_heat_style dot_style_heat(const jrn_theme *theme, dot_heat heat)
{
    switch (heat) {
    case HEAT_PAIN:
        return (dot_heat_style){theme->pain_fill, theme->pain, theme->pain_text, "Pain point", DOT_STYLE_PAIN_MARK};
    case HEAT_DELIGHT:
        return (dot_heat_style){theme->delight_fill, theme->delight, theme->delight_text, "Moment of delight",
                                DOT_STYLE_DELIGHT_MARK};
    case HEAT_INCONSISTENT:
        /* the pain colour over the delight colour, split at half height (gradientangle 90
         * puts a list's second colour on top); nodes with both texts draw bands instead */
        return (dot_heat_style){theme->mixed_split, theme->mixed, theme->mixed_text,
                                "Pain and delight: inconsistent experience",
                                DOT_STYLE_PAIN_MARK DOT_STYLE_DELIGHT_MARK};
    case HEAT_NEUTRAL:
    default:
        return (dot_heat_style){theme->nodes, theme->lines, theme->neutral_text, "Neutral", NULL};
    }
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

const char *dot_style_emotion_fill(const jrn_theme *theme, const jrn_model *model, double emotion)
{
    return theme->emotion[dot_style_emotion_step(model, emotion)];
}

const char *dot_style_emotion_text(const jrn_theme *theme, const jrn_model *model, double emotion)
{
    int step = dot_style_emotion_step(model, emotion);
    if (step < 2) return theme->worse;
    if (step > 2) return theme->better;
    return theme->muted;
}
