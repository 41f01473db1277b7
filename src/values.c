/* values.c — names of declaration kinds, durations in days, and the one reading of dates:
 * what the shared value types (values.h) mean. */
#include "jrn/values.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const kind_names[KIND_COUNT] = {
    "map", "segment", "persona", "team", "channel", "stage", "touchpoint", "journey",
    "metric", "kpi",
};

const char *kind_name(jrn_kind kind)
{
    return kind < KIND_COUNT ? kind_names[kind] : "declaration";
}

const char *kind_with_article(jrn_kind kind)
{
    static const char *const with_article[KIND_COUNT] = {
        "a map", "a segment", "a persona", "a team", "a channel", "a stage", "a touchpoint",
        "a journey", "a metric", "a kpi",
    };
    return kind < KIND_COUNT ? with_article[kind] : "a declaration";
}

double duration_in_days(jrn_duration duration)
{
    switch (duration.unit) {
    case DURATION_MINUTES: return duration.amount / 1440.0;
    case DURATION_HOURS: return duration.amount / 24.0;
    case DURATION_DAYS: return duration.amount;
    case DURATION_WEEKS: return duration.amount * 7.0;
    case DURATION_MONTHS: return duration.amount * 30.0;
    case DURATION_YEARS: return duration.amount * 365.0;
    }
    return duration.amount;
}

const char *duration_unit_suffix(jrn_duration_unit unit)
{
    static const char *const suffixes[] = {"min", "h", "d", "w", "mo", "y"};
    return unit <= DURATION_YEARS ? suffixes[unit] : "d";
}

static bool date_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int date_days_in_month(int year, int month)
{
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month_days[month - 1] + (month == 2 && date_is_leap_year(year));
}

jrn_date_problem date_parse(const char *text, jrn_date *date)
{
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (text[i] == '\0' || (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9'))) return DATE_NOT_ISO;
    }
    if (text[10] != '\0') return DATE_NOT_ISO;
    int year = atoi(text), month = atoi(text + 5), day = atoi(text + 8);
    *date = (jrn_date){year, month, day};
    if (month < 1 || month > 12) return DATE_BAD_MONTH;
    if (day == 0) return DATE_DAY_ZERO;
    if (day > date_days_in_month(year, month)) return DATE_BAD_DAY;
    return DATE_VALID;
}

const char *date_month_name(int month)
{
    static const char *const month_names[] = {
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    };
    return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

const char *date_problem_reason(jrn_date_problem problem, jrn_date date, char *buffer, size_t size)
{
    switch (problem) {
    case DATE_VALID: return "";
    case DATE_NOT_ISO: return "write it as YYYY-MM-DD, such as 2026-03-31";
    case DATE_BAD_MONTH: return "the month must be 01 to 12";
    case DATE_DAY_ZERO: return "days start at 01";
    case DATE_BAD_DAY:
        snprintf(buffer, size, "%s %d has %d days", date_month_name(date.month), date.year,
                 date_days_in_month(date.year, date.month));
        return buffer;
    }
    return "";
}

int date_compare(jrn_date a, jrn_date b)
{
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
}
