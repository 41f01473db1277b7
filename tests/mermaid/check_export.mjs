// check_export.mjs — checks `jrnc -f mermaid` against the map it came from: Mermaid's own
// parser reads each diagram, and its title, sections, tasks, scores and actors must be the
// map's (read from `jrnc -f json`), as tests/suites/mermaid.sh explains.
//
//   node check_export.mjs MODEL.json DIAGRAM.mmd [MODEL.json DIAGRAM.mmd]...
// Prints one line per mismatch and exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { parseJourney } from './mermaid_parse.mjs';

// The characters jrnc replaces, back to what the map says: what is left to compare is
// everything else, so any other change Mermaid or jrnc makes shows up.
const replaced = { '：': ':', '；': ';', '＃': '#', '，': ',', '＜': '<', '＞': '>', '％': '%', '＆': '&' };
const unreplace = (text) => text.replace(/^\u200b/, '').replace(/[：；＃，＜＞％＆]/g, (c) => replaced[c]);
// A map's string as Mermaid can hold it: bidirectional controls and line separators
// dropped (they would reorder the text around them), other control characters as spaces,
// no space at the ends.
const spaced = (text) => (text ?? '').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
const label = (element) => spaced(element.title) || element.id;

function expectedDiagram(model) {
    const emotionMetric = model.metrics.find((m) => m.id === 'emotion');
    const low = emotionMetric?.scale?.low?.value ?? -2, high = emotionMetric?.scale?.high?.value ?? 2;
    const stages = new Map(model.stages.map((s) => [s.id, s]));
    const touchpoints = new Map(model.touchpoints.map((t) => [t.id, t]));
    const stageName = (stage) => (stage.parent ? stageName(stages.get(stage.parent)) + ' / ' : '') + label(stage);
    const visitors = new Map();
    for (const journey of model.journeys) {
        for (const step of journey.steps) {
            const set = visitors.get(step) ?? new Set();
            journey.personas.forEach((p) => set.add(p));
            visitors.set(step, set);
        }
    }
    const emotionOf = (touchpoint) => {
        if (touchpoint.emotion !== null) return touchpoint.emotion;
        for (let stage = stages.get(touchpoint.stage); stage; stage = stages.get(stage.parent)) {
            if (stage.emotion !== null) return stage.emotion;
        }
        return null;
    };
    // The spine as written: within a top-level stage, its own touchpoints and its
    // sub-stages in source order (files in load order, as the touchpoints list them), a
    // section for each run of its own touchpoints and for each sub-stage.
    const fileRank = new Map();
    for (const element of [...model.touchpoints, ...model.stages]) {
        if (!fileRank.has(element.location.file)) fileRank.set(element.location.file, fileRank.size);
    }
    const place = (element) => [fileRank.get(element.location.file), element.location.line, element.location.column];
    const writtenBefore = (a, b) => {
        const [x, y] = [place(a), place(b)];
        for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
        return false;
    };
    const blocks = [];
    for (const stage of model.stages) {
        if (stage.parent) continue;
        const own = stage.touchpoints.map((id) => touchpoints.get(id)), subs = stage.substages.map((id) => stages.get(id));
        if (own.length === 0 && subs.length === 0) blocks.push({ stage, ids: [] });
        let t = 0, c = 0;
        while (t < own.length || c < subs.length) {
            if (c < subs.length && (t === own.length || !writtenBefore(own[t], subs[c]))) {
                blocks.push({ stage: subs[c], ids: subs[c].touchpoints });
                c++;
                continue;
            }
            const ids = [];
            while (t < own.length && (c === subs.length || writtenBefore(own[t], subs[c]))) ids.push(own[t++].id);
            blocks.push({ stage, ids });
        }
    }
    const sections = [], tasks = [];
    for (const { stage, ids } of blocks) {
        const section = stageName(stage);
        sections.push(section);
        for (const id of ids) {
            const touchpoint = touchpoints.get(id);
            const emotion = emotionOf(touchpoint);
            const actors = touchpoint.personas.length > 0 ? new Set(touchpoint.personas) : visitors.get(id) ?? new Set();
            tasks.push({
                section, task: label(touchpoint),
                score: emotion === null ? 3 : 1 + (4 * (emotion - low)) / (high - low),
                people: model.personas.filter((p) => actors.has(p.id)).map(label),
            });
        }
    }
    const title = label({ title: model.map.title, id: model.map.id ?? 'Journey map' });
    return { title, accTitle: title, accDescr: spaced(model.map.description), sections, tasks };
}

function compare(where, expected, actual, problems) {
    if (typeof expected === 'number') {
        if (typeof actual !== 'number' || !(Math.abs(expected - actual) <= 1e-9)) problems.push(`${where}: expected ${expected}, Mermaid read ${actual}`);
    } else if (Array.isArray(expected)) {
        if (!Array.isArray(actual) || actual.length !== expected.length) {
            problems.push(`${where}: expected ${JSON.stringify(expected)}, Mermaid read ${JSON.stringify(actual)}`);
            return;
        }
        expected.forEach((item, i) => compare(`${where}[${i}]`, item, actual[i], problems));
    } else if (typeof expected === 'object') {
        for (const key of Object.keys(expected)) compare(`${where}.${key}`, expected[key], actual?.[key], problems);
    } else if (unreplace(expected) !== unreplace(actual ?? '')) {
        problems.push(`${where}: expected ${JSON.stringify(expected)}, Mermaid read ${JSON.stringify(actual)}`);
    }
}

const args = process.argv.slice(2);
let problems = [];
for (let i = 0; i + 1 < args.length; i += 2) {
    const model = JSON.parse(readFileSync(args[i], 'utf8'));
    const diagram = args[i + 1];
    try {
        const actual = await parseJourney(readFileSync(diagram, 'utf8'));
        compare(diagram, expectedDiagram(model), actual, problems);
    } catch (error) {
        problems.push(`${diagram}: Mermaid cannot parse it: ${String(error.message).split('\n').join(' | ')}`);
    }
}
problems.forEach((problem) => console.log(problem));
process.exit(problems.length > 0 ? 1 : 0);
