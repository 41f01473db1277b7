/* data_store.h — inside the data module: how the CSV loader finds the model's names and
 * files a measurement. Everything else reads measured data through data.h. */
#ifndef JRN_DATA_STORE_H
#define JRN_DATA_STORE_H

#include "jrn/data.h"
#include "jrn/suggest.h"

const jrn_model *data_model(const jrn_actuals *actuals);
jrn_arena *data_arena(const jrn_actuals *actuals);

/* The touchpoint, stage, journey or metric (kind) with this id, or NULL. */
const jrn_element *data_find(const jrn_actuals *actuals, jrn_kind kind, const char *id);
/* Offers every id of kind to the suggester, in declaration order. */
void data_suggest(const jrn_actuals *actuals, jrn_kind kind, jrn_suggester *suggester);
/* The hop from -> to of journey, or NULL. */
const jrn_hop *data_find_hop(jrn_actuals *actuals, const jrn_journey *journey,
                             const jrn_touchpoint *from, const jrn_touchpoint *to);

/* Files one measurement: it becomes the actual if it is the newest so far, else perhaps
 * the previous value. */
void data_record_metric(jrn_actuals *actuals, const jrn_element *subject, const jrn_metric *metric,
                        const jrn_measurement *measurement);
void data_record_emotion(jrn_actuals *actuals, const jrn_element *subject,
                         const jrn_measurement *measurement);
void data_record_wait(jrn_actuals *actuals, const jrn_touchpoint *touchpoint, const jrn_measurement *measurement);
/* journey NULL: the rate of this from -> to hop in every journey that has it. */
void data_record_rate(jrn_actuals *actuals, const jrn_journey *journey, const jrn_hop *hop,
                      const jrn_measurement *measurement);

#endif
