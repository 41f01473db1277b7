// browser.mjs — loads pages of a site jrnc site wrote in headless chromium (Debian's,
// driven by puppeteer-core) from file://, and prints one line per case in the test
// runner's format (PASS: / FAIL: with indented reasons).
//
//   node tests/site/browser.mjs SHOTS_DIR SITE_DIR PAGE...
//
// For every PAGE (relative to SITE_DIR) at 360 and 1280 px (PAGE@SELECTORS checks text
// overlap and accessibility only inside SELECTORS):
//   - the page never scrolls sideways (wide tables scroll inside their own box);
//   - no two pieces of text overlap (the boxes of the lines of different text nodes,
//     SVG text aside: tests/reports/layout.mjs measures the report's pictures);
//   - axe-core finds no serious or critical accessibility violation;
//   - no dialog opens (user text never becomes a script that runs).
// A screenshot of each page at each width goes to SHOTS_DIR, to be looked at.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const WIDTHS = [360, 1280];
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const verdict = (name, reasons) => console.log(reasons.length
  ? `FAIL: ${name}\n${reasons.slice(0, 12).map((r) => `    ${r}`).join("\n")}` : `PASS: ${name}`);

// Runs in the page: sideways overflow and overlapping text, as plain data.
function measure(scope) {
  const scroller = document.scrollingElement;
  const result = { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, overlaps: [] };
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), index = 0; node; node = walker.nextNode(), index++) {
    if (node.textContent.trim() === "" || node.parentElement.closest("svg, script, style")) continue;
    // text a reader cannot see (a closed <details>: Chromium still gives it boxes)
    if (!node.parentElement.checkVisibility()) continue;
    if (scope !== "" && node.parentElement.closest(scope) === null) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (box.width < 1 || box.height < 1) continue;
      lines.push({ index, box, text: node.textContent.trim().slice(0, 30) });
    }
  }
  for (let i = 0; i < lines.length && result.overlaps.length < 8; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i], b = lines[j];
      if (a.index === b.index) continue;
      const wide = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const tall = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (wide > 2 && tall > 3) result.overlaps.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  return result;
}

const [shots, site, ...pages] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
});
try {
  for (const argument of pages) {
    const [name, scope = ""] = argument.split("@");
    for (const width of WIDTHS) {
      const page = await browser.newPage();
      const dialogs = [];
      page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(resolve(site, name)).href, { waitUntil: "load" });
      const found = await page.evaluate(measure, scope);
      const reasons = [];
      if (found.scrollWidth > found.clientWidth)
        reasons.push(`scrolls sideways: ${found.scrollWidth} px of content in ${found.clientWidth} px`);
      reasons.push(...found.overlaps.map((o) => `overlapping text: ${o}`));
      reasons.push(...dialogs.map((d) => `a dialog opened: ${d}`));
      verdict(`site page ${argument} at ${width} px: no sideways scrolling, no overlapping text, no script run`, reasons);
      if (width === WIDTHS[0]) {
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async (within) => {
          const context = within === "" ? document : { include: within.split(",").map((s) => [s]) };
          const results = await window.axe.run(context, { resultTypes: ["violations"] });
          return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
        }, scope);
        verdict(`site page ${argument}: axe-core finds no serious accessibility violation`, violations);
      }
      await page.screenshot({ path: join(shots, `${name.replace(/[/.]/g, "_")}-${width}.png`), fullPage: true });
      await page.close();
    }
  }
} finally {
  await browser.close();
}
