/* data_value.h — a cell of measured data read as a date or as a quantity (a number, a
 * percentage or a duration), written the way .jrn files write them. */
#ifndef JRN_DATA_VALUE_H
#define JRN_DATA_VALUE_H

#include <stdbool.h>

#include "jrn/arena.h"
#include "jrn/model.h"

/* An ISO date, YYYY-MM-DD. On failure returns false and sets *problem to a message
 * (in arena) saying what is wrong. */
bool data_parse_date(jrn_arena *arena, const char *text, jrn_date *date, const char **problem);

/* 42, -1.5, 85%, 30min 4h 2d 3w 6mo 1y (a duration's value is in days). False when the
 * text is none of these. quantity->text points at text. */
bool data_parse_quantity(const char *text, jrn_quantity *quantity);

#endif
