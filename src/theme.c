/* theme.c — every colour jrnc draws with: the built-in themes, the theme file reader and
 * writer, contrast and mixing, the report's CSS variables. */
#include "jrn/theme.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "jrn/source.h"
#include "jrn/suggest.h"

/* Light is the default: the heat map in red and green on white, journeys in Okabe-Ito colours
 * that keep 3:1 on white and stay apart under colour-vision deficiencies (tests/themes). */
static const jrn_theme theme_light = {
    .name = "light",
    .background = "#FFFFFF", .page = "#F4F6FA", .text = "#000000", .muted = "#555555",
    .lines = "#848484", .edges = "#555555", .nodes = "#FFFFFF", .ghost = "#B0B0B0",
    .lanes = "#F4F6F9", .sub_lanes = "#E8EBF0", .lane_border = "#C5CAD3", .spine = "#7B8695",
    .loops = "#6A3D9A", .truth = "#6D28D9", .accent = "#4338CA",
    .pain = "#B3261E", .pain_fill = "#F7C5BF", .pain_text = "#9B1C1C",
    .delight = "#2E7D32", .delight_fill = "#C6E8C8", .delight_text = "#1B5E20",
    .mixed = "#BF7200", .mixed_fill = "#FBE1BD", .mixed_text = "#8A5300",
    .neutral_text = "#555555",
    .emotion = {"#F7BEB7", "#FAD4CE", "#F2F2F2", "#D3EED5", "#A8DCAC"},
    .worse = "#9B1C1C", .better = "#1B5E20", .met = "#1A7938", .missed = "#B3261E",
    .journeys = {"#0072B2", "#D55E00", "#00966D", "#AA3377", "#000000"},
    .journey_count = 5,
    .mixed_split = "#C6E8C8;0.5:#F7C5BF",
};

/* Light text on a dark ground; every colour at least 4.5:1 (text) or 3:1 (lines) on it. */
static const jrn_theme theme_dark = {
    .name = "dark",
    .background = "#161B22", .page = "#0D1117", .text = "#E6EDF3", .muted = "#A8B3BF",
    .lines = "#8B949E", .edges = "#A8B3BF", .nodes = "#1F2630", .ghost = "#6E7681",
    .lanes = "#1C222B", .sub_lanes = "#252D38", .lane_border = "#3D4652", .spine = "#8B949E",
    .loops = "#C9A7F5", .truth = "#D2B3FF", .accent = "#8FA8FF",
    .pain = "#FF7B72", .pain_fill = "#4A1E1E", .pain_text = "#FFB1AB",
    .delight = "#56D364", .delight_fill = "#173B22", .delight_text = "#A8E6B0",
    .mixed = "#F0A030", .mixed_fill = "#45300F", .mixed_text = "#F8CF8A",
    .neutral_text = "#A8B3BF",
    .emotion = {"#5C2626", "#3E2A2A", "#2A3038", "#24402D", "#1B4D2D"},
    .worse = "#FFB1AB", .better = "#A8E6B0", .met = "#56D364", .missed = "#FF7B72",
    .journeys = {"#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#EEDD88", "#D55E00"},
    .journey_count = 6,
    .mixed_split = "#173B22;0.5:#4A1E1E",
};

/* Paper, read in colour or grey: white ground, black text, heat told by lightness and by
 * the marks every theme draws. */
static const jrn_theme theme_print = {
    .name = "print",
    .background = "#FFFFFF", .page = "#FFFFFF", .text = "#000000", .muted = "#444444",
    .lines = "#666666", .edges = "#444444", .nodes = "#FFFFFF", .ghost = "#888888",
    .lanes = "#F5F5F5", .sub_lanes = "#E9E9E9", .lane_border = "#999999", .spine = "#666666",
    .loops = "#333333", .truth = "#000000", .accent = "#1F1F7A",
    .pain = "#000000", .pain_fill = "#B0B0B0", .pain_text = "#000000",
    .delight = "#555555", .delight_fill = "#FFFFFF", .delight_text = "#000000",
    .mixed = "#000000", .mixed_fill = "#D4D4D4", .mixed_text = "#000000",
    .neutral_text = "#444444",
    .emotion = {"#B3B3B3", "#CCCCCC", "#EEEEEE", "#FFFFFF", "#FFFFFF"},
    .worse = "#000000", .better = "#000000", .met = "#000000", .missed = "#000000",
    .journeys = {"#000000", "#5A5A5A", "#848484"},
    .journey_count = 3,
    .mixed_split = "#FFFFFF;0.5:#B0B0B0",
};

/* Blue and orange instead of green and red, grey for both at once: told apart by every
 * common colour-vision deficiency (tests/themes/check_palette.py simulates them). */
static const jrn_theme theme_colorblind = {
    .name = "colorblind",
    .background = "#FFFFFF", .page = "#F4F6FA", .text = "#000000", .muted = "#555555",
    .lines = "#848484", .edges = "#555555", .nodes = "#FFFFFF", .ghost = "#B0B0B0",
    .lanes = "#F4F6F9", .sub_lanes = "#E8EBF0", .lane_border = "#C5CAD3", .spine = "#7B8695",
    .loops = "#6A3D9A", .truth = "#6D28D9", .accent = "#3D3DB8",
    .pain = "#C24E00", .pain_fill = "#FFD7B5", .pain_text = "#8A3700",
    .delight = "#0063A6", .delight_fill = "#C9E3F7", .delight_text = "#004A7C",
    .mixed = "#4D4D4D", .mixed_fill = "#D6D6D6", .mixed_text = "#333333",
    .neutral_text = "#555555",
    .emotion = {"#F7C094", "#FBDCC2", "#F2F2F2", "#C9E3F7", "#A6D0EE"},
    .worse = "#8A3700", .better = "#004A7C", .met = "#004A7C", .missed = "#8A3700",
    .journeys = {"#0072B2", "#D55E00", "#00966D", "#AA3377", "#000000"},
    .journey_count = 5,
    .mixed_split = "#C9E3F7;0.5:#FFD7B5",
};

static const jrn_theme *const theme_builtins[] = {&theme_light, &theme_dark, &theme_print, &theme_colorblind};
#define THEME_BUILTIN_COUNT (sizeof theme_builtins / sizeof theme_builtins[0])

const jrn_theme *theme_builtin(const char *name)
{
    for (size_t i = 0; i < THEME_BUILTIN_COUNT; i++)
        if (strcmp(theme_builtins[i]->name, name) == 0) return theme_builtins[i];
    return NULL;
}

const char *theme_builtin_names(void)
{
    return "light, dark, print or colorblind";
}

const jrn_theme *theme_default(void)
{
    return &theme_light;
}

/* ---- the file format: one "key: #RRGGBB" per line (docs/themes.md) ---- */

typedef struct theme_key {
    const char *key;
    size_t offset;          /* of a const char * in jrn_theme */
    const char *meaning;
} theme_key;

#define THEME_KEY(key, field, meaning) {key, offsetof(jrn_theme, field), meaning}

static const theme_key theme_keys[] = {
    THEME_KEY("background", background, "the picture's and the report cards' ground"),
    THEME_KEY("page", page, "the report page around its cards"),
    THEME_KEY("text", text, "text"),
    THEME_KEY("muted", muted, "secondary text: channels, notes, owners"),
    THEME_KEY("lines", lines, "a neutral touchpoint's border"),
    THEME_KEY("edges", edges, "plain edges"),
    THEME_KEY("nodes", nodes, "a neutral touchpoint's fill"),
    THEME_KEY("ghost", ghost, "placeholders and touchpoints of other stages"),
    THEME_KEY("lanes", lanes, "stage lanes' fill"),
    THEME_KEY("sub-lanes", sub_lanes, "sub-stage lanes' fill"),
    THEME_KEY("lane-border", lane_border, "stage lanes' border"),
    THEME_KEY("spine", spine, "the spine view's edges"),
    THEME_KEY("loops", loops, "stage loops"),
    THEME_KEY("truth", truth, "moments of truth"),
    THEME_KEY("accent", accent, "the report's links, banner and emotion line"),
    THEME_KEY("pain", pain, "a pain point's border and mark"),
    THEME_KEY("pain-fill", pain_fill, "a pain point's fill"),
    THEME_KEY("pain-text", pain_text, "pain text"),
    THEME_KEY("delight", delight, "a moment of delight's border and mark"),
    THEME_KEY("delight-fill", delight_fill, "a moment of delight's fill"),
    THEME_KEY("delight-text", delight_text, "delight text"),
    THEME_KEY("mixed", mixed, "pain and delight at once: border and mark"),
    THEME_KEY("mixed-fill", mixed_fill, "pain and delight at once: fill in the report"),
    THEME_KEY("mixed-text", mixed_text, "pain and delight at once: text"),
    THEME_KEY("neutral-text", neutral_text, "a neutral touchpoint's small text"),
    THEME_KEY("emotion-1", emotion[0], "emotion fill: the worst fifth of the scale"),
    THEME_KEY("emotion-2", emotion[1], "emotion fill: the second fifth"),
    THEME_KEY("emotion-3", emotion[2], "emotion fill: the middle"),
    THEME_KEY("emotion-4", emotion[3], "emotion fill: the fourth fifth"),
    THEME_KEY("emotion-5", emotion[4], "emotion fill: the best fifth"),
    THEME_KEY("worse", worse, "emotion text below the middle of the scale"),
    THEME_KEY("better", better, "emotion text above the middle of the scale"),
    THEME_KEY("met", met, "a KPI that meets its target"),
    THEME_KEY("missed", missed, "a KPI that misses its target"),
};
#define THEME_KEY_COUNT (sizeof theme_keys / sizeof theme_keys[0])

static const char **theme_field(jrn_theme *theme, const theme_key *key)
{
    return (const char **)((char *)theme + key->offset);
}

static const char *theme_field_of(const jrn_theme *theme, const theme_key *key)
{
    return *(const char *const *)((const char *)theme + key->offset);
}

void theme_write(const jrn_theme *theme, jrn_strbuf *out)
{
    strbuf_printf(out, "# jrnc theme (docs/themes.md): the built-in '%s' theme, every colour.\n", theme->name);
    strbuf_puts(out, "# Keep the lines you change; the others come from base.\n");
    strbuf_printf(out, "base: %s\n", theme_builtin(theme->name) ? theme->name : "light");
    for (size_t i = 0; i < THEME_KEY_COUNT; i++) {
        char key[24];
        snprintf(key, sizeof key, "%s:", theme_keys[i].key);
        strbuf_printf(out, "%-14s%s    # %s\n", key, theme_field_of(theme, &theme_keys[i]), theme_keys[i].meaning);
    }
    strbuf_puts(out, "journeys:    ");
    for (size_t i = 0; i < theme->journey_count; i++) strbuf_printf(out, " %s", theme->journeys[i]);
    strbuf_puts(out, "    # one colour per journey, in order; more journeys than colours are dashed\n");
}

/* ---- colours as numbers ---- */

static bool theme_hex_digit(char c, unsigned *value)
{
    if (c >= '0' && c <= '9') *value = (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') *value = (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') *value = (unsigned)(c - 'A' + 10);
    else return false;
    return true;
}

/* "#RRGGBB" (either case) to three 0..255 channels; false for anything else. */
static bool theme_parse_color(const char *text, size_t length, unsigned rgb[3])
{
    if (length != 7 || text[0] != '#') return false;
    for (int channel = 0; channel < 3; channel++) {
        unsigned high, low;
        if (!theme_hex_digit(text[1 + 2 * channel], &high) || !theme_hex_digit(text[2 + 2 * channel], &low))
            return false;
        rgb[channel] = high * 16 + low;
    }
    return true;
}

static void theme_channels(const char *color, unsigned rgb[3])
{
    if (!theme_parse_color(color, strlen(color), rgb)) rgb[0] = rgb[1] = rgb[2] = 0;
}

static double theme_linear(unsigned channel)
{
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double theme_luminance(const char *color)
{
    unsigned rgb[3];
    theme_channels(color, rgb);
    return 0.2126 * theme_linear(rgb[0]) + 0.7152 * theme_linear(rgb[1]) + 0.0722 * theme_linear(rgb[2]);
}

double theme_contrast(const char *a, const char *b)
{
    double la = theme_luminance(a), lb = theme_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

const char *theme_mix(jrn_arena *arena, const char *a, const char *b, double share)
{
    unsigned from[3], to[3];
    theme_channels(a, from);
    theme_channels(b, to);
    unsigned mixed[3];
    for (int i = 0; i < 3; i++) mixed[i] = (unsigned)lround(from[i] + (to[i] - (double)from[i]) * share);
    return arena_printf(arena, "#%02X%02X%02X", mixed[0], mixed[1], mixed[2]);
}

const char *theme_ink_on(const jrn_theme *theme, const char *fill)
{
    return theme_contrast(theme->text, fill) >= theme_contrast(theme->background, fill) ? theme->text
                                                                                         : theme->background;
}

/* preferred when it reads on fill (WCAG AA, 4.5:1), else the better of text and ground. */
static const char *theme_ink_for(const jrn_theme *theme, const char *preferred, const char *fill)
{
    return theme_contrast(preferred, fill) >= 4.5 ? preferred : theme_ink_on(theme, fill);
}

const char *theme_journey_color(const jrn_theme *theme, size_t journey_index)
{
    return theme->journeys[journey_index % theme->journey_count];
}

const char *theme_journey_dashes(const jrn_theme *theme, size_t journey_index)
{
    static const char *const rounds[] = {NULL, "dotted", "bold", "bold,dotted"};
    return rounds[(journey_index / theme->journey_count) % (sizeof rounds / sizeof rounds[0])];
}

/* share of mark mixed into fill, less where no ink of the theme would read on it (4.5:1):
 * a mid-tone between a dark fill and a bright mark can suit neither light nor dark text. */
static const char *theme_readable_mix(const jrn_theme *theme, jrn_arena *arena, const char *fill, const char *mark,
                                      double share)
{
    for (;; share -= 0.05) {
        const char *mixed = theme_mix(arena, fill, mark, share > 0 ? share : 0);
        if (share <= 0 || theme_contrast(theme_ink_on(theme, mixed), mixed) >= 4.5) return mixed;
    }
}

/* ---- the report's CSS ---- */

typedef struct theme_css {
    jrn_strbuf *out;
    jrn_arena *arena;
    const jrn_theme *theme;
} theme_css;

static void theme_css_put(theme_css *css, const char *name, const char *value)
{
    strbuf_printf(css->out, "--%s:%s;", name, value);
}

/* A fill and the ink that reads on it: --NAME-bg and --NAME. */
static void theme_css_pair(theme_css *css, const char *name, const char *fill, const char *preferred_ink)
{
    strbuf_printf(css->out, "--%s-bg:%s;--%s:%s;", name, fill, name, theme_ink_for(css->theme, preferred_ink, fill));
}

void theme_css_variables(const jrn_theme *theme, jrn_arena *arena, jrn_strbuf *out)
{
    theme_css css = {out, arena, theme};
    const char *soft = theme_mix(arena, theme->background, theme->muted, 0.1);
    theme_css_put(&css, "ink", theme->text);
    theme_css_put(&css, "muted", theme_ink_for(theme, theme->muted, soft));
    theme_css_put(&css, "line", theme_mix(arena, theme->lane_border, theme->background, 0.4));
    theme_css_put(&css, "paper", theme->background);
    theme_css_put(&css, "bg", theme->page);
    theme_css_put(&css, "soft", soft);
    theme_css_put(&css, "accent", theme_ink_for(theme, theme->accent, soft));
    theme_css_put(&css, "on-accent", theme_ink_on(theme, theme->accent));
    theme_css_put(&css, "banner", theme_mix(arena, theme->accent, theme_ink_on(theme, theme->accent) == theme->text
                                                        ? theme->background : theme->text, 0.3));
    theme_css_put(&css, "accent-soft", theme_mix(arena, theme->background, theme->accent, 0.12));
    theme_css_put(&css, "pain-mark", theme->pain);
    theme_css_put(&css, "pain-strong", theme_ink_for(theme, theme->pain, theme->background));
    theme_css_put(&css, "delight-mark", theme->delight);
    theme_css_put(&css, "mixed-mark", theme->mixed);
    theme_css_pair(&css, "pain", theme->pain_fill, theme->pain_text);
    theme_css_pair(&css, "delight", theme->delight_fill, theme->delight_text);
    theme_css_pair(&css, "mixed", theme->mixed_fill, theme->mixed_text);
    theme_css_pair(&css, "truth", theme_mix(arena, theme->background, theme->truth, 0.12), theme->truth);
    theme_css_pair(&css, "nobody", theme_mix(arena, theme->background, theme->pain_fill, 0.5), theme->text);
    for (int step = 0; step < THEME_EMOTION_STEPS; step++) {
        const char *ink = step < 2 ? theme->worse : step > 2 ? theme->better : theme->text;
        theme_css_pair(&css, arena_printf(arena, "e%d", step), theme->emotion[step], ink);
    }
    /* the heat map: none, neutral only, then pain and delight in three strengths */
    theme_css_pair(&css, "h0", theme->page, theme->muted);
    theme_css_pair(&css, "hn", theme_mix(arena, theme->background, theme->lines, 0.18), theme->text);
    const char *marks[] = {theme->pain, theme->delight};
    const char *fills[] = {theme->pain_fill, theme->delight_fill};
    const char *inks[] = {theme->pain_text, theme->delight_text};
    for (int kind = 0; kind < 2; kind++) {
        const char *prefix = kind == 0 ? "hp" : "hd";
        theme_css_pair(&css, arena_printf(arena, "%s1", prefix), fills[kind], inks[kind]);
        theme_css_pair(&css, arena_printf(arena, "%s2", prefix), theme_readable_mix(theme, arena, fills[kind], marks[kind], 0.5),
                       inks[kind]);
        const char *strong = theme_readable_mix(theme, arena, fills[kind], marks[kind], 1.0);
        theme_css_pair(&css, arena_printf(arena, "%s3", prefix), strong, theme_ink_on(theme, strong));
    }
    theme_css_pair(&css, "hm", theme->mixed_fill, theme->mixed_text);
}

/* ---- the theme file reader ---- */

typedef struct theme_reader {
    jrn_arena *arena;
    const jrn_source *source;
    jrn_diag_list *diags;
    jrn_theme *theme;
    jrn_span set_at[THEME_KEY_COUNT + 2];   /* where each key was set: keys, journeys, base */
    bool seen_colour;                       /* a colour came before: base may no longer */
    bool failed;
} theme_reader;

enum { THEME_SLOT_JOURNEYS = THEME_KEY_COUNT, THEME_SLOT_BASE = THEME_KEY_COUNT + 1 };

static jrn_span theme_span(const theme_reader *reader, const char *begin, const char *end)
{
    jrn_span span = {reader->source, (uint32_t)(begin - reader->source->text), (uint32_t)(end - reader->source->text)};
    return span;
}

static jrn_diag *theme_error(theme_reader *reader, jrn_span span, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static jrn_diag *theme_error(theme_reader *reader, jrn_span span, const char *format, ...)
{
    reader->failed = true;
    jrn_strbuf message = STRBUF_INIT;
    va_list arguments;
    va_start(arguments, format);
    strbuf_vprintf(&message, format, arguments);
    va_end(arguments);
    jrn_diag *diag = diag_error(reader->diags, span, "%s", strbuf_text(&message));
    strbuf_free(&message);
    return diag;
}

static bool theme_is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool theme_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* The key's slot (an index of theme_keys, or THEME_SLOT_*), or -1 after an error. */
static int theme_find_key(theme_reader *reader, const char *key, jrn_span span)
{
    if (strcmp(key, "journeys") == 0) return THEME_SLOT_JOURNEYS;
    if (strcmp(key, "base") == 0) return THEME_SLOT_BASE;
    jrn_suggester suggester;
    suggest_begin(&suggester, key);
    suggest_consider(&suggester, "journeys");
    suggest_consider(&suggester, "base");
    for (size_t i = 0; i < THEME_KEY_COUNT; i++) {
        if (strcmp(theme_keys[i].key, key) == 0) return (int)i;
        suggest_consider(&suggester, theme_keys[i].key);
    }
    const char *suggestion = suggest_result(&suggester);
    if (suggestion != NULL)
        theme_error(reader, span, "unknown theme colour '%s'; did you mean '%s'?", key, suggestion);
    else
        theme_error(reader, span, "unknown theme colour '%s' (docs/themes.md and 'jrnc --print-theme light' "
                                  "list the names)", key);
    return -1;
}

/* One value word: a colour in "#RRGGBB", stored upper-case in the arena; NULL after an error. */
static const char *theme_read_color(theme_reader *reader, const char *word, size_t length)
{
    unsigned rgb[3];
    if (!theme_parse_color(word, length, rgb)) {
        char *shown = arena_strndup(reader->arena, word, length);
        theme_error(reader, theme_span(reader, word, word + length),
                    "'%s' is not a colour: write six hex digits after '#', as in #1F77B4", shown);
        return NULL;
    }
    return arena_printf(reader->arena, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
}

/* base: NAME — start from a built-in theme; only before any colour. */
static void theme_apply_base(theme_reader *reader, const char *word, size_t length, jrn_span span)
{
    char *name = arena_strndup(reader->arena, word, length);
    const jrn_theme *base = theme_builtin(name);
    if (base == NULL) {
        jrn_suggester suggester;
        suggest_begin(&suggester, name);
        for (size_t i = 0; i < THEME_BUILTIN_COUNT; i++) suggest_consider(&suggester, theme_builtins[i]->name);
        const char *suggestion = suggest_result(&suggester);
        if (suggestion) theme_error(reader, span, "no built-in theme '%s'; did you mean '%s'?", name, suggestion);
        else theme_error(reader, span, "no built-in theme '%s' (there are %s)", name, theme_builtin_names());
        return;
    }
    if (reader->seen_colour) {
        theme_error(reader, span, "'base: %s' must come before the colours it would replace", name);
        return;
    }
    const char *keep_name = reader->theme->name;
    *reader->theme = *base;
    reader->theme->name = keep_name;
}

/* The words of a value, up to the end of the line or a comment ("#" then a blank). */
static size_t theme_split_words(const char *at, const char *end, const char **words, size_t *lengths, size_t limit,
                                size_t *count)
{
    *count = 0;
    size_t total = 0;
    while (at < end) {
        while (at < end && theme_is_blank(*at)) at++;
        if (at >= end) break;
        if (*at == '#' && (at + 1 == end || theme_is_blank(at[1]))) break;
        const char *word = at;
        while (at < end && !theme_is_blank(*at)) at++;
        if (*count < limit) {
            words[*count] = word;
            lengths[*count] = (size_t)(at - word);
            (*count)++;
        }
        total++;
    }
    return total;
}

static void theme_read_line(theme_reader *reader, const char *line, const char *end)
{
    const char *at = line;
    while (at < end && theme_is_blank(*at)) at++;
    if (at == end || *at == '#') return;
    const char *key_begin = at;
    while (at < end && theme_is_key_char(*at)) at++;
    const char *key_end = at;
    while (at < end && theme_is_blank(*at)) at++;
    if (key_begin == key_end || at == end || *at != ':') {
        const char *bad_end = key_end > key_begin ? key_end : key_begin + 1;
        theme_error(reader, theme_span(reader, key_begin, bad_end < end ? bad_end : end),
                    "expected 'NAME: #RRGGBB', as in 'pain: #B3261E'");
        return;
    }
    char *key = arena_strndup(reader->arena, key_begin, (size_t)(key_end - key_begin));
    jrn_span key_span = theme_span(reader, key_begin, key_end);
    int slot = theme_find_key(reader, key, key_span);
    if (slot < 0) return;
    if (reader->set_at[slot].source != NULL) {
        jrn_diag *diag = theme_error(reader, key_span, "'%s' is set twice", key);
        if (diag) diag_add_note(reader->diags, diag, reader->set_at[slot], "first set here");
        return;
    }
    reader->set_at[slot] = key_span;
    /* one word more than any name takes, so the first one too many can be pointed at */
    const char *words[THEME_JOURNEY_MAX + 1];
    size_t lengths[THEME_JOURNEY_MAX + 1], count;
    size_t total = theme_split_words(at + 1, end, words, lengths, THEME_JOURNEY_MAX + 1, &count);
    if (total == 0) {
        theme_error(reader, key_span, "'%s' has no value%s", key, slot == THEME_SLOT_BASE ? " (light, dark, print or colorblind)"
                                                                             : ": write a colour, as in #1F77B4");
        return;
    }
    size_t allowed = slot == THEME_SLOT_JOURNEYS ? THEME_JOURNEY_MAX : 1;
    if (total > allowed) {
        theme_error(reader, theme_span(reader, words[allowed], words[allowed] + lengths[allowed]),
                    "'%s' takes %s", key, slot == THEME_SLOT_JOURNEYS ? "at most 8 colours" : "one value");
        return;
    }
    if (slot == THEME_SLOT_BASE) {
        theme_apply_base(reader, words[0], lengths[0], theme_span(reader, words[0], words[0] + lengths[0]));
        return;
    }
    reader->seen_colour = true;
    if (slot == THEME_SLOT_JOURNEYS) {
        const char *colors[THEME_JOURNEY_MAX];
        for (size_t i = 0; i < count; i++)
            if ((colors[i] = theme_read_color(reader, words[i], lengths[i])) == NULL) return;
        for (size_t i = 0; i < count; i++) reader->theme->journeys[i] = colors[i];
        reader->theme->journey_count = count;
        return;
    }
    const char *color = theme_read_color(reader, words[0], lengths[0]);
    if (color != NULL) *theme_field(reader->theme, &theme_keys[slot]) = color;
}

const jrn_theme *theme_read_file(jrn_arena *arena, const char *path, jrn_diag_list *diags,
                                 const char **io_error)
{
    jrn_load_status status;
    jrn_source *source = source_load(arena, path, &status, io_error);
    if (source == NULL) return NULL;
    theme_reader reader = {.arena = arena, .source = source, .diags = diags};
    reader.theme = arena_alloc(arena, sizeof *reader.theme);
    *reader.theme = theme_light;
    reader.theme->name = arena_strdup(arena, path);
    if (source->invalid_offset != UINT32_MAX) {
        const char *bad = source->text + source->invalid_offset;
        theme_error(&reader, theme_span(&reader, bad, bad + 1), "%s in a theme file", source->invalid_reason);
        return NULL;
    }
    const char *text = source->text, *stop = text + source->length;
    while (text < stop) {
        const char *newline = memchr(text, '\n', (size_t)(stop - text));
        const char *end = newline ? newline : stop;
        theme_read_line(&reader, text, end);
        text = newline ? newline + 1 : stop;
    }
    if (reader.failed) return NULL;
    jrn_theme *theme = reader.theme;
    theme->mixed_split = arena_printf(arena, "%s;0.5:%s", theme->delight_fill, theme->pain_fill);
    return theme;
}
