/* sema_values.c — checks that a written value fits a property's type and range, and
 * converts it: text, references, numbers, emotions, effort, dates, scales, choices. */
#include "jrn/sema.h"

#include <math.h>
#include <string.h>

#include "jrn/strbuf.h"
#include "jrn/suggest.h"

static const char *value_kind_description(jrn_value_kind kind)
{
    switch (kind) {
    case VALUE_STRING: return "text";
    case VALUE_IDENT: return "a name";
    case VALUE_NUMBER: return "a number";
    case VALUE_PERCENT: return "a percentage";
    case VALUE_RANGE: return "a range";
    case VALUE_DATE: return "a date";
    case VALUE_DURATION: return "a duration";
    }
    return "a value";
}

static bool sema_wrong_type(jrn_sema *sema, const jrn_property_rule *rule, const jrn_value *value)
{
    jrn_diag *diag = diag_error(sema->diags, value->span, "'%s' takes %s, not %s", rule->name,
                                value_type_description(rule), value_kind_description(value->kind));
    if (diag != NULL && value->kind == VALUE_IDENT && (rule->type == TYPE_TEXT || rule->type == TYPE_TEXT_OR_FLAG)) {
        diag_add_note(sema->diags, diag, span_none(), "put text in quotes: %s: \"%s\"", rule->name,
                      value->text);
    }
    return false;
}

static void sema_append_emotion_labels(const jrn_model *model, jrn_strbuf *out)
{
    const jrn_metric *emotion = model->emotion_metric;
    if (emotion == NULL) return;
    for (size_t i = 0; i < emotion->labels.count; i++) {
        strbuf_printf(out, "%s%s", i == 0 ? " or " : ", ", emotion->labels.items[i]);
    }
}

/* The allowed emotions, for messages: "-2..2 or frustrated, unhappy, ...". Built only when
 * a value is wrong: emotions are on most touchpoints of a big map. */
static void sema_describe_emotions(const jrn_model *model, jrn_strbuf *allowed)
{
    strbuf_printf(allowed, "%g..%g", model->emotion_low, model->emotion_high);
    sema_append_emotion_labels(model, allowed);
}

static bool sema_emotion_label_value(const jrn_model *model, const char *name, double *value)
{
    const jrn_metric *emotion = model->emotion_metric;
    for (size_t i = 0; emotion != NULL && i < emotion->labels.count; i++) {
        if (strcmp(emotion->labels.items[i], name) == 0) {
            *value = emotion->scale.low.value + (double)i;
            return true;
        }
    }
    return false;
}

static bool sema_convert_emotion(jrn_sema *sema, const jrn_property_rule *rule,
                                 const jrn_value *value, sema_value *out)
{
    const jrn_model *model = sema->model;
    if (value->kind == VALUE_NUMBER && value->number >= model->emotion_low &&
        value->number <= model->emotion_high) {
        out->number = value->number;
        return true;
    }
    if (value->kind == VALUE_IDENT && sema_emotion_label_value(model, value->text, &out->number)) {
        return true;
    }
    jrn_strbuf allowed = STRBUF_INIT;
    sema_describe_emotions(model, &allowed);
    if (value->kind == VALUE_NUMBER) {
        diag_error(sema->diags, value->span, "%s %s is outside the emotion scale (%s)", rule->name,
                   value->text, strbuf_text(&allowed));
    } else if (value->kind == VALUE_IDENT) {
        const jrn_metric *emotion = model->emotion_metric;
        jrn_suggester suggester;
        suggest_begin(&suggester, value->text);
        for (size_t i = 0; emotion != NULL && i < emotion->labels.count; i++) {
            suggest_consider(&suggester, emotion->labels.items[i]);
        }
        const char *suggestion = suggest_result(&suggester);
        jrn_diag *diag = suggestion != NULL
            ? diag_error(sema->diags, value->span, "unknown emotion '%s'; did you mean '%s'?", value->text, suggestion)
            : diag_error(sema->diags, value->span, "unknown emotion '%s'", value->text);
        diag_add_note(sema->diags, diag, span_none(), "an emotion is %s", strbuf_text(&allowed));
    } else {
        jrn_diag *diag = diag_error(sema->diags, value->span, "'%s' takes an emotion, not %s", rule->name,
                                    value_kind_description(value->kind));
        diag_add_note(sema->diags, diag, span_none(), "an emotion is %s", strbuf_text(&allowed));
    }
    strbuf_free(&allowed);
    return false;
}

static bool sema_convert_choice(jrn_sema *sema, const jrn_property_rule *rule,
                                const jrn_value *value, sema_value *out)
{
    for (int i = 0; value->kind == VALUE_IDENT && rule->choices[i] != NULL; i++) {
        if (strcmp(rule->choices[i], value->text) == 0) {
            out->choice = i + 1;
            return true;
        }
    }
    jrn_strbuf listed = STRBUF_INIT;
    jrn_suggester suggester;
    suggest_begin(&suggester, value->text);
    for (int i = 0; rule->choices[i] != NULL; i++) {
        strbuf_printf(&listed, "%s%s", i == 0 ? "" : ", ", rule->choices[i]);
        suggest_consider(&suggester, rule->choices[i]);
    }
    const char *suggestion = value->kind == VALUE_IDENT ? suggest_result(&suggester) : NULL;
    jrn_diag *diag = suggestion != NULL
        ? diag_error(sema->diags, value->span, "'%s' cannot be '%s'; did you mean '%s'?", rule->name,
                     value->text, suggestion)
        : diag_error(sema->diags, value->span, "'%s' cannot be '%s'", rule->name, value->text);
    if (diag != NULL && suggestion != NULL) diag->fixit = suggestion;
    diag_add_note(sema->diags, diag, span_none(), "'%s' is one of: %s", rule->name, strbuf_text(&listed));
    strbuf_free(&listed);
    return false;
}

static jrn_quantity quantity_of_range_end(const jrn_range_end *end, const char *text)
{
    jrn_quantity quantity = {QUANTITY_NUMBER, end->number, {0, DURATION_DAYS}, text};
    if (end->is_percent) quantity.kind = QUANTITY_PERCENT;
    if (end->is_duration) {
        quantity.kind = QUANTITY_DURATION;
        quantity.duration = end->duration;
        quantity.value = duration_in_days(end->duration);
    }
    return quantity;
}

static bool sema_convert_range(jrn_sema *sema, const jrn_value *value, sema_value *out)
{
    const char *dots = strstr(value->text, "..");
    size_t low_length = (size_t)(dots - value->text);
    while (low_length > 0 && (value->text[low_length - 1] == ' ' || value->text[low_length - 1] == '\t')) {
        low_length--;   /* "0% .. 100%": the low end is "0%" */
    }
    const char *low_text = arena_strndup(sema->arena, value->text, low_length);
    const char *high_text = dots + 2;
    while (*high_text == ' ' || *high_text == '\t') high_text++;
    high_text = arena_strdup(sema->arena, high_text);
    jrn_quantity low = quantity_of_range_end(&value->range->low, low_text);
    jrn_quantity high = quantity_of_range_end(&value->range->high, high_text);
    if (low.kind != high.kind) {
        diag_error(sema->diags, value->span, "both ends of the scale %s must have the same unit", value->text);
        return false;
    }
    if (!(low.value < high.value)) {
        diag_error(sema->diags, value->span, "the scale %s is empty: its low end must be below its high end",
                   value->text);
        return false;
    }
    out->scale = (jrn_scale){low, high};
    return true;
}

static jrn_quantity quantity_of_value(jrn_sema *sema, const jrn_value *value)
{
    const char *text = arena_strdup(sema->arena, value->text);
    jrn_quantity quantity = {QUANTITY_NUMBER, value->number, {0, DURATION_DAYS}, text};
    if (value->kind == VALUE_PERCENT) quantity.kind = QUANTITY_PERCENT;
    if (value->kind == VALUE_DURATION) {
        quantity.kind = QUANTITY_DURATION;
        quantity.duration = value->duration;
        quantity.value = duration_in_days(value->duration);
    }
    return quantity;
}

bool sema_convert_value(jrn_sema *sema, const jrn_property_rule *rule, const char *owner_label,
                        const jrn_value *value, sema_value *out)
{
    (void)owner_label;
    memset(out, 0, sizeof *out);
    switch (rule->type) {
    case TYPE_TEXT:
    case TYPE_TEXT_OR_FLAG:
        if (value->kind != VALUE_STRING) return sema_wrong_type(sema, rule, value);
        out->text = arena_strdup(sema->arena, value->text);   /* the model outlives the syntax */
        return true;
    case TYPE_FLAG: {
        jrn_diag *diag = diag_error(sema->diags, value->span, "'%s' is a flag: write it alone, without a value",
                                    rule->name);
        (void)diag;
        return false;
    }
    case TYPE_REFERENCE:
        if (value->kind != VALUE_IDENT) return sema_wrong_type(sema, rule, value);
        out->reference = sema_lookup(sema, rule->reference_kind, value->text, value->span);
        return out->reference != NULL;
    case TYPE_NUMBER:
        if (value->kind != VALUE_NUMBER) return sema_wrong_type(sema, rule, value);
        out->number = value->number;
        return true;
    case TYPE_EMOTION:
        return sema_convert_emotion(sema, rule, value, out);
    case TYPE_EFFORT:
        if (value->kind != VALUE_NUMBER) return sema_wrong_type(sema, rule, value);
        if (value->number < 1 || value->number > 5 || value->number != floor(value->number)) {
            diag_error(sema->diags, value->span,
                       "effort %s is out of range: effort is a whole number from 1 (effortless) to 5 (exhausting)",
                       value->text);
            return false;
        }
        out->number = value->number;
        return true;
    case TYPE_DATE:
        if (value->kind != VALUE_DATE) return sema_wrong_type(sema, rule, value);
        out->date = value->date;
        return true;
    case TYPE_RANGE:
        if (value->kind != VALUE_RANGE) return sema_wrong_type(sema, rule, value);
        return sema_convert_range(sema, value, out);
    case TYPE_CHOICE:
        return sema_convert_choice(sema, rule, value, out);
    case TYPE_QUANTITY:
        if (value->kind != VALUE_NUMBER && value->kind != VALUE_PERCENT && value->kind != VALUE_DURATION) {
            return sema_wrong_type(sema, rule, value);
        }
        out->quantity = quantity_of_value(sema, value);
        return true;
    case TYPE_PERCENT:
        if (value->kind != VALUE_PERCENT) return sema_wrong_type(sema, rule, value);
        if (value->number < 0 || value->number > 100) {
            diag_error(sema->diags, value->span, "%s %s is out of range: a share lies in 0%%..100%%", rule->name,
                       value->text);
            return false;
        }
        out->number = value->number / 100.0;
        return true;
    case TYPE_DURATION:
        if (value->kind != VALUE_DURATION) return sema_wrong_type(sema, rule, value);
        out->duration = value->duration;
        return true;
    }
    return false;
}
