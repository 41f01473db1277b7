/* commands.h — the subcommands main dispatches to (each in its own cmd_*.c). */
#ifndef JRN_COMMANDS_H
#define JRN_COMMANDS_H

#include "jrn/cli.h"

/* jrnc [-f FORMAT] [-T FORMAT] [-o OUT] [--view VIEW] FILE: the default command. */
int cmd_compile(jrn_cli *cli, int argc, char **argv);
/* jrnc check FILE...: parse and resolve, print diagnostics, no output. */
int cmd_check(jrn_cli *cli, int argc, char **argv);
/* jrnc lint FILE...: compile, then report lint findings (gcc, json or sarif). */
int cmd_lint(jrn_cli *cli, int argc, char **argv);
/* jrnc flow FILE: customers through each journey, solved as an absorbing Markov chain. */
int cmd_flow(jrn_cli *cli, int argc, char **argv);
/* jrnc fmt [--check|--diff] FILE...: rewrite files in the canonical layout. */
int cmd_fmt(jrn_cli *cli, int argc, char **argv);
/* jrnc diff [--format text|md|json] OLD NEW: what changed in the journey. */
int cmd_diff(jrn_cli *cli, int argc, char **argv);
/* jrnc import mermaid FILE [-o OUT]: a Mermaid journey diagram as a .jrn map. */
int cmd_import(jrn_cli *cli, int argc, char **argv);
/* jrnc lsp: the language server on standard input and output. */
int cmd_lsp(jrn_cli *cli, int argc, char **argv);
/* jrnc watch FILE -o OUT: compile again at every save of the map or what it reads. */
int cmd_watch(jrn_cli *cli, int argc, char **argv);
/* jrnc serve FILE: the HTML report on a local web server, redrawn in the page at every save. */
int cmd_serve(jrn_cli *cli, int argc, char **argv);
/* jrnc site DIR... -o OUT/: every map under the DIRs as one cross-linked static site. */
int cmd_site(jrn_cli *cli, int argc, char **argv);

#endif
