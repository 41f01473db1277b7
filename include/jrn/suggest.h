/* suggest.h — "did you mean ...?": the closest name by edit distance. */
#ifndef JRN_SUGGEST_H
#define JRN_SUGGEST_H

#include <stddef.h>

/* Edit distance between two strings, giving up (returning limit + 1) once it exceeds limit. */
size_t suggest_distance(const char *left, const char *right, size_t limit);

/* Collects candidates and keeps the closest one close enough to be a plausible typo. */
typedef struct jrn_suggester {
    const char *wanted;
    size_t limit;
    const char *best;
    size_t best_distance;
} jrn_suggester;

void suggest_begin(jrn_suggester *suggester, const char *wanted);
void suggest_consider(jrn_suggester *suggester, const char *candidate);
/* The best candidate, or NULL when none is close. */
const char *suggest_result(const jrn_suggester *suggester);

#endif
