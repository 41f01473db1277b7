// layout.mjs — measures jrnc's HTML reports in headless chromium (Debian's, driven by
// puppeteer-core) at phone to desktop widths, and prints one line per case in the test
// runner's format (PASS: / FAIL: with indented reasons).
//
//   node tests/reports/layout.mjs SHOTS_DIR NAME=REPORT.html...
//
// At every width in WIDTHS, for every report:
//   - the page never scrolls sideways (document.scrollingElement.scrollWidth <= clientWidth);
//     wide content scrolls inside its own box;
//   - in the emotion curve no two text elements' boxes overlap, and no label is shortened
//     with "…" (a long title goes to the numbered key instead); the key under the curve
//     lists exactly the numbers its dots carry;
//   - no text in any inline SVG (curve or journey graph) reaches outside its SVG's box:
//     nothing is cut by a viewBox;
//   - the journey graph opens readable: its text is drawn at least MIN_GRAPH_TEXT px tall.
// And once per report, printed (print media, an A4 page's width): nothing overflows the
// page or hides inside a scrolling box, and the navigation bar is not printed.
// Screenshots of the whole page at 390 and 1024 px go to SHOTS_DIR, to be looked at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const WIDTHS = [360, 390, 1024, 1400, 1920];
const SHOT_WIDTHS = new Set([390, 1024]);
const PRINT_WIDTH = 718;       // A4 (210 mm) less 12 mm margins each side, in CSS px
const MIN_GRAPH_TEXT = 9;      // px: the median height of the journey graph's text
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const pass = (name) => console.log(`PASS: ${name}`);
const fail = (name, reasons) => console.log(`FAIL: ${name}\n${reasons.map((r) => `    ${r}`).join("\n")}`);
const verdict = (name, reasons) => (reasons.length ? fail(name, reasons.slice(0, 12)) : pass(name));

// Runs in the page: everything measured, as plain data.
function measure() {
  const rect = (element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width, height: box.height };
  };
  const label = (element) => element.textContent.trim().slice(0, 50);
  const scroller = document.scrollingElement;
  const result = {
    scrollWidth: scroller.scrollWidth,
    clientWidth: scroller.clientWidth,
    widest: [],
    curveTexts: [],
    clipped: [],
    graphTextHeights: [],
    hiddenInScrollers: [],
    navShown: false,
  };
  // What sticks out of the page on the right, for the failure message.
  if (scroller.scrollWidth > scroller.clientWidth) {
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.right > scroller.clientWidth + 1 && element.closest(".scroll, .graph") === null)
        result.widest.push(`${element.tagName.toLowerCase()}.${element.className.baseVal ?? element.className}`
                           + ` reaches ${Math.round(box.right)} px: "${label(element).slice(0, 30)}"`);
    }
    result.widest = result.widest.slice(-4);
  }
  for (const text of document.querySelectorAll("svg.curve text"))
    if (text.textContent.trim() !== "") result.curveTexts.push({ text: label(text), box: rect(text) });
  result.dotNumbers = [...document.querySelectorAll("svg.curve text.number")].map((t) => t.textContent.trim());
  result.keyNumbers = [...document.querySelectorAll("ol.curvekey > li")].map((li) => String(li.value));
  for (const svg of document.querySelectorAll("main svg")) {
    const frame = rect(svg);
    if (frame.width === 0) continue;
    for (const text of svg.querySelectorAll("text")) {
      const box = rect(text);
      if (box.width === 0) continue;
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5
          || box.bottom > frame.bottom + 0.5)
        result.clipped.push(`"${label(text)}" at ${Math.round(box.left)}..${Math.round(box.right)} x `
                            + `${Math.round(box.top)}..${Math.round(box.bottom)} outside its svg `
                            + `${Math.round(frame.left)}..${Math.round(frame.right)} x `
                            + `${Math.round(frame.top)}..${Math.round(frame.bottom)}`);
    }
  }
  for (const text of document.querySelectorAll("#graph svg text")) {
    const box = rect(text);
    if (box.height > 0) result.graphTextHeights.push(box.height);
  }
  for (const box of document.querySelectorAll(".scroll, .graph, .figure"))
    if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).display !== "none")
      result.hiddenInScrollers.push(`${box.className} in #${box.closest("section")?.id}: `
                                    + `${box.scrollWidth} px of content in ${box.clientWidth} px`);
  const nav = document.querySelector("nav");
  result.navShown = nav !== null && getComputedStyle(nav).display !== "none";
  return result;
}

function overlaps(texts) {
  const found = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].box, b = texts[j].box;
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > 0.5 && down > 0.5) found.push(`"${texts[i].text}" overlaps "${texts[j].text}"`);
    }
  return found;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}

async function checkWidth(page, name, file, width, shots) {
  await page.setViewport({ width, height: 900 });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  const m = await page.evaluate(measure);
  const at = `${name} at ${width} px`;
  verdict(`html layout: ${at}: no sideways scrolling`,
          m.scrollWidth > m.clientWidth
            ? [`the page is ${m.scrollWidth} px wide in a ${m.clientWidth} px window`, ...m.widest] : []);
  verdict(`html layout: ${at}: emotion-curve labels neither overlap nor are shortened`,
          [...overlaps(m.curveTexts),
           ...m.curveTexts.filter((t) => t.text.includes("…")).map((t) => `"${t.text}" is shortened`)]);
  verdict(`html layout: ${at}: no SVG text cut by its viewBox`, m.clipped);
  verdict(`html layout: ${at}: every numbered dot of the curve is in its key, and only those`,
          m.dotNumbers.join(" ") === m.keyNumbers.join(" ") ? []
            : [`dots ${m.dotNumbers.join(" ") || "none"}; key ${m.keyNumbers.join(" ") || "none"}`]);
  const height = median(m.graphTextHeights);
  verdict(`html layout: ${at}: the journey graph opens readable`,
          height >= MIN_GRAPH_TEXT ? []
            : [`its text is ${height.toFixed(1)} px tall (median of ${m.graphTextHeights.length}); `
               + `at least ${MIN_GRAPH_TEXT} px is readable`]);
  if (SHOT_WIDTHS.has(width))
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
}

async function checkPrint(page, name, file) {
  await page.emulateMediaType("print");
  await page.setViewport({ width: PRINT_WIDTH, height: 1000 });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  const m = await page.evaluate(measure);
  const reasons = [];
  if (m.scrollWidth > m.clientWidth) reasons.push(`the page is ${m.scrollWidth} px wide on a ${m.clientWidth} px sheet`, ...m.widest);
  reasons.push(...m.hiddenInScrollers.map((h) => `cut off on paper: ${h}`));
  if (m.navShown) reasons.push("the navigation bar is printed");
  verdict(`html print: ${name} fits an A4 page's width, nothing hidden in a scrolling box`, reasons);
  await page.emulateMediaType(null);
}

async function main() {
  const [shots, ...reports] = process.argv.slice(2);
  mkdirSync(shots, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--no-first-run", "--font-render-hinting=none"],
  });
  try {
    const page = await browser.newPage();
    for (const report of reports) {
      const [name, file] = report.split(/=(.*)/s);
      for (const width of WIDTHS) await checkWidth(page, name, file, width, shots);
      await checkPrint(page, name, file);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.log(`FAIL: html layout: the browser test ran\n    ${String(error.stack || error).split("\n").join("\n    ")}`);
  process.exit(1);
});
