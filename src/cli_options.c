/* cli_options.c — the one option parser every command uses (getopt_long), over the
 * options of every command, each declared once here. */
#include "jrn/cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "jrn/suggest.h"
#include "jrn/terminal_text.h"

/* How an option is spelt and what its value is. */
typedef struct cli_option_spec {
    const char *long_name;   /* without the dashes; NULL: short only */
    char short_name;         /* 0: long only */
    const char *needs;       /* the value, as "option '-f' needs a format" names it; NULL: none */
    jrn_cli_option apart;    /* what the option means with its value in the next argument
                              * (-W RULE), when that differs from written together (-Wno-RULE) */
} cli_option_spec;

/* Every option of every command, declared once. */
static const cli_option_spec cli_options[CLI_OPTION_COUNT] = {
    [CLI_HELP] = {.long_name = "help", .short_name = 'h'},
    [CLI_INCLUDE] = {.long_name = "include", .short_name = 'I', .needs = "a folder"},
    [CLI_NO_PRELUDE] = {.long_name = "no-prelude"},
    [CLI_USE_ROOT] = {.long_name = "use-root", .needs = "a folder"},
    [CLI_COLOR] = {.long_name = "color", .needs = "auto, always or never"},
    [CLI_FORMAT] = {.long_name = "format", .short_name = 'f', .needs = "a format"},
    [CLI_OUTPUT] = {.long_name = "output", .short_name = 'o', .needs = "a file name"},
    [CLI_DATA] = {.long_name = "data", .needs = "a CSV file"},
    [CLI_RENDER] = {.long_name = "render", .short_name = 'T', .needs = "a format"},
    [CLI_VIEW] = {.long_name = "view", .needs = "a view"},
    [CLI_STAGES_PER_ROW] = {.long_name = "stages-per-row", .needs = "a number"},
    [CLI_NO_MERMAID] = {.long_name = "no-mermaid"},
    [CLI_LANES] = {.long_name = "lanes", .needs = "a list of lanes"},
    [CLI_PERSONA] = {.long_name = "persona", .needs = "a persona id"},
    [CLI_VERSION] = {.long_name = "version"},
    [CLI_PRINT_STDLIB_DIR] = {.long_name = "print-stdlib-dir"},
    [CLI_JOURNEY] = {.long_name = "journey", .short_name = 'j', .needs = "a journey id"},
    [CLI_CHECK] = {.long_name = "check"},
    [CLI_DIFF] = {.long_name = "diff"},
    [CLI_WARNING] = {.short_name = 'W', .needs = "a rule", .apart = CLI_ENABLE_RULE},
    [CLI_WERROR] = {.long_name = "Werror"},
    [CLI_TODAY] = {.long_name = "today", .needs = "a date"},
    [CLI_LIST_RULES] = {.long_name = "list-rules"},
    [CLI_EXPLAIN] = {.long_name = "explain", .needs = "a rule"},
    [CLI_STDIO] = {.long_name = "stdio"},
    [CLI_PORT] = {.long_name = "port", .needs = "a port number"},
    [CLI_HOST] = {.long_name = "host", .needs = "an address"},
    [CLI_OPEN] = {.long_name = "open"},
    [CLI_JOBS] = {.long_name = "jobs", .short_name = 'j', .needs = "a number"},
    [CLI_CLEAN] = {.long_name = "clean"},
    [CLI_THEME] = {.long_name = "theme", .needs = "light, dark, print, colorblind or a theme file"},
    [CLI_PRINT_THEME] = {.long_name = "print-theme"},
};

/* getopt_long returns a long option's id above every character it can return. */
enum { CLI_LONG_BASE = 256 };

/* The getopt_long tables of one command. */
typedef struct cli_tables {
    /* "-" hands arguments over in order, ":" tells a missing value from an unknown option;
     * then at most two characters per option. */
    char shorts[2 + 2 * CLI_OPTION_COUNT + 1];
    struct option longs[CLI_OPTION_COUNT + 1];
} cli_tables;

static void cli_build_tables(uint64_t taken, cli_tables *tables)
{
    size_t short_length = 0, long_count = 0;
    tables->shorts[short_length++] = '-';
    tables->shorts[short_length++] = ':';
    for (int id = 0; id < CLI_OPTION_COUNT; id++) {
        const cli_option_spec *spec = &cli_options[id];
        if ((taken & CLI_TAKES(id)) == 0) continue;
        if (spec->short_name != 0) {
            tables->shorts[short_length++] = spec->short_name;
            if (spec->needs != NULL) tables->shorts[short_length++] = ':';
        }
        if (spec->long_name != NULL) {
            tables->longs[long_count++] = (struct option){spec->long_name,
                                                         spec->needs != NULL ? required_argument : no_argument,
                                                         NULL, CLI_LONG_BASE + id};
        }
    }
    tables->shorts[short_length] = '\0';
    tables->longs[long_count] = (struct option){NULL, 0, NULL, 0};
}

/* The option getopt_long returned as code (or named in optopt after a missing value): a
 * long option's id above CLI_LONG_BASE, a short option's character. */
static jrn_cli_option cli_returned_option(uint64_t taken, int code)
{
    if (code >= CLI_LONG_BASE) return (jrn_cli_option)(code - CLI_LONG_BASE);
    for (int id = 0; id < CLI_OPTION_COUNT; id++) {
        if ((taken & CLI_TAKES(id)) != 0 && cli_options[id].short_name == code) return (jrn_cli_option)id;
    }
    return CLI_ARGUMENT;
}

/* The name of a long option as typed ("--form=x" gives "form"), in the arena. */
static const char *cli_typed_long_name(jrn_arena *arena, const char *typed)
{
    return arena_strndup(arena, typed + 2, strcspn(typed + 2, "="));
}

/* typed is no option of the command; near is the long option it abbreviates, or NULL. */
static int cli_unknown_option(jrn_cli *cli, const jrn_cli_command *command, const char *typed, const char *near)
{
    if (near != NULL) return cli_usage_error(command->name, "unknown option '%s'; did you mean '--%s'?", typed, near);
    if (strncmp(typed, "--", 2) == 0) {
        const char *name = cli_typed_long_name(cli->arena, typed);
        jrn_suggester suggester;
        suggest_begin(&suggester, name);
        for (int id = 0; id < CLI_OPTION_COUNT; id++) {
            const cli_option_spec *spec = &cli_options[id];
            if ((command->options & CLI_TAKES(id)) == 0 || spec->long_name == NULL) continue;
            if (strcmp(spec->long_name, name) == 0 && typed[2 + strlen(name)] == '=') {
                return cli_usage_error(command->name, "option '--%s' takes no value", name);
            }
            suggest_consider(&suggester, spec->long_name);
        }
        const char *suggestion = suggest_result(&suggester);
        if (suggestion != NULL) {
            return cli_usage_error(command->name, "unknown option '%s'; did you mean '--%s'?", typed, suggestion);
        }
    }
    return cli_usage_error(command->name, "unknown option '%s'", typed);
}

static void cli_add_include_dir(jrn_cli *cli, const char *folder)
{
    size_t count = cli->compile.include_dir_count;
    ARENA_PUSH(cli->arena, cli->include_dirs, count, folder);
    cli->compile.include_dirs = cli->include_dirs;
    cli->compile.include_dir_count = count;
}

/* --today DATE: strictly YYYY-MM-DD, a day that exists. */
static int cli_take_today(jrn_cli *cli, const jrn_cli_command *command, const char *value)
{
    jrn_date_problem problem = date_parse(value, &cli->today);
    if (problem != DATE_VALID) {
        char reason[64];
        return cli_usage_error(command->name, "--today takes a date as YYYY-MM-DD, not '%s' (%s)", value,
                               date_problem_reason(problem, cli->today, reason, sizeof reason));
    }
    cli->today_given = true;
    return CLI_GO_ON;
}

/* Today without --today: SOURCE_DATE_EPOCH (seconds since 1970 in UTC, for reproducible
 * runs) when it is set, else the local date. A SOURCE_DATE_EPOCH that is not such a number
 * is a usage error rather than silently ignored: the run would not be reproducible. */
static int cli_default_today(jrn_cli *cli, const jrn_cli_command *command)
{
    struct tm parts = {0};
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch == NULL) {
        time_t now = time(NULL);
        if (localtime_r(&now, &parts) == NULL) return cli_usage_error(command->name, "cannot tell today's date");
    } else {
        /* Digits only, as the reproducible-builds convention writes it: no sign, no blank. */
        size_t digits = strspn(epoch, "0123456789");
        errno = 0;
        long long seconds = strtoll(epoch, NULL, 10);
        time_t pinned = (time_t)seconds;
        if (epoch[0] == '\0' || epoch[digits] != '\0' || errno == ERANGE || (long long)pinned != seconds ||
            gmtime_r(&pinned, &parts) == NULL) {
            jrn_strbuf shown = STRBUF_INIT;
            terminal_text_put(&shown, epoch, strlen(epoch) > 40 ? 40 : strlen(epoch));
            int status = cli_usage_error(command->name,
                                         "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC "
                                         "(digits only) that is a date, not '%s'; or pass --today YYYY-MM-DD",
                                         strbuf_text(&shown));
            strbuf_free(&shown);
            return status;
        }
    }
    cli->today = (jrn_date){parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
    return CLI_GO_ON;
}

/* A folder 'use' may read from, kept as its real path (symbolic links and ".." resolved)
 * so that a used file's real path can be compared with it. from names where the folder
 * was given ("--use-root", "JRN_USE_ROOTS") in the usage error for one that is no folder. */
static int cli_add_use_root(jrn_cli *cli, const jrn_cli_command *command, const char *from, const char *folder)
{
    char resolved[PATH_MAX];
    struct stat info;
    if (realpath(folder, resolved) == NULL) {
        return cli_usage_error(command->name, "%s: cannot use '%s' as a root: %s", from, folder, strerror(errno));
    }
    if (stat(resolved, &info) != 0 || !S_ISDIR(info.st_mode)) {
        return cli_usage_error(command->name, "%s: '%s' is not a folder", from, folder);
    }
    size_t count = cli->compile.use_root_count;
    ARENA_PUSH(cli->arena, cli->use_roots, count, arena_strdup(cli->arena, resolved));
    cli->compile.use_roots = cli->use_roots;
    cli->compile.use_root_count = count;
    return CLI_GO_ON;
}

/* JRN_USE_ROOTS: folders separated by ':' (empty entries skipped). Set to something that
 * names no folder at all, it is a mistake, never "no confinement". */
static int cli_add_use_roots_variable(jrn_cli *cli, const jrn_cli_command *command)
{
    const char *cursor = cli->use_roots_variable;
    if (cursor == NULL || cursor[0] == '\0') return CLI_GO_ON;
    size_t taken = 0;
    while (*cursor != '\0') {
        size_t length = strcspn(cursor, ":");
        if (length > 0) {
            int status = cli_add_use_root(cli, command, "JRN_USE_ROOTS", arena_strndup(cli->arena, cursor, length));
            if (status != CLI_GO_ON) return status;
            taken++;
        }
        cursor += length + (cursor[length] == ':');
    }
    if (taken == 0) return cli_usage_error(command->name, "JRN_USE_ROOTS names no folder: '%s'", cli->use_roots_variable);
    return CLI_GO_ON;
}

/* The options every command handles alike; CLI_GO_ON or an exit status. */
static int cli_take_shared(jrn_cli *cli, const jrn_cli_command *command, jrn_cli_option option,
                           const char *value, void *request)
{
    switch (option) {
    case CLI_HELP:
        return cli_print(command->name, command->help);
    case CLI_INCLUDE:
        cli_add_include_dir(cli, value);
        return CLI_GO_ON;
    case CLI_NO_PRELUDE:
        cli->compile.no_prelude = true;
        return CLI_GO_ON;
    case CLI_TODAY:
        return cli_take_today(cli, command, value);
    case CLI_USE_ROOT:
        return cli_add_use_root(cli, command, "--use-root", value);
    case CLI_COLOR:
        if (strcmp(value, "always") == 0) cli->color = true;
        else if (strcmp(value, "never") == 0) cli->color = false;
        else if (strcmp(value, "auto") != 0) {
            return cli_usage_error(command->name, "--color takes auto, always or never, not '%s'", value);
        }
        return CLI_GO_ON;
    default:
        return command->take(cli, request, option, value);
    }
}

int cli_parse(jrn_cli *cli, const jrn_cli_command *command, int argc, char **argv, void *request)
{
    cli_tables tables;
    cli_build_tables(command->options, &tables);
    /* getopt's state is the C library's: start it afresh, and print nothing of its own. */
    optind = 0;
    opterr = 0;
    int status = CLI_GO_ON;
    while (status == CLI_GO_ON) {
        /* The element getopt reads next; "-" mode keeps arguments in order, so it is the
         * one the option or argument it returns was written in. */
        const char *typed = argv[optind > 0 ? optind : 1];
        int code = getopt_long(argc, argv, tables.shorts, tables.longs, NULL);
        if (code == -1) break;
        if (code == 1) {
            status = command->take(cli, request, CLI_ARGUMENT, optarg);
        } else if (code == '?') {
            status = cli_unknown_option(cli, command, typed, NULL);
        } else {
            bool is_long = strncmp(typed, "--", 2) == 0;
            jrn_cli_option option = cli_returned_option(command->options, code == ':' ? optopt : code);
            const cli_option_spec *spec = &cli_options[option];
            /* getopt_long takes any unambiguous prefix; jrnc wants options spelt out, so a
             * new option never changes what an old command line means. */
            if (is_long && strcmp(cli_typed_long_name(cli->arena, typed), spec->long_name) != 0) {
                status = cli_unknown_option(cli, command, typed, spec->long_name);
            } else if (code == ':' && is_long) {
                status = cli_usage_error(command->name, "option '--%s' needs %s", spec->long_name, spec->needs);
            } else if (code == ':') {
                status = cli_usage_error(command->name, "option '-%c' needs %s", spec->short_name, spec->needs);
            } else if (spec->apart != CLI_ARGUMENT && optarg == argv[optind - 1]) {
                status = command->take(cli, request, spec->apart, optarg);
            } else {
                status = cli_take_shared(cli, command, option, spec->needs != NULL ? optarg : NULL, request);
            }
        }
    }
    /* What follows "--" is arguments, whatever it looks like. */
    for (int i = optind; status == CLI_GO_ON && i < argc; i++) {
        status = command->take(cli, request, CLI_ARGUMENT, argv[i]);
    }
    if (status == CLI_GO_ON && (command->options & CLI_TAKES(CLI_TODAY)) && !cli->today_given) {
        status = cli_default_today(cli, command);
    }
    if (status == CLI_GO_ON && (command->options & CLI_TAKES(CLI_USE_ROOT)) != 0) {
        status = cli_add_use_roots_variable(cli, command);
    }
    return status;
}
