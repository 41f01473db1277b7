// compare_parsed.mjs — round trips: Mermaid's own parser reads pairs of journey diagrams
// (the first, and the second that went through `jrnc import mermaid` and `-f mermaid`)
// and their sections, tasks, scores and actors must be the same.
//
//   node compare_parsed.mjs BEFORE.mmd AFTER.mmd [BEFORE.mmd AFTER.mmd]...
// What an import cannot keep, by design, is evened out first: blanks around names, empty
// and repeated actors, the actors' order, scores outside 1..5 (clamped), a section for
// the tasks before any; and the characters -f mermaid replaces read as themselves. Prints each difference; exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { parseJourney } from './mermaid_parse.mjs';

const replaced = { '：': ':', '；': ';', '＃': '#', '，': ',', '＜': '<', '＞': '>', '％': '%', '＆': '&' };
const text = (s) => s.replace(/^\u200b/, '').replace(/[：；＃，＜＞％＆]/g, (c) => replaced[c]).trim();
// Tasks before any section come back in a section named "tasks" (a touchpoint needs a
// stage); an actor's place among a task's actors follows the personas' order.
const even = (diagram) => {
    const unsectioned = diagram.tasks.some((t) => t.section === '');
    return {
        sections: (unsectioned ? ['tasks'] : []).concat(diagram.sections.map(text)),
        tasks: diagram.tasks.map((t) => ({
            section: t.section === '' ? 'tasks' : text(t.section),
            task: text(t.task),
            score: Math.min(5, Math.max(1, t.score)),
            people: [...new Set(t.people.map(text).filter((p) => p !== ''))].sort(),
        })),
    };
};

const args = process.argv.slice(2);
const problems = [];
for (let i = 0; i + 1 < args.length; i += 2) {
    try {
        const before = JSON.stringify(even(await parseJourney(readFileSync(args[i], 'utf8'))), null, 1);
        const after = JSON.stringify(even(await parseJourney(readFileSync(args[i + 1], 'utf8'))), null, 1);
        if (before !== after) {
            const a = before.split('\n'), b = after.split('\n');
            const line = a.findIndex((l, n) => l !== b[n]);
            problems.push(`${args[i]} -> ${args[i + 1]}: first difference near ${JSON.stringify(a.slice(Math.max(0, line - 3), line + 1))} vs ${JSON.stringify(b.slice(Math.max(0, line - 3), line + 1))}`);
        }
    } catch (error) {
        problems.push(`${args[i]} / ${args[i + 1]}: Mermaid cannot parse: ${String(error.message).split('\n').join(' | ')}`);
    }
}
problems.forEach((p) => console.log(p));
process.exit(problems.length > 0 ? 1 : 0);
