#!/usr/bin/env bash
# seconds: 90
# sanitizer seconds: 125
# Site suite: `jrnc site` over tests/site/portfolio (maps sharing personas, teams and
# channels through `use`, a library only used, a map with an error, hostile titles), over
# the examples, and over a generated portfolio of 300 maps: which files are maps, the exit
# status, every page there and every link resolving (tests/site/check_site.py crawls the
# site), incremental rebuilds (only the maps whose files or data changed, said on stderr),
# --clean, maps that disappear, -j1 and -j2 writing the same site, and the pages in headless
# chromium (tests/site/browser.mjs: no sideways scrolling, no overlapping text, axe-core).
# Screenshots are left in build/site/ for a person to look at; the sanitizer run holds the
# pages to the release build's instead (tests/lib.sh).
set -u
. "$JRN_ROOT/tests/lib.sh"
data="$JRN_ROOT/tests/site"
shots="$JRN_ROOT/build/${JRN_TEST_LABEL:-site}"
cd "$TMP_DIR" || exit 2
export SOURCE_DATE_EPOCH=1796083200   # 2026-12-01: review ages do not change with the day

# A copy of the portfolio the incremental cases may change.
cp -r "$data/portfolio" portfolio
cp -r "$data/data" data
site() { "$JRNC" site portfolio -o out --data data "$@"; }

site -j2 >first.out 2>first.err
status=$?
check "site: a portfolio with a broken map exits 1" test "$status" -eq 1
check "site: five maps found in seven files (the libraries shared/*.jrn are no maps)" \
    grep -q '5 maps in 7 .jrn files; compiling 5, 0 up to date' first.err
check "site: the maps are the files that declare a map or that nobody uses" \
    sh -c '[ "$(ls out/maps | tr "\n" " ")" = "portfolio-broken.html portfolio-care-billing.html portfolio-care-support.html portfolio-onboarding.html portfolio-sketch.html " ]'
check "site: the broken map's errors are on stderr and on its page" \
    sh -c 'grep -q "broken.jrn:4:10: error: unknown team" first.err && grep -q "unknown team &#39;nobody_team&#39;" out/maps/portfolio-broken.html'
check "site: the broken map is listed red in the index" \
    python3 -c 'import re,sys; t=open("out/index.html").read(); sys.exit(0 if re.search(r"<tr class=\"error\"><td><a href=\"maps/portfolio-broken.html\">", t) else 1)'
for page in index.html directory.html heat.html kpis.html lint.html personas/buyer.html personas/admin.html \
            teams/cs.html teams/billing.html channels/portal.html channels/hotline.html channels/web.html; do
    check "site: $page is written" test -s "out/$page"
done
check "site: the prelude's channels that no map uses get no page" test ! -e out/channels/email.html
check "site: every map that compiles has a views page, the broken one none" \
    sh -c '[ "$(ls out/views | tr "\n" " ")" = "portfolio-care-billing.html portfolio-care-support.html portfolio-onboarding.html portfolio-sketch.html " ]'
views() { python3 -c 'import re,sys; t=open(sys.argv[1]).read(); print(re.findall(r"<section id=\"view-\d+\"><h2>([^<]*)</h2>\n<div class=\"picture\"[^>]*>\n<svg", t))' "$1"; }
check "site: a views page draws the spine and each journey" \
    test "$(views out/views/portfolio-onboarding.html)" = "['Spine', 'Journey: Getting started']"
check "site: ... and links back to the map's report" \
    grep -q 'href="../maps/portfolio-onboarding.html"' out/views/portfolio-onboarding.html
check "site: ... and the flow where a hop has a rate (support's journey; onboarding's is a plain chain)" \
    test "$(views out/views/portfolio-care-support.html)" = "['Spine', 'Flow', 'Journey: Getting help']"
mkdir -p many
python3 -c '
print("map \"Many journeys\"\npersona p \"P\"\nstage s \"S\" {\n  touchpoint a \"A\"\n  touchpoint b \"B\"\n}")
for j in range(30): print(f"journey j{j:02} \"J{j:02}\" for p {{ a -> b }}")' >many/many.jrn
"$JRNC" site many -o many-out 2>/dev/null
journeys=$(python3 -c 'print(["Spine"] + [f"Journey: J{j:02}" for j in range(24)])')
check "site: a map of 30 journeys draws the first 24 on its views page ..." \
    test "$(views many-out/views/many-many.html)" = "$journeys"
check "site: ... and says how to draw the others" \
    grep -q '<p>The first 24 of 30 journeys are drawn; <code>jrnc --view journey=ID</code> draws any other.</p>' many-out/views/many-many.html
check "site: a map's page links to its views page" grep -q 'href="../views/portfolio-onboarding.html"' out/maps/portfolio-onboarding.html
check "site: each compiled map's findings are on its lint page, the broken map's errors on its error page" \
    sh -c '[ "$(ls out/lint | tr "\n" " ")" = "portfolio-care-billing.html portfolio-care-support.html portfolio-onboarding.html portfolio-sketch.html " ] && grep -q "<code>stage-without-kpi</code>" out/lint/portfolio-sketch.html'
check "site: the lint summary counts each map's findings by severity and links to them" \
    python3 -c 'import sys; t=open("out/lint.html").read(); sys.exit(0 if "<a href=\"lint/portfolio-onboarding.html\">every finding</a>" in t and "<a href=\"maps/portfolio-broken.html\">broken.jrn</a> <span class=\"quiet\">(its errors)</span>" in t else 1)'
check "site: every link and asset resolves, relative, and no user text became markup" python3 "$data/check_site.py" out
check "site: the persona page lists each map and its touchpoints for the persona" \
    sh -c 'grep -q "Kick-off call" out/personas/buyer.html && grep -q "Bill &lt;img src=x onerror=alert(1)&gt;" out/personas/buyer.html && ! grep -q "Hotline call" out/personas/buyer.html'
check "site: a map's page links to the portfolio pages of its personas and teams" \
    grep -q 'href="../personas/buyer.html">Buyer</a>' out/maps/portfolio-onboarding.html
check "site: the KPI roll-up counts onboarding's csat as missed (3.9 against 4.2)" \
    python3 -c 'import sys; t=open("out/kpis.html").read(); sys.exit(0 if "Missed KPIs" in t and "3.9" in t else 1)'
check "site: support's review of 2024-01-15 is stale on 2026-12-01" grep -q 'stale: 1051 days' out/index.html
check "site: hostile titles stay text" \
    sh -c '! grep -q "<script>alert" out/*.html out/*/*.html && grep -q "Billing &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" out/index.html'
check "site: a hostile owner stays text in the index and on its team page" \
    sh -c 'grep -q "Ledger &lt;img src=x onerror=alert(2)&gt; &amp; &quot;Co&quot;" out/index.html && grep -q "<h1>Ledger &lt;img" out/teams/ledger.html'

# The crawler can fail: a dangling link and injected markup are caught.
cp -r out broken-site
printf '<a href="maps/nowhere.html">x</a><img src="x">' >> broken-site/heat.html
expect_exit_output "site: the crawler catches a dangling link and an <img>" 1 "names no file" \
    python3 "$data/check_site.py" broken-site

# Incremental: nothing changed, nothing compiled.
site >second.out 2>second.err
check "site: a second run compiles only the map with errors, and shows them again" \
    sh -c 'grep -q "compiling 1, 4 up to date" second.err && grep -q "broken.jrn again: it has errors" second.err && grep -q "unknown team" second.err'
touch portfolio/shared/channels.jrn
expect_exit_output "site: touching a file without changing it compiles nothing new" 1 "compiling 1, 4 up to date" site
echo '# a comment' >> portfolio/shared/channels.jrn
site >used.out 2>used.err
check "site: a changed library recompiles exactly its four users, each said" \
    sh -c 'grep -q "compiling 4, 1 up to date" used.err && [ "$(grep -c "again: .*channels.jrn changed" used.err)" = 4 ] && ! grep -q "sketch.jrn again" used.err'
echo '# a comment' >> portfolio/care/support.jrn
expect_exit_output "site: a changed map recompiles only itself (and the broken one)" 1 "compiling 2, 3 up to date" site
echo 'welcome,csat,4.4,2026-07-31' >> data/onboarding.csv
site >data.out 2>data.err
check "site: changed data recompiles only its map, which now meets its KPI" \
    sh -c 'grep -q "compiling portfolio/onboarding.jrn again: data/onboarding.csv changed" data.err && grep -q "compiling 2, 3 up to date" data.err && ! grep -q "badge bad\">1</span>" out/index.html'
expect_exit_output "site: --clean compiles every map" 1 "compiling 5, 0 up to date" site --clean
rm portfolio/sketch.jrn
expect_exit_output "site: a map that is gone loses its page" 1 "removed maps/portfolio-sketch.html" site
check "site: ... and the site still links only to what exists" \
    sh -c 'test ! -e out/maps/portfolio-sketch.html && test ! -e out/views/portfolio-sketch.html && python3 "$1" out' sh "$data/check_site.py"
sed -i 's/nobody_team/cs/' portfolio/broken.jrn
expect_exit "site: once the broken map is fixed the site exits 0" 0 site
check "site: ... and its row is no longer red" sh -c '! grep -q "class=\"error\"" out/index.html'
check "site: ... and it has a views page" test -s out/views/portfolio-broken.html
echo 'stage late "Late" { touchpoint late_call "Call" { channel: no_such_channel } }' >> portfolio/broken.jrn
expect_exit "site: a map broken again exits 1" 1 site
check "site: ... and loses its views page, which would show what is no longer true" test ! -e out/views/portfolio-broken.html

# Usage errors.
expect_exit_output "site: no -o is a usage error" 2 "no site folder" "$JRNC" site portfolio
expect_exit_output "site: -j 0 is a usage error" 2 "-j takes a number" "$JRNC" site portfolio -o out -j 0
expect_exit_output "site: a DIR that is no folder is a usage error" 2 "is not a folder" "$JRNC" site nowhere -o out
expect_exit_output "site: --data must be a folder" 2 "--data takes a folder" "$JRNC" site portfolio -o out --data data/onboarding.csv
expect_exit_output "site: an unwritable site folder is an I/O error" 2 "cannot" "$JRNC" site portfolio -o /proc/jrnc-site
touch a-file
expect_exit_output "site: a site folder that is a file is an I/O error" 2 "Not a directory" "$JRNC" site portfolio -o a-file

# The examples and the test maps, two DIRs at once.
expect_exit "site: the examples and the reports' test maps build (one of them is broken)" 1 \
    "$JRNC" site "$JRN_ROOT/examples" "$JRN_ROOT/tests/reports" -o examples-site
check "site: the examples' site links resolve" python3 "$data/check_site.py" examples-site

# A generated portfolio of 300 maps; on 40 of them, -j1 and -j2 write the same site. The
# sanitizer build, five times slower, checks its memory on 60 of them: the scale is the
# release build's to show.
maps=300
case "$JRNC" in */sanitize/*) maps=60 ;; esac
python3 "$data/generate.py" "$maps" 20 generated generated-data
expect_exit "site: $maps generated maps build with -j2" 0 "$JRNC" site generated -o gen -j2 --data generated-data
check "site: the generated site's links resolve" python3 "$data/check_site.py" gen
check "site: a run with nothing changed compiles nothing" \
    sh -c '"$1" site generated -o gen --data generated-data 2>&1 | grep -q "$2 maps in $(($2 + 1)) .jrn files; compiling 0, $2 up to date"' sh "$JRNC" "$maps"
python3 "$data/generate.py" 40 20 small
"$JRNC" site small/area_*/ -o small1 -j1 >/dev/null 2>&1
"$JRNC" site small/area_*/ -o small2 -j2 >/dev/null 2>&1
check "site: -j1 and -j2 write the same pages and records" diff -r small1 small2
# docs/site.md's recipe for CI: two runners each build half of the folders, a final step
# copies their sites together and writes the portfolio pages again without compiling; the
# result is the site one run over every folder writes.
for k in 0 1; do "$JRNC" site $(ls -d small/area_*/ | awk "NR % 2 == $k") -o "shard-$k" >/dev/null 2>&1; done
mkdir -p merged && for shard in shard-*; do cp -r "$shard"/. merged/; done
expect_exit_output "site: the merge step compiles nothing" 0 "compiling 0, 40 up to date" "$JRNC" site small/area_*/ -o merged
check "site: ... and writes the site one run over every folder writes" diff -r merged small2

# Maps that share no stage: the heat map keeps a column for each of the 24 stages most
# maps have and sums the rest of each map in one more.
mkdir spread
for i in $(seq 1 30); do
    printf 'map m%s "Spread %s"\nstage s%s "Own stage %s" { touchpoint t "T" { channel: web  pain: "Slow" } }\nstage common "Common" { touchpoint u "U" { channel: web } }\n' \
        "$i" "$i" "$i" "$i" > "spread/m$i.jrn"
done
"$JRNC" site spread -o spread-out >/dev/null 2>&1
check "site: 31 stage ids make 24 heat columns and Other stages" \
    python3 -c 'import sys; t=open("spread-out/heat.html").read(); sys.exit(0 if t.count("<th scope=\"col\">") == 25 and "<th scope=\"col\">Other stages</th>" in t and ">Common<" in t else 1)'
check "site: ... a map's own stage beyond them is counted under Other stages" \
    python3 -c 'import re,sys; t=open("spread-out/heat.html").read(); row=re.search(r"Spread 30</a></th>(.*?)</tr>", t).group(1); sys.exit(0 if row.endswith("<td class=\"cell h3\">1 of 1</td>") else 1)'

# A worker compiles map after map: a page does not depend on the maps its process drew
# before it (Graphviz numbers an SVG's gradients per process).
late=$(ls small1/maps | tail -1)
check "site: the generated pages have gradients to number" grep -q 'Gradient id="canvas-l_0"' "small1/maps/$late"
cp "small1/maps/$late" late.html
rm "small1/.jrnc-site/${late%.html}.rec"
"$JRNC" site small/area_*/ -o small1 -j1 >alone.out 2>&1
check "site: a page built alone is the page its process built after others" \
    sh -c 'grep -q "compiling 1, 39 up to date" alone.out && cmp late.html "small1/maps/$1"' sh "$late"

# A compiler that dies (here: killed while it compiles a 100,000-touchpoint map, which
# takes it more than a second) is named, and the maps after it still build, in a new
# worker.
python3 "$data/generate.py" 1 100000 dies
mkdir dies/area_1 && cp small/area_1/map_1.jrn dies/area_1/
"$JRNC" site dies -o dies-out -j1 >dies.out 2>&1 &
parent=$!
worker=
for _ in $(seq 6000); do worker=$(pgrep -P "$parent") && break; sleep 0.01; done
[ -n "$worker" ] && kill -KILL "$worker"
wait "$parent"
echo "exit $?" >>dies.out
check "site: a compiler that dies is named, exit 2" \
    sh -c 'grep -q "compiling .dies/area_0/map_0.jrn. failed (the compiler ended abnormally)" dies.out && grep -q "exit 2" dies.out'
check "site: ... and the map after it still gets its page" test -s dies-out/maps/dies-area_1-map_1.html

# The pages in headless chromium.
if ! have node || ! have chromium || [ ! -d "$data/node_modules/puppeteer-core" ] || [ ! -d "$data/node_modules/axe-core" ]; then
    skip "site pages in headless chromium" "node, chromium or tests/site/node_modules is missing (tests/deps/site.sh)"
    exit 0
fi
rm -rf hostile-site
(cd "$data" && "$JRNC" site portfolio -o "$TMP_DIR/hostile-site" --data data >/dev/null 2>&1)
if in_sanitizer_run; then
    # the browser's verdicts are the release run's (tests/lib.sh)
    (cd "$data" && same_as_release "site: the sanitizer build writes the release build's portfolio site" \
        "$TMP_DIR/hostile-site" site portfolio -o OUT --data data)
    same_as_release "site: the sanitizer build writes the release build's many-journeys site" many-out site many -o OUT
    exit 0
fi
node "$data/browser.mjs" "$shots" hostile-site index.html maps/portfolio-onboarding.html \
    maps/portfolio-care-billing.html maps/portfolio-care-support.html maps/portfolio-broken.html \
    views/portfolio-onboarding.html views/portfolio-care-support.html lint/portfolio-care-billing.html heat.html kpis.html \
    lint.html directory.html personas/buyer.html teams/billing.html teams/ledger.html
# The views page that draws the first 24 of 30 journeys and says so.
node "$data/browser.mjs" "$shots" many-out views/many-many.html
