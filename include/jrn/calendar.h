/* calendar.h — dates from the command line and the clock: parsing YYYY-MM-DD, today's
 * date (pinned by SOURCE_DATE_EPOCH), and days between two dates. */
#ifndef JRN_CALENDAR_H
#define JRN_CALENDAR_H

#include <stdbool.h>

#include "jrn/values.h"

/* Strictly YYYY-MM-DD, and a day that exists; false otherwise (*date untouched). */
bool calendar_parse_date(const char *text, jrn_date *date);
/* Today's date where the user is; SOURCE_DATE_EPOCH (UTC) pins it for reproducible runs. */
jrn_date calendar_today(void);
/* Days from `from` to `to` (negative when `to` is earlier). */
long calendar_days_between(jrn_date from, jrn_date to);

#endif
