/* data_value.c — reads the date and value cells of measured data: ISO dates checked against
 * the calendar, numbers, percentages and durations in the .jrn notation. */
#include "jrn/data_value.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool data_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static bool data_digits(const char *text, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (!isdigit((unsigned char)text[i])) return false;
    }
    return true;
}

bool data_parse_date(jrn_arena *arena, const char *text, jrn_date *date, const char **problem)
{
    static const char *const month_names[] = {
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    };
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    *problem = NULL;
    if (strlen(text) != 10 || !data_digits(text, 4) || text[4] != '-' || !data_digits(text + 5, 2) ||
        text[7] != '-' || !data_digits(text + 8, 2)) {
        *problem = arena_printf(arena, "'%s' is not a date: write it as YYYY-MM-DD, such as 2026-03-31", text);
        return false;
    }
    int year = atoi(text), month = atoi(text + 5), day = atoi(text + 8);
    if (month < 1 || month > 12) {
        *problem = arena_printf(arena, "invalid date '%s': the month must be 01 to 12", text);
        return false;
    }
    int days = month_days[month - 1] + (month == 2 && data_is_leap_year(year));
    if (day < 1 || day > days) {
        *problem = arena_printf(arena, "invalid date '%s': %s %d has %d days", text, month_names[month - 1],
                                year, days);
        return false;
    }
    *date = (jrn_date){year, month, day};
    return true;
}

int data_date_compare(jrn_date a, jrn_date b)
{
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
}

/* Length of a number at text: an optional sign, digits, and optionally '.' and digits. */
static size_t data_number_length(const char *text)
{
    size_t at = 0;
    if (text[at] == '-' || text[at] == '+') at++;
    size_t digits = at;
    while (isdigit((unsigned char)text[at])) at++;
    if (at == digits) return 0;
    if (text[at] == '.') {
        size_t fraction = ++at;
        while (isdigit((unsigned char)text[at])) at++;
        if (at == fraction) return 0;
    }
    return at;
}

static bool data_duration_unit(const char *suffix, jrn_duration_unit *unit)
{
    static const struct { const char *suffix; jrn_duration_unit unit; } units[] = {
        {"min", DURATION_MINUTES}, {"h", DURATION_HOURS}, {"d", DURATION_DAYS},
        {"w", DURATION_WEEKS}, {"mo", DURATION_MONTHS}, {"y", DURATION_YEARS},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(suffix, units[i].suffix) == 0) {
            *unit = units[i].unit;
            return true;
        }
    }
    return false;
}

bool data_parse_quantity(const char *text, jrn_quantity *quantity)
{
    size_t length = data_number_length(text);
    if (length == 0) return false;
    double number = strtod(text, NULL);
    if (!isfinite(number)) return false;
    const char *suffix = text + length;
    while (*suffix == ' ') suffix++;
    memset(quantity, 0, sizeof *quantity);
    quantity->text = text;
    quantity->value = number;
    if (*suffix == '\0') {
        quantity->kind = QUANTITY_NUMBER;
        return true;
    }
    if (strcmp(suffix, "%") == 0) {
        quantity->kind = QUANTITY_PERCENT;
        return true;
    }
    if (!data_duration_unit(suffix, &quantity->duration.unit)) return false;
    quantity->kind = QUANTITY_DURATION;
    quantity->duration.amount = number;
    quantity->value = duration_in_days(quantity->duration);
    return true;
}
