// mermaid_parse.mjs — Mermaid's own parser (npm's mermaid, under node with jsdom for the
// DOM it expects) reads Mermaid journey diagrams and reports what it understood.
//
//   node mermaid_parse.mjs FILE...   one JSON line per file: {file, ok, error} or
//                                    {file, ok, title, accTitle, accDescr, sections, tasks}
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, maxTextSize: 1e9 });

// What Mermaid's journey database holds after parsing text; throws on a parse error.
export async function parseJourney(text) {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    if (diagram.type !== 'journey') throw new Error(`not a journey diagram but '${diagram.type}'`);
    const db = diagram.db;
    return {
        title: db.getDiagramTitle(),
        accTitle: db.getAccTitle(),
        accDescr: db.getAccDescription(),
        sections: db.getSections(),
        tasks: db.getTasks().map((t) => ({ section: t.section, task: t.task, score: t.score, people: t.people })),
    };
}

if (process.argv[1].endsWith('mermaid_parse.mjs')) {
    let failed = false;
    for (const file of process.argv.slice(2)) {
        try {
            const parsed = await parseJourney(readFileSync(file, 'utf8'));
            console.log(JSON.stringify({ file, ok: true, ...parsed }));
        } catch (error) {
            failed = true;
            console.log(JSON.stringify({ file, ok: false, error: String(error.message).split('\n').join(' | ') }));
        }
    }
    process.exit(failed ? 1 : 0);
}
