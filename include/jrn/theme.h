/* theme.h — every colour jrnc draws with: the palette (one struct), the built-in themes
 * (light, dark, print, colorblind), the theme file reader and writer (docs/themes.md), and
 * the colours the HTML report derives from a palette. No other module holds a colour. */
#ifndef JRN_THEME_H
#define JRN_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "jrn/arena.h"
#include "jrn/diag.h"
#include "jrn/strbuf.h"

/* More journeys than this reuse the colours with a dash pattern (theme_journey_dashes). */
#define THEME_JOURNEY_MAX 8
#define THEME_EMOTION_STEPS 5

/* A colour is "#RRGGBB" (upper-case hex, as Graphviz and CSS both read it). */
typedef struct jrn_theme {
    const char *name;              /* "light", ... or the theme file's path */
    /* the picture's ground and text */
    const char *background;        /* picture and report card background */
    const char *page;              /* the report's page around its cards */
    const char *text;
    const char *muted;             /* secondary text: channels, notes, owners */
    const char *lines;             /* a neutral touchpoint's border, swatch borders */
    const char *edges;             /* plain edges, journey-loop legend */
    const char *nodes;             /* a neutral touchpoint's fill */
    const char *ghost;             /* placeholders and stubs */
    const char *lanes;             /* stage clusters' fill */
    const char *sub_lanes;         /* sub-stage clusters' fill */
    const char *lane_border;
    const char *spine;             /* the spine view's stage-to-stage edges */
    const char *loops;             /* stage loops */
    const char *truth;             /* moment of truth (report and curve) */
    const char *accent;            /* the report's links, banner, emotion line */
    /* the heat map: border (and mark) colour, fill, text on the fill */
    const char *pain, *pain_fill, *pain_text;
    const char *delight, *delight_fill, *delight_text;
    const char *mixed, *mixed_fill, *mixed_text;
    const char *neutral_text;
    const char *emotion[THEME_EMOTION_STEPS];  /* fills, worst to best; the middle is neutral */
    const char *worse, *better;    /* emotion text below / above the middle of the scale */
    const char *met, *missed;      /* KPI actual against target */
    const char *journeys[THEME_JOURNEY_MAX];
    size_t journey_count;          /* 1..THEME_JOURNEY_MAX */
    const char *mixed_split;       /* Graphviz fill list: delight below, pain above */
} jrn_theme;

/* A built-in theme by name, or NULL. */
const jrn_theme *theme_builtin(const char *name);
/* "light, dark, print or colorblind": for help and messages. */
const char *theme_builtin_names(void);
/* The default: light. */
const jrn_theme *theme_default(void);

/* Reads a theme file (docs/themes.md) into the arena. Mistakes are reported into diags,
 * located (file:line:col with the line and a caret); returns NULL after any error. The
 * file's source stays in the arena so the diagnostics can show it. */
const jrn_theme *theme_read_file(jrn_arena *arena, const char *path, jrn_diag_list *diags,
                                 const char **io_error);

/* The theme in the theme file format: every key with its colour (jrnc --print-theme). */
void theme_write(const jrn_theme *theme, jrn_strbuf *out);

/* The colour of the journey at this index of the model: stable across views. */
const char *theme_journey_color(const jrn_theme *theme, size_t journey_index);
/* Journeys past the palette are dashed: NULL for the first round of colours, then a
 * Graphviz style ("dashed", "dotted") so no two journeys look alike. */
const char *theme_journey_dashes(const jrn_theme *theme, size_t journey_index);

/* Relative luminance (WCAG 2.1) of "#RRGGBB", 0..1; and the contrast ratio of two. */
double theme_luminance(const char *color);
double theme_contrast(const char *a, const char *b);
/* share of b mixed into a, as "#RRGGBB" in the arena. */
const char *theme_mix(jrn_arena *arena, const char *a, const char *b, double share);
/* Of the theme's text and background, the one that reads best on fill. */
const char *theme_ink_on(const jrn_theme *theme, const char *fill);

/* The report's CSS custom properties (":root{--ink:...}") for this theme. */
void theme_css_variables(const jrn_theme *theme, jrn_arena *arena, jrn_strbuf *out);

#endif
