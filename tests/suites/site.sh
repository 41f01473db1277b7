#!/usr/bin/env bash
# seconds: 140
# Site suite: `jrnc site` over tests/site/portfolio (maps sharing personas, teams and
# channels through `use`, a library only used, a map with an error, hostile titles), over
# the examples, and over a generated portfolio of 300 maps: which files are maps, the exit
# status, every page there and every link resolving (tests/site/check_site.py crawls the
# site), incremental rebuilds (only the maps whose files or data changed, said on stderr),
# --clean, maps that disappear, -j1 and -j2 writing the same site, and the pages in headless
# chromium (tests/site/browser.mjs: no sideways scrolling, no overlapping text, axe-core).
# Screenshots are left in build/site/ for a person to look at.
set -u
. "$JRN_ROOT/tests/lib.sh"
data="$JRN_ROOT/tests/site"
shots="$JRN_ROOT/build/site"
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
check "site: ... and the site still links only to what exists" sh -c 'test ! -e out/maps/portfolio-sketch.html && python3 "$1" out' sh "$data/check_site.py"
sed -i 's/nobody_team/cs/' portfolio/broken.jrn
expect_exit "site: once the broken map is fixed the site exits 0" 0 site
check "site: ... and its row is no longer red" sh -c '! grep -q "class=\"error\"" out/index.html'

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
"$JRNC" site small -o small1 -j1 >/dev/null 2>&1
"$JRNC" site small -o small2 -j2 >/dev/null 2>&1
check "site: -j1 and -j2 write the same pages and records" diff -r small1 small2

# The pages in headless chromium.
if ! have node || ! have chromium || [ ! -d "$data/node_modules/puppeteer-core" ] || [ ! -d "$data/node_modules/axe-core" ]; then
    skip "site pages in headless chromium" "node, chromium or tests/site/node_modules is missing (tests/deps/site.sh)"
    exit 0
fi
rm -rf hostile-site
(cd "$data" && "$JRNC" site portfolio -o "$TMP_DIR/hostile-site" --data data >/dev/null 2>&1)
node "$data/browser.mjs" "$shots" hostile-site index.html "maps/portfolio-onboarding.html@.sitebar,.siteshare" \
    "maps/portfolio-care-billing.html@.sitebar,.siteshare" maps/portfolio-broken.html heat.html kpis.html \
    lint.html directory.html personas/buyer.html teams/billing.html teams/ledger.html
