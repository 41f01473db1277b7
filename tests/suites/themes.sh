#!/usr/bin/env bash
# seconds: 130
# sanitizer seconds: 45
# Themes suite (--theme light|dark|print|colorblind and theme files, docs/themes.md):
#  - every theme of every view of every example renders through dot, with the theme's
#    ground and text declared; -T png of each theme is left in build/themes/ (the sanitizer run: build/themes-asan/) to look at;
#  - the palettes by numbers (tests/themes/check_palette.py): contrast 4.5:1 for text and
#    3:1 for lines on every ground, journeys apart under simulated colour-vision deficiencies;
#  - never colour alone: pain, delight and both carry marks in the picture and shapes in the
#    report's curve, in every theme;
#  - a theme file is read (--print-theme writes one back the same), its mistakes are located
#    with exact messages;
#  - axe-core (WCAG 2.1 A and AA) finds no violation in the HTML report of every example in
#    the dark theme and, without --theme, in both reader colour schemes (light and dark), and
#    in the print and colorblind themes on the worked example, at 1024 and 390 px
#    (tests/reports/axe.mjs; screenshots in build/themes/axe/); the sanitizer run holds
#    each report to the release build's instead.
set -u
. "$JRN_ROOT/tests/lib.sh"
data="$JRN_ROOT/tests/themes"
shots="$JRN_ROOT/build/${JRN_TEST_LABEL:-themes}"
themes=(light dark print colorblind)
cd "$TMP_DIR" || exit 2
mkdir -p "$shots"

# ---- every theme × example renders (and every view of one example) ----
for theme in "${themes[@]}"; do
    bad=""
    for case in "$JRN_ROOT"/examples/*.jrn "spine:b2b_logistics" "flow:b2b_logistics" "journey=manager_path:b2b_logistics" \
                "stage=support:b2b_logistics" "persona=shipping_clerk:b2b_logistics"; do
        view=full map=$case
        case $case in *:*) view=${case%%:*} map="$JRN_ROOT/examples/${case#*:}.jrn" ;; esac
        name=$(basename "$map" .jrn)
        # jrnc may warn about the map (stderr is its own); dot must render silently
        if ! "$JRNC" --theme "$theme" --view "$view" "$map" > "$name.$view.dot" 2> /dev/null ||
           ! dot -Tsvg "$name.$view.dot" > /dev/null 2> err.txt || [ -s err.txt ]; then
            bad="$bad $name/$view: $(head -c 300 err.txt)"
        fi
    done
    [ -z "$bad" ] && pass "--theme $theme: every example and every view renders through dot, silently" \
        || fail "--theme $theme: renders through dot" "$bad"
    "$JRNC" -T png --theme "$theme" "$JRN_ROOT/examples/acme_post_sales.jrn" -o "$shots/acme_post_sales.$theme.png" &&
        "$JRNC" -T png --theme "$theme" --view spine "$JRN_ROOT/examples/b2b_logistics.jrn" -o "$shots/b2b_logistics.spine.$theme.png" ||
        fail "--theme $theme: -T png"
done
acme="$JRN_ROOT/examples/acme_post_sales.jrn"
"$JRNC" --theme dark "$acme" > dark.dot
grep -q 'bgcolor="#161B22"' dark.dot && grep -q 'fontcolor="#E6EDF3"' dark.dot \
    && pass "--theme dark: the picture declares its ground and text" || fail "--theme dark: ground and text" "$(head -20 dark.dot)"
"$JRNC" "$acme" > light.dot
! grep -q 'bgcolor' light.dot && ! grep -q '^\s*node \[.*fontcolor' light.dot && pass "the default (light) picture leaves Graphviz's black on white implicit" \
    || fail "light: no bgcolor" "$(grep -m3 'bgcolor\|fontcolor' light.dot)"

# ---- the palettes, by numbers ----
for theme in "${themes[@]}"; do "$JRNC" --print-theme --theme "$theme" > "$theme.theme"; done
python3 "$data/check_palette.py" "${themes[@]/%/.theme}"
# the checker can fail: a theme with grey text on white and two blues for journeys
cat > weak.theme <<'THEME'
muted: #AAAAAA
journeys: #0072B2 #0077BB
THEME
"$JRNC" --print-theme --theme ./weak.theme > weak.printed
if python3 "$data/check_palette.py" weak.printed | grep -q 'muted #AAAAAA on background #FFFFFF is 2.32:1' &&
   python3 "$data/check_palette.py" weak.printed | grep -q 'journeys #0072B2 and #0077BB differ by only'; then
    pass "the palette checker finds low contrast and look-alike journeys"
else fail "the palette checker finds low contrast and look-alike journeys" "$(python3 "$data/check_palette.py" weak.printed)"; fi

# ---- never colour alone ----
cat > marks.jrn <<'JRN'
map marks "Marks"

stage s "Stage" {
  touchpoint p "Flagged pain" { pain  emotion: -2 }
  touchpoint d "Flagged delight" { delight  emotion: 2 }
  touchpoint b "Both" { pain: "Slow"  delight: "Kind"  emotion: 0 }
  touchpoint n "Neither" { emotion: 1 }
}
JRN
for theme in "${themes[@]}"; do
    "$JRNC" --theme "$theme" marks.jrn > marks.dot 2> marks.err
    pain=$(grep -c '▼ Pain' marks.dot); delight=$(grep -c '▲ \(Delight\|Moment of delight\)' marks.dot)
    # p and b carry ▼ (b in its band), d and b carry ▲; the legend's both-row carries ▼▲
    if grep -q '▼ Pain point' marks.dot && grep -q '▲ Moment of delight' marks.dot && grep -q '▼ Pain: Slow' marks.dot &&
       grep -q '▲ Delight: Kind' marks.dot && grep -q '>▼▲</FONT> Pain and delight' marks.dot; then
        pass "--theme $theme: pain, delight and both carry marks in the picture and its legend"
    else fail "--theme $theme: marks" "▼ lines: $pain, ▲ lines: $delight" "$(cat marks.err)"; fi
    "$JRNC" -f html --theme "$theme" marks.jrn > marks.html
    shapes=$(grep -o '<\(rect\|circle\|polygon\) class="touchpoint"[^>]*' marks.html | sed 's/ .*//' | sort | uniq -c | tr -s ' ' | paste -sd ',')
    [ "$shapes" = " 2 <circle, 1 <polygon, 1 <rect" ] \
        && pass "--theme $theme: the curve draws pain a square, delight and neither discs (one hollow), both a diamond" \
        || fail "--theme $theme: the curve's shapes" "got: $shapes"
done

# ---- theme files ----
cat > mine.theme <<'THEME'
# my colours
base: dark
pain: #ff0000        # comments after a value start with "# "
journeys: #112233 #445566
THEME
"$JRNC" --theme ./mine.theme "$acme" > mine.dot
grep -q 'bgcolor="#161B22"' mine.dot && grep -q 'color="#FF0000"' mine.dot && grep -q 'color="#112233"' mine.dot \
    && pass "a theme file: base dark, its own pain and journey colours" || fail "a theme file applies" "$(grep -m5 color mine.dot)"
"$JRNC" --print-theme --theme ./mine.theme > mine.printed && "$JRNC" --print-theme --theme ./mine.printed > mine.again &&
    diff <(grep -v '^#' mine.printed) <(grep -v '^#' mine.again) > /dev/null && grep -q '^pain: *#FF0000' mine.printed \
    && pass "--print-theme writes a theme file that reads back the same" || fail "--print-theme round trip" "$(diff mine.printed mine.again)"

theme_error() {   # theme_error NAME STATUS EXPECTED-STDERR FILE-TEXT
    local name=$1 want=$2 expected=$3
    printf '%s' "$4" > bad.theme
    "$JRNC" --theme ./bad.theme "$acme" > /dev/null 2> bad.err; local status=$?
    if [ "$status" -eq "$want" ] && [ "$(cat bad.err)" = "$expected" ]; then pass "theme file: $name"
    else fail "theme file: $name" "exit $status, expected $want" "got:" "$(cat bad.err)" "want:" "$expected"; fi
}
theme_error "an unknown name gets a did-you-mean" 1 "./bad.theme:2:1: error: unknown theme colour 'pian'; did you mean 'pain'?
    2 | pian: #B3261E
      | ^~~~" $'base: light\npian: #B3261E\n'
theme_error "a colour that is not #RRGGBB" 1 "./bad.theme:1:7: error: '#F00' is not a colour: write six hex digits after '#', as in #1F77B4
    1 | text: #F00
      |       ^~~~" $'text: #F00\n'
theme_error "a colour set twice" 1 "./bad.theme:2:1: error: 'text' is set twice
    2 | text: #000000
      | ^~~~
./bad.theme:1:1: note: first set here
    1 | text: #111111
      | ^~~~" $'text: #111111\ntext: #000000\n'
theme_error "base after a colour" 1 "./bad.theme:2:7: error: 'base: dark' must come before the colours it would replace
    2 | base: dark
      |       ^~~~" $'text: #111111\nbase: dark\n'
theme_error "an unknown base" 1 "./bad.theme:1:7: error: no built-in theme 'drak'; did you mean 'dark'?
    1 | base: drak
      |       ^~~~" $'base: drak\n'
theme_error "a line without a colon" 1 "./bad.theme:1:1: error: expected 'NAME: #RRGGBB', as in 'pain: #B3261E'
    1 | pain #B3261E
      | ^~~~" $'pain #B3261E\n'
theme_error "a name without a value" 1 "./bad.theme:1:1: error: 'pain' has no value: write a colour, as in #1F77B4
    1 | pain:
      | ^~~~" $'pain:\n'
theme_error "two colours for one name" 1 "./bad.theme:1:15: error: 'pain' takes one value
    1 | pain: #B3261E #000000
      |               ^~~~~~~" $'pain: #B3261E #000000\n'
theme_error "nine journey colours" 1 "./bad.theme:1:75: error: 'journeys' takes at most 8 colours
    1 | journeys: #000001 #000002 #000003 #000004 #000005 #000006 #000007 #000008 #000009
      |                                                                           ^~~~~~~" \
    $'journeys: #000001 #000002 #000003 #000004 #000005 #000006 #000007 #000008 #000009\n'
theme_error "every mistake at once, in order" 1 "$(printf '%s\n' "./bad.theme:1:1: error: unknown theme colour 'pian'; did you mean 'pain'?" \
    "    1 | pian: #B3261E" "      | ^~~~" "./bad.theme:2:7: error: 'red' is not a colour: write six hex digits after '#', as in #1F77B4" \
    "    2 | text: red" "      |       ^~~")" $'pian: #B3261E\ntext: red\n'
expect_exit_output "--theme with a missing file: exit 2" 2 "cannot read theme file './missing.theme'" \
    "$JRNC" --theme ./missing.theme "$acme"
expect_exit_output "--theme with a misspelt name: exit 2, did-you-mean" 2 "no theme 'drak'; did you mean 'dark'?" \
    "$JRNC" --theme drak "$acme"
expect_exit_output "--print-theme compiles nothing" 2 "prints the theme and compiles nothing" \
    "$JRNC" --print-theme "$acme"

# ---- accessibility of the HTML report: axe-core in headless chromium ----
if ! have node || ! have chromium || [ ! -d "$JRN_ROOT/tests/reports/node_modules/axe-core" ]; then
    skip "axe-core on the HTML reports" "node, chromium or tests/reports/node_modules/axe-core is missing (tests/deps/reports.sh)"
    exit 0
fi
# every example in the light and dark themes (and without --theme in both reader schemes);
# the print and colorblind themes on the worked example with measured data
pages=()
# add_page NAME SCHEMES ARG...: the HTML report jrnc writes with ARG... into NAME.html,
# checked in each reader colour scheme of SCHEMES (in the sanitizer run: held to the
# release build's report, tests/lib.sh)
add_page() {
    local name=$1 schemes=$2 scheme; shift 2
    if ! "$JRNC" -f html "$@" -o "$PWD/$name.html" 2> "$name.err"; then
        fail "axe-core: the $name report is written" "$(head -c 2000 "$name.err")"
    elif in_sanitizer_run; then
        same_as_release "axe-core: the sanitizer build writes the release build's $name report" \
            "$PWD/$name.html" -f html "$@" -o OUT
    else
        for scheme in $schemes; do pages+=("$name=$PWD/$name.html@$scheme"); done
    fi
}
for map in "$JRN_ROOT"/examples/*.jrn; do
    name=$(basename "$map" .jrn)
    add_page "$name.dark" light --theme dark "$map"
    add_page "$name.auto" "light dark" "$map"
done
for theme in print colorblind; do
    add_page "acme_post_sales-data.$theme" light --theme "$theme" --data "$JRN_ROOT/examples/acme_actuals.csv" "$acme"
done
in_sanitizer_run || node "$JRN_ROOT/tests/reports/axe.mjs" "$shots/axe" "${pages[@]}"
exit 0
