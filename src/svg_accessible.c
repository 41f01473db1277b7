/* svg_accessible.c — the accessible name and description of an SVG picture jrnc draws
 * (-T svg and the pictures inlined in the HTML report): role="img", an aria-label, a
 * <title> and a <desc>, so the picture is not silent to a screen reader. */
#include "jrn/svg_accessible.h"

#include <string.h>

#include "jrn/dot_labels.h"
#include "jrn/dot_text.h"
#include "jrn/report_format.h"

/* What the whole map holds, in one sentence. */
static void svg_summary(jrn_strbuf *out, const jrn_model *model)
{
    size_t pains = 0, delights = 0, truths = 0;
    for (size_t i = 0; i < model->touchpoint_count; i++) {
        pains += model->touchpoints[i]->is_pain;
        delights += model->touchpoints[i]->is_delight;
        truths += model->touchpoints[i]->is_truth;
    }
    strbuf_printf(out, "A journey map of %zu stages and %zu touchpoints (%zu pain points, %zu moments of "
                       "delight, %zu moments of truth), %zu journeys and %zu personas.",
                  model->stage_count, model->touchpoint_count, pains, delights, truths, model->journey_count,
                  model->persona_count);
}

void svg_describe(jrn_strbuf *svg, size_t from, const jrn_model *model, const jrn_emit_options *options)
{
    const char *text = strbuf_text(svg);
    if (from > svg->length) return;
    const char *open = strstr(text + from, "<svg");
    const char *end = open ? strchr(open, '>') : NULL;
    if (end == NULL) return;
    jrn_strbuf name = STRBUF_INIT, summary = STRBUF_INIT, described = STRBUF_INIT;
    strbuf_puts(&name, report_map_title(model));
    /* a title that leaves a bidi override open would reorder the view's words after it */
    dot_text_close_bidi(&name, report_map_title(model));
    strbuf_puts(&name, " \xE2\x80\x94 ");
    size_t before = name.length;
    dot_label_view(&name, options);
    if (name.length == before) strbuf_puts(&name, "the full map");
    svg_summary(&summary, model);
    strbuf_append(&described, text, (size_t)(end - text));
    strbuf_puts(&described, " role=\"img\" aria-label=\"");
    report_put_html(&described, strbuf_text(&name), false);
    strbuf_puts(&described, "\">\n<title>");
    report_put_html(&described, strbuf_text(&name), false);
    strbuf_puts(&described, "</title>\n<desc>");
    report_put_html(&described, strbuf_text(&summary), false);
    strbuf_puts(&described, "</desc>");
    strbuf_puts(&described, end + 1);
    strbuf_free(svg);
    *svg = described;
    strbuf_free(&name);
    strbuf_free(&summary);
}
