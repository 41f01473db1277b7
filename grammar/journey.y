/* journey.y — the parser: builds the AST of one .jrn file and nothing else (no lookups). */
%require "3.8"
%define api.pure full
%define api.prefix {jrnyy}
%define api.location.type {jrn_location}
%define parse.error detailed
%define parse.lac full
%locations
%expect 0
%param {jrn_parse_context *context}

%code requires {
#include "jrn/parse_context.h"
}

%code {
#include <string.h>

/* bison names its scanner call yylex, and so does flex's header: take flex's
 * declarations under their prefixed names, then point yylex back at ours. */
#undef yylex
#define YYSTYPE JRNYYSTYPE
#define YYLTYPE JRNYYLTYPE
#include "journey.lex.h"
#undef yylex
#define yylex jrnyylex

static int jrnyylex(JRNYYSTYPE *value, JRNYYLTYPE *location, jrn_parse_context *context)
{
    return jrn_scan_lex(value, location, context->scanner);
}

static void jrnyyerror(JRNYYLTYPE *location, jrn_parse_context *context, const char *message)
{
    /* After a limit stopped the scanner, the parser's complaint about the early end
     * would only repeat the real message. */
    if (context->aborted) return;
    /* "error:" already says it is an error; bison's "syntax error, " adds nothing. */
    const char *prefix = "syntax error, ";
    if (strncmp(message, prefix, strlen(prefix)) == 0) message += strlen(prefix);
    if (strncmp(message, "unexpected end of file", 22) == 0 && context->nesting_depth > 0) {
        parse_error(context, *location, "%s: %u block%s still open (a '}' is missing)", message,
                    context->nesting_depth, context->nesting_depth == 1 ? " is" : "s are");
        return;
    }
    parse_error(context, *location, "%s", message);
}

#define YYLLOC_DEFAULT(current, rhs, count)                       \
    do {                                                         \
        if (count) {                                             \
            (current).begin = YYRHSLOC(rhs, 1).begin;            \
            (current).end = YYRHSLOC(rhs, count).end;            \
        } else {                                                 \
            (current).begin = (current).end = YYRHSLOC(rhs, 0).end; \
        }                                                        \
    } while (0)
}

/* One pointer each (see the lists in parse.h): lists are held by their last node. */
%union {
    const char *text;
    jrn_value *value;
    jrn_ast_property *property;
    jrn_ast_member *member;
    jrn_ast_decl *decl;
    jrn_ast_name *name;
    jrn_ast_step *step;
    jrn_kind kind;
}

%token END 0 "end of file"
%token USE "'use'" MAP "'map'" EXTEND "'extend'" IN "'in'" FOR "'for'"
%token SEGMENT "'segment'" PERSONA "'persona'" TEAM "'team'" CHANNEL "'channel'"
%token STAGE "'stage'" TOUCHPOINT "'touchpoint'" JOURNEY "'journey'" METRIC "'metric'" KPI "'kpi'"
%token ARROW "'->'" DOTDOT "'..'"
%token <text> IDENT "identifier"
%token <value> STRING "string" NUMBER "number" PERCENT "percentage" RANGE "range"
%token <value> DATE "date" DURATION "duration"

%type <kind> kind
%type <text> property_name opt_id
%type <value> value opt_title
%type <value> values
%type <name> names opt_in opt_for
%type <member> members member block opt_block
%type <decl> decl map_decl extend_decl
%type <step> chain
%type <property> hop_properties opt_hop_properties hop_property

%%

file:
    %empty
  | file item
  ;

item:
    USE STRING                  { ast_add_use(context, $2, @$); }
  | map_decl                    { ast_add_decl_item(context, $1); }
  | extend_decl                 { ast_add_decl_item(context, $1); }
  | decl                        { ast_add_decl_item(context, $1); }
  | error                       { /* skip to the next declaration keyword */ }
  ;

map_decl:
    MAP opt_id opt_title opt_block
        {
            ast_clause none = {0};
            $$ = ast_new_decl(context, KIND_MAP, @1, $2, @2, $3, none, none, $4, @4, @$);
        }
  ;

extend_decl:
    EXTEND kind IDENT block
        {
            ast_clause none = {0};
            $$ = ast_new_decl(context, $2, @2, $3, @3, NULL, none, none, $4, @4, @$);
            $$->is_extend = true;
            $$->keyword_span = parse_span(context, @1);
        }
  ;

decl:
    kind IDENT opt_title opt_in opt_for opt_block
        {
            $$ = ast_new_decl(context, $1, @1, $2, @2, $3, (ast_clause){$4, @4},
                              (ast_clause){$5, @5}, $6, @6, @$);
        }
  ;

kind:
    SEGMENT         { $$ = KIND_SEGMENT; }
  | PERSONA         { $$ = KIND_PERSONA; }
  | TEAM            { $$ = KIND_TEAM; }
  | CHANNEL         { $$ = KIND_CHANNEL; }
  | STAGE           { $$ = KIND_STAGE; }
  | TOUCHPOINT      { $$ = KIND_TOUCHPOINT; }
  | JOURNEY         { $$ = KIND_JOURNEY; }
  | METRIC          { $$ = KIND_METRIC; }
  | KPI             { $$ = KIND_KPI; }
  ;

opt_id:
    %empty          { $$ = NULL; }
  | IDENT           { $$ = $1; }
  ;

opt_title:
    %empty          { $$ = NULL; }
  | STRING          { $$ = $1; }
  ;

opt_in:
    %empty          { $$ = NULL; }
  | IN names        { $$ = $2; }
  ;

opt_for:
    %empty          { $$ = NULL; }
  | FOR names       { $$ = $2; }
  ;

names:
    IDENT               { $$ = ast_append_name(context, NULL, $1, @1); }
  | names ',' IDENT     { $$ = ast_append_name(context, $1, $3, @3); }
  ;

/* A block's value is its members; where it stands (@) tells an empty block from none. */
opt_block:
    %empty          { $$ = NULL; }
  | block           { $$ = $1; }
  ;

block:
    '{' members '}'     { $$ = $2; }
  ;

members:
    %empty              { $$ = NULL; }
  | members member      { $$ = ast_append_member($1, $2); }
  ;

member:
    property_name ':' values
        {
            $$ = ast_new_property_member(context, ast_new_property(context, $1, @1, $3, @$));
        }
  | IDENT               { $$ = ast_new_flag(context, $1, @1); }
  | decl                { $$ = ast_new_decl_member(context, $1); }
  | chain               { $$ = ast_new_chain(context, $1, @$); }
  | error               { $$ = NULL; }
  ;

/* A declaration keyword right before ':' is a property name: "channel: web".
 * Reaching "name :" means the parser is back in step after an error: report the next
 * mistake at once (bison otherwise stays quiet for three tokens, which would hide an
 * error in every short member that follows a broken one). */
property_name:
    IDENT               { $$ = $1; yyerrok; }
  | kind                { $$ = kind_name($1); yyerrok; }
  ;

values:
    value               { $$ = ast_append_value(NULL, $1); }
  | values ',' value    { $$ = ast_append_value($1, $3); }
  ;

value:
    STRING | NUMBER | PERCENT | RANGE | DATE | DURATION
  | IDENT               { $$ = parse_new_ident_value(context, $1, @1); }
  ;

/* a -> b [rate: 80%] -> c : the props in brackets belong to the hop that ends there. */
chain:
    IDENT ARROW IDENT opt_hop_properties
        {
            jrn_location hop = {@2.begin, @4.end > @3.end ? @4.end : @3.end};
            $$ = ast_chain_add_hop(context, ast_start_chain(context, $1, @1), $3, @3, $4, hop);
        }
  | chain ARROW IDENT opt_hop_properties
        {
            jrn_location hop = {@2.begin, @4.end > @3.end ? @4.end : @3.end};
            $$ = ast_chain_add_hop(context, $1, $3, @3, $4, hop);
        }
  ;

opt_hop_properties:
    %empty                          { $$ = NULL; }
  | '[' hop_properties ']'          { $$ = $2; }
  ;

hop_properties:
    hop_property                    { $$ = ast_append_property(NULL, $1); }
  | hop_properties ',' hop_property { $$ = ast_append_property($1, $3); }
  | hop_properties hop_property     { $$ = ast_append_property($1, $2); }
  ;

hop_property:
    property_name ':' value         { $$ = ast_new_property(context, $1, @1, ast_append_value(NULL, $3), @$); }
  ;

%%
