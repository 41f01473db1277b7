// live.mjs — drives `jrnc serve`'s page in headless chromium (Debian's, through
// puppeteer-core) while the map is edited on disk, and prints one line per case in the test
// runner's format (PASS: / FAIL: with indented reasons).
//
//   node tests/serve/live.mjs URL MAP
//
// MAP is the file the server watches (a copy of an example whose map has a title); it is
// rewritten here, by rename and in place. The cases:
//   - the page shows the report and the live bar;
//   - a save by rename and a save in place each redraw the page within LIMIT_MS, without a
//     reload (a mark left on window survives), the page scrolled where it was;
//   - a broken map shows its located error in the page, escaped, over the last good
//     picture; the fixed map takes the error away and redraws;
//   - a view chosen in the bar stays chosen across a redraw;
//   - several tabs of one browser all redraw at a save;
//   - the page's script raises nothing and breaks no Content-Security-Policy.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import puppeteer from "puppeteer-core";

const LIMIT_MS = Number(process.env.LIVE_LIMIT_MS || 1000);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const [url, mapPath] = process.argv.slice(2);

const pass = (name) => console.log(`PASS: ${name}`);
const fail = (name, reasons) => console.log(`FAIL: ${name}\n${reasons.map((r) => `    ${r}`).join("\n")}`);
const verdict = (name, reasons) => (reasons.length ? fail(name, reasons) : pass(name));

const original = readFileSync(mapPath, "utf8");
if (!/map "[^"]*"/.test(original)) {
  fail("serve: the test map has a titled map", [`${mapPath} has no 'map "..."'`]);
  process.exit(0);
}
const titled = (tag) => original.replace(/map "([^"]*)"/, `map "$1 ${tag}"`);
const saveByRename = (text) => {
  writeFileSync(`${mapPath}.saving~`, text);
  renameSync(`${mapPath}.saving~`, mapPath);
};
// writeFileSync opens with O_TRUNC, then writes: the truncate-and-write an editor does.
const saveInPlace = (text) => writeFileSync(mapPath, text);

const heading = (page) => page.$eval("h1", (h) => h.textContent).catch(() => "");

// Saves, then waits until every page's <h1> holds tag; the time taken, or a reason.
async function redrawn(pages, save, tag, seconds = 5) {
  const start = Date.now();
  save();
  try {
    await Promise.all(pages.map((page) =>
      page.waitForFunction((t) => (document.querySelector("h1")?.textContent ?? "").includes(t),
                           { timeout: seconds * 1000, polling: "mutation" }, tag)));
  } catch {
    const headings = await Promise.all(pages.map(heading));
    return { reason: `no redraw showing "${tag}" within ${seconds} s: the tabs' <h1> are ${JSON.stringify(headings)}` };
  }
  return { elapsed: Date.now() - start };
}

const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-dev-shm-usage"],
});
const problems = [];
const watchPage = (page) => {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
};
try {
  const page = await browser.newPage();
  watchPage(page);
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(url, { waitUntil: "load" });

  {
    const reasons = [];
    const shown = await page.evaluate(() => ({
      graph: document.querySelector("#graph svg") !== null,
      bar: document.querySelector("#jrnc-bar")?.textContent ?? "",
      height: document.scrollingElement.scrollHeight,
    }));
    if (!shown.graph) reasons.push("no journey graph (#graph svg) in the page");
    if (!shown.bar.includes("live") || !shown.bar.includes("Spine")) reasons.push(`the bar reads "${shown.bar}"`);
    if (shown.height < 2500) reasons.push(`the page is only ${shown.height} px tall: scrolling cannot be tested`);
    verdict("serve: the page shows the report and the live bar with its views", reasons);
  }

  // The mark survives a redraw that swaps the body; a reload would lose it.
  await page.evaluate(() => { window.jrncMark = "kept"; scrollTo(0, 1500); });
  for (const [how, save, tag] of [["by rename", saveByRename, "v1"], ["in place (truncate, write)", saveInPlace, "v2"]]) {
    const result = await redrawn([page], () => save(titled(tag)), tag);
    const reasons = [];
    if (result.reason) reasons.push(result.reason);
    else if (result.elapsed > LIMIT_MS) reasons.push(`redrawn ${result.elapsed} ms after the save (limit ${LIMIT_MS})`);
    const after = await page.evaluate(() => ({ mark: window.jrncMark, y: scrollY }));
    if (after.mark !== "kept") reasons.push("the page was reloaded (the window's mark is gone), not redrawn in place");
    if (Math.abs(after.y - 1500) > 1) reasons.push(`scrolled to ${after.y} after the redraw, not 1500`);
    verdict(`serve: a save ${how} redraws the page within ${LIMIT_MS} ms, scroll kept`, reasons);
  }

  {
    const reasons = [];
    const broken = `${titled("v2")}\noops <img src=x onerror=alert(1)> "unclosed\n`;
    const start = Date.now();
    saveInPlace(broken);
    try {
      await page.waitForSelector("#jrnc-errors", { timeout: 5000 });
      const elapsed = Date.now() - start;
      if (elapsed > LIMIT_MS) reasons.push(`the errors showed ${elapsed} ms after the save (limit ${LIMIT_MS})`);
      const shown = await page.evaluate(() => ({
        text: document.querySelector("#jrnc-errors").textContent,
        images: document.querySelectorAll("#jrnc-errors img").length,
        title: document.querySelector("h1")?.textContent ?? "",
        graph: document.querySelector("#graph svg") !== null,
      }));
      const file = mapPath.split("/").pop().replace(/[.]/g, "[.]");
      if (!new RegExp(`${file}:\\d+:\\d+: error: `).test(shown.text))
        reasons.push(`no located error (${mapPath.split("/").pop()}:LINE:COL: error:) in "${shown.text.slice(0, 300)}"`);
      if (!shown.text.includes("<img src=x")) reasons.push("the offending line is not quoted as text");
      if (shown.images !== 0) reasons.push("the map's text became markup (an <img> in the errors)");
      if (!shown.title.includes("v2") || !shown.graph) reasons.push(`the last good picture is gone (<h1> "${shown.title}")`);
    } catch {
      reasons.push("no errors (#jrnc-errors) in the page within 5 s of breaking the map");
    }
    verdict("serve: a broken map shows its located error in the page over the last good picture", reasons);
  }

  {
    const result = await redrawn([page], () => saveByRename(titled("v3")), "v3");
    const reasons = result.reason ? [result.reason] : [];
    if (await page.$("#jrnc-errors")) reasons.push("the errors stayed after the map was fixed");
    verdict("serve: the fixed map takes the errors away and redraws", reasons);
  }

  {
    const reasons = [];
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }),
                       page.evaluate(() => [...document.querySelectorAll("#jrnc-bar a")]
                                           .find((a) => a.textContent === "Spine").click())]);
    const current = () => page.$eval("#jrnc-bar a[aria-current]", (a) => a.textContent).catch(() => "");
    if ((await current()) !== "Spine") reasons.push(`after choosing Spine the bar marks "${await current()}"`);
    const result = await redrawn([page], () => saveByRename(titled("v4")), "v4");
    if (result.reason) reasons.push(result.reason);
    if ((await current()) !== "Spine") reasons.push(`after a redraw the bar marks "${await current()}", not Spine`);
    verdict("serve: a view chosen in the bar stays chosen across a redraw", reasons);
  }

  {
    const tabs = [page];
    for (let i = 0; i < 7; i++) {
      const tab = await browser.newPage();
      watchPage(tab);
      await tab.goto(url, { waitUntil: "load" });
      tabs.push(tab);
    }
    // Each tab lays the whole report out again: on a busy machine (or under the sanitizers)
    // eight take their time, so the bound here is that none is left behind (15 s), not the
    // one-second redraw above.
    const result = await redrawn(tabs, () => saveInPlace(titled("v5")), "v5", 15);
    verdict("serve: eight tabs of one browser all redraw at a save", result.reason ? [result.reason] : []);
  }

  verdict("serve: the page's script raises no error and breaks no content policy", problems.slice(0, 8));
} finally {
  await browser.close();
}
