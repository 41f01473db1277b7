/* calendar.c — dates from the command line and the clock: parsing, today, day counts. */
#include "jrn/calendar.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool calendar_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool calendar_parse_date(const char *text, jrn_date *date)
{
    static const int days_in_month[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-') return false;
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
    }
    int year = atoi(text), month = atoi(text + 5), day = atoi(text + 8);
    if (month < 1 || month > 12 || day < 1) return false;
    int last = days_in_month[month - 1] + (month == 2 && calendar_is_leap_year(year));
    if (day > last) return false;
    *date = (jrn_date){year, month, day};
    return true;
}

jrn_date calendar_today(void)
{
    struct tm parts = {0};
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long seconds = epoch != NULL ? strtoll(epoch, &end, 10) : 0;
    if (epoch != NULL && epoch[0] != '\0' && end != NULL && *end == '\0' && seconds >= 0) {
        time_t pinned = (time_t)seconds;
        gmtime_r(&pinned, &parts);
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &parts);
    }
    return (jrn_date){parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar (the civil-from-days
 * inverse: March-based years, so February's length only matters at a year's end). */
static long calendar_day_number(jrn_date date)
{
    long year = date.year - (date.month <= 2);
    long era = (year >= 0 ? year : year - 399) / 400;
    long year_of_era = year - era * 400;
    long month = date.month > 2 ? date.month - 3 : date.month + 9;
    long day_of_year = (153 * month + 2) / 5 + date.day - 1;
    long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

long calendar_days_between(jrn_date from, jrn_date to)
{
    return calendar_day_number(to) - calendar_day_number(from);
}
