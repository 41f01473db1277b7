/* data_value.c — reads the date and value cells of measured data: ISO dates checked against
 * the calendar, numbers, percentages and durations in the .jrn notation. */
#include "jrn/data_value.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool data_parse_date(jrn_arena *arena, const char *text, jrn_date *date, const char **problem)
{
    jrn_date_problem found = date_parse(text, date);
    *problem = NULL;
    if (found == DATE_VALID) return true;
    char reason[64];
    if (found == DATE_NOT_ISO) {
        *problem = arena_printf(arena, "'%s' is not a date: %s", text, date_problem_reason(found, *date, reason, sizeof reason));
    } else {
        *problem = arena_printf(arena, "invalid date '%s': %s", text, date_problem_reason(found, *date, reason, sizeof reason));
    }
    return false;
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
