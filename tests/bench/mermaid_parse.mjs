// mermaid_parse.mjs — times Mermaid's own parser on a `journey` diagram file, as the
// reference for jrnc's benchmark. Prints "<seconds> <bytes>": the CPU time (user +
// system) of the parse alone, best of RUNS, after one warm-up parse (so node's start-up
// and module loading are not counted). Usage: node mermaid_parse.mjs FILE [RUNS]
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, maxTextSize: 1e9 });

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const text = readFileSync(file, 'utf8');
const ok = await mermaid.parse(text);          // warm-up; throws on a bad diagram
if (!ok) throw new Error('mermaid did not parse ' + file);
let best = Infinity;
for (let i = 0; i < runs; i++) {
  const start = process.cpuUsage();
  await mermaid.parse(text);
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  best = Math.min(best, seconds);
}
console.log(`${best} ${Buffer.byteLength(text)}`);
