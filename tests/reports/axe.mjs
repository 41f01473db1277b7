// axe.mjs — runs axe-core (WCAG 2.0/2.1 A and AA rules) on jrnc's HTML reports in headless
// chromium (Debian's, driven by puppeteer-core), and prints one line per case in the test
// runner's format (PASS: / FAIL: with indented reasons).
//
//   node tests/reports/axe.mjs SHOTS_DIR NAME=REPORT.html[@SCHEME]...
//
// SCHEME is the reader's prefers-color-scheme to emulate, light (the default) or dark.
// Every report is checked at 1024 and 390 px wide; a violation names its rule, its impact
// and the first elements it was found on. Screenshots at 1024 px go to SHOTS_DIR.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [1024, 390];
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const [shots, ...cases] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
});
let failures = 0;
try {
  const page = await browser.newPage();
  for (const spec of cases) {
    const [name, rest] = spec.split(/=(.*)/s);
    const [file, scheme = "light"] = rest.split("@");
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900 });
      await page.goto(`file://${file}`, { waitUntil: "load" });
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(
        (tags) => axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
        TAGS);
      const label = `axe WCAG 2.1 AA: ${name}, ${scheme} scheme, ${width} px`;
      const reasons = result.violations.map((v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes.slice(0, 3)
          .map((n) => n.target.join(" ") + (n.failureSummary ? ` [${n.failureSummary.split("\n").slice(1, 2).join("").trim()}]` : ""))
          .join("; ")}`);
      if (reasons.length) {
        failures++;
        console.log(`FAIL: ${label}\n${reasons.slice(0, 12).map((r) => `    ${r}`).join("\n")}`);
      } else {
        console.log(`PASS: ${label}`);
      }
      if (width === 1024)
        await page.screenshot({ path: join(shots, `${name}-${scheme}.png`), fullPage: true });
    }
  }
} finally {
  await browser.close();
}
process.exitCode = failures ? 1 : 0;
