# jrnc.bash - bash completion for jrnc: commands, each command's options, option values, .jrn files.
# Installed as share/bash-completion/completions/jrnc (loaded on demand by bash-completion);
# it needs nothing from bash-completion, so `source jrnc.bash` works on its own too.
# shellcheck shell=bash

_jrnc_commands="check lint fmt diff flow import lsp watch serve site"
_jrnc_common_options="-I --include --use-root --no-prelude --color= -h --help"
_jrnc_lint_rules="undeclared-loop empty-stage stage-without-kpi orphan-touchpoint
persona-without-journey persona-mismatch backstage-touchpoint stale-review too-many-segments
trapped-loop mixed-experience no-owner kpi-without-target effort-spike emotion-gap kpi-missed
kpi-no-data emotion-gap-internal fail-point-without-owner wait-exceeded bad-suppression unknown-rule
unused-suppression"

# The options a command takes (the default command when $1 is empty).
_jrnc_options_of() {
    case $1 in
        "") echo "-f --format= -T --render= -o --output= --view= --stages-per-row --lanes= --persona= --no-mermaid --data --today --theme= --print-theme $_jrnc_common_options --version --print-stdlib-dir" ;;
        check) echo "--data --today $_jrnc_common_options" ;;
        lint) echo "-f --format= --Werror -W -Wno- --today --data -o --output= --list-rules --explain $_jrnc_common_options" ;;
        fmt) echo "--check --diff --color= -h --help" ;;
        diff) echo "-f --format= $_jrnc_common_options" ;;
        flow) echo "-j --journey= -f --format= -o --output= --data --today $_jrnc_common_options" ;;
        import) echo "-o --output= --color= -h --help" ;;
        lsp) echo "-I --include --use-root --no-prelude --data --today --stdio -h --help" ;;
        watch) echo "-f --format= -T --render= -o --output= --view= --stages-per-row --lanes= --persona= --no-mermaid --data --today --theme= $_jrnc_common_options" ;;
        serve) echo "--port= --host= --open --view= --data --today $_jrnc_common_options" ;;
        site) echo "-o --output= -j --jobs= --data --clean --today $_jrnc_common_options" ;;
    esac
}

# The values of option $2 of command $1, as words; "@file" and "@dir" ask for paths.
_jrnc_values_of() {
    if [[ $1 == site ]]; then
        case $2 in
            -o|--output|--data) echo "@dir"; return ;;
            -j|--jobs) echo "@none"; return ;;
        esac
    fi
    case $2 in
        -f|--format)
            case $1 in
                ""|watch) echo "dot json md html csv mermaid" ;;
                lint) echo "gcc json sarif" ;;
                diff|flow) echo "text md json" ;;
            esac ;;
        -T|--render) echo "svg png pdf" ;;
        --view)
            case $1 in
                serve) echo "full canvas spine flow blueprint journey= persona=" ;;
                *) echo "full spine journey= persona= stage= flow canvas blueprint" ;;
            esac ;;
        --lanes) echo "stage doing touchpoints thinking quotes feeling pains delights opportunities kpis owners" ;;
        --host) echo "127.0.0.1 localhost ::1 0.0.0.0" ;;
        --theme) echo "light dark print colorblind" ;;
        --color) echo "auto always never" ;;
        -W|--explain) echo "$_jrnc_lint_rules" ;;
        -o|--output|--data) echo "@file" ;;
        -I|--include|--use-root) echo "@dir" ;;
        --today|-j|--journey|--port|--persona) echo "@none" ;;
    esac
}

# Puts the candidates for the word $2 into COMPREPLY: option values ($1 names the option)
# or, with no option, maps (.jrn files and folders).
_jrnc_complete_value() {
    local values
    values=$(_jrnc_values_of "$_jrnc_command" "$1")
    case $values in
        @none) COMPREPLY=() ;;
        @dir) COMPREPLY=($(compgen -d -- "$2")) ;;
        @file) COMPREPLY=($(compgen -f -- "$2")) ;;
        *) COMPREPLY=($(compgen -W "$values" -- "$2")) ;;
    esac
}

_jrnc() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    local _jrnc_command=""
    case " $_jrnc_commands " in
        *" ${COMP_WORDS[1]:-} "*) (( COMP_CWORD > 1 )) && _jrnc_command=${COMP_WORDS[1]} ;;
    esac
    compopt +o nospace 2>/dev/null

    # --option=value: bash splits it at '=' when '=' is in COMP_WORDBREAKS.
    if [[ $cur == "=" && $prev == -* ]]; then
        _jrnc_complete_value "$prev" ""
        return
    fi
    if [[ $prev == "=" && COMP_CWORD -gt 1 ]]; then
        _jrnc_complete_value "${COMP_WORDS[COMP_CWORD-2]}" "$cur"
        return
    fi
    if [[ $cur == --*=* ]]; then
        _jrnc_complete_value "${cur%%=*}" "${cur#*=}"
        COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
        return
    fi
    if [[ -n $(_jrnc_values_of "$_jrnc_command" "$prev") ]]; then
        _jrnc_complete_value "$prev" "$cur"
        return
    fi

    if [[ $cur == -Wno-* && $_jrnc_command == lint ]]; then
        COMPREPLY=($(compgen -P -Wno- -W "$_jrnc_lint_rules" -- "${cur#-Wno-}"))
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_jrnc_options_of "$_jrnc_command")" -- "$cur"))
    elif [[ $_jrnc_command == import ]]; then
        # jrnc import mermaid FILE: the format, then Mermaid or Markdown files.
        if (( COMP_CWORD == 2 )); then COMPREPLY=($(compgen -W "mermaid" -- "$cur"))
        else COMPREPLY=($(compgen -f -X '!*.@(mmd|mermaid|md)' -- "$cur") $(compgen -d -- "$cur")); fi
    else
        COMPREPLY=($(compgen -f -X '!*.jrn' -- "$cur") $(compgen -d -- "$cur"))
        (( COMP_CWORD == 1 )) && COMPREPLY+=($(compgen -W "$_jrnc_commands" -- "$cur"))
    fi
    # An option that takes its value after '=' (or a prefix such as -Wno-) goes on without a space.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=-] ]]; then
        compopt -o nospace 2>/dev/null
    fi
}

complete -o filenames -F _jrnc jrnc
