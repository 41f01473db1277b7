/* dot_budget.c — choosing how much layout work to ask of Graphviz for a picture. The
 * limits are measured figures (docs/performance.md, tests/bench/layout.py): dot's cost
 * grows with every labelled edge (each becomes a virtual node in every rank it crosses)
 * and with the network-simplex and crossing-minimisation passes over many nodes. */
#include "jrn/dot_budget.h"

/* Beyond these, the layout is bounded (hop labels as xlabels, iteration limits). The
 * shipped examples stay below them, so their pictures are Graphviz's unbounded ones. */
enum { DOT_BUDGET_EXACT_TOUCHPOINTS = 150, DOT_BUDGET_EXACT_HOPS = 160 };

/* Beyond these, no one reads the picture: the stages are drawn alone. */
enum {
    DOT_BUDGET_LEGIBLE_TOUCHPOINTS = 300,
    DOT_BUDGET_LEGIBLE_HOPS = 500,
    DOT_BUDGET_LEGIBLE_STAGE = 100,
};

void dot_budget_choose(dot_budget *budget, bool draws_touchpoints)
{
    budget->stage_limit = DOT_BUDGET_STAGE_LIMIT;
    budget->mode = DOT_LAYOUT_EXACT;
    if (!draws_touchpoints) {
        if (budget->stages > DOT_BUDGET_EXACT_TOUCHPOINTS) budget->mode = DOT_LAYOUT_BOUNDED;
        return;
    }
    if (budget->touchpoints > DOT_BUDGET_LEGIBLE_TOUCHPOINTS || budget->hops > DOT_BUDGET_LEGIBLE_HOPS ||
        budget->largest_stage > DOT_BUDGET_LEGIBLE_STAGE)
        budget->mode = DOT_LAYOUT_OVERVIEW;
    else if (budget->touchpoints > DOT_BUDGET_EXACT_TOUCHPOINTS || budget->hops > DOT_BUDGET_EXACT_HOPS ||
             budget->stages > DOT_BUDGET_EXACT_TOUCHPOINTS)
        budget->mode = DOT_LAYOUT_BOUNDED;
}

const char *dot_budget_map_name(const jrn_model *model)
{
    for (size_t i = 0; i < model->file_count; i++)
        if (model->files[i].is_root && model->files[i].source)
            return model->files[i].source->display_name;
    return "the map";
}
