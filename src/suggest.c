/* suggest.c — finds the nearest known name to a misspelt one (Levenshtein, bounded). */
#include "jrn/suggest.h"

#include <stdlib.h>
#include <string.h>

/* Names longer than this are not compared: no typo is that long, and it bounds the work. */
enum { SUGGEST_MAX_LENGTH = 64 };

size_t suggest_distance(const char *left, const char *right, size_t limit)
{
    size_t left_length = strlen(left), right_length = strlen(right);
    if (left_length > SUGGEST_MAX_LENGTH || right_length > SUGGEST_MAX_LENGTH) return limit + 1;
    size_t gap = left_length > right_length ? left_length - right_length : right_length - left_length;
    if (gap > limit) return limit + 1;
    size_t row[SUGGEST_MAX_LENGTH + 1];
    for (size_t j = 0; j <= right_length; j++) row[j] = j;
    for (size_t i = 1; i <= left_length; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        size_t row_minimum = row[0];
        for (size_t j = 1; j <= right_length; j++) {
            size_t above = row[j];
            size_t cost = left[i - 1] == right[j - 1] ? 0 : 1;
            size_t best = diagonal + cost;
            if (above + 1 < best) best = above + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
            if (best < row_minimum) row_minimum = best;
        }
        if (row_minimum > limit) return limit + 1;
    }
    return row[right_length];
}

void suggest_begin(jrn_suggester *suggester, const char *wanted)
{
    size_t length = strlen(wanted);
    suggester->wanted = wanted;
    /* One edit for short names, about a third of the length for longer ones. */
    suggester->limit = length <= 3 ? 1 : length <= 5 ? 2 : length / 3 + 1;
    suggester->best = NULL;
    suggester->best_distance = suggester->limit + 1;
}

void suggest_consider(jrn_suggester *suggester, const char *candidate)
{
    if (strcmp(candidate, suggester->wanted) == 0) return;
    size_t distance = suggest_distance(suggester->wanted, candidate, suggester->limit);
    if (distance < suggester->best_distance) {
        suggester->best = candidate;
        suggester->best_distance = distance;
    }
}

const char *suggest_result(const jrn_suggester *suggester)
{
    return suggester->best;
}
