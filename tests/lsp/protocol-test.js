// Drives `jrnc lsp` with vscode-languageserver-protocol, the client library VS Code's
// language client is built on, over every method the server offers and its error cases.
// Prints one "PASS: name" or "FAIL: name" line per case. Needs JRNC and TMP_DIR.
'use strict';
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const rpc = require('vscode-languageserver-protocol/node');

const JRNC = process.env.JRNC;
const TMP = fs.mkdtempSync(path.join(process.env.TMP_DIR || '/tmp', 'lsp-'));
const uriOf = (file) => 'file://' + file.split('/').map(encodeURIComponent).join('/');

const { test, finish } = require('./cases');

// One server and its client connection; diagnostics are collected per URI as they come.
class Session {
    constructor(env = process.env, args = []) {
        this.process = spawn(JRNC, ['lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
        this.stderr = '';
        this.process.stderr.on('data', (chunk) => { this.stderr += chunk; });
        this.stopping = false;
        this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => {
            // A server that dies unasked fails the run: its pending requests would never settle.
            if (!this.stopping) {
                console.log(`FAIL: the server died (status ${code}, signal ${signal})`);
                for (const line of this.stderr.split('\n').slice(0, 40)) console.log(`  ${line}`);
                process.exit(1);
            }
            resolve({ code, signal });
        }));
        this.connection = rpc.createProtocolConnection(
            new rpc.StreamMessageReader(this.process.stdout), new rpc.StreamMessageWriter(this.process.stdin));
        this.diagnostics = new Map();
        this.waiters = [];
        this.published = new Map();   // how many times each URI's diagnostics came
        this.connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
            this.diagnostics.set(params.uri, params);
            this.published.set(params.uri, (this.published.get(params.uri) || 0) + 1);
            this.waiters = this.waiters.filter((waiter) => !waiter(params));
        });
        this.connection.listen();
        this.versions = new Map();
    }
    async initialize(capabilities = {}) {
        const result = await this.connection.sendRequest(rpc.InitializeRequest.type,
            { processId: process.pid, rootUri: uriOf(TMP), capabilities, workspaceFolders: null });
        await this.connection.sendNotification(rpc.InitializedNotification.type, {});
        return result;
    }
    // Resolves with the next diagnostics for uri that satisfy accept (within 10 s).
    nextDiagnostics(uri, accept = () => true) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), 10000);
            this.waiters.push((params) => {
                if (params.uri !== uri || !accept(params)) return false;
                clearTimeout(timer);
                resolve(params);
                return true;
            });
        });
    }
    async open(file, text) {
        const uri = uriOf(file);
        this.versions.set(uri, 1);
        const published = this.nextDiagnostics(uri, (params) => params.version === 1);
        await this.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
            { textDocument: { uri, languageId: 'jrn', version: 1, text } });
        return published;
    }
    // Changes the whole text (or, with range, part of it); resolves with the diagnostics.
    async change(file, text, range) {
        const uri = uriOf(file);
        const version = this.versions.get(uri) + 1;
        this.versions.set(uri, version);
        const published = this.nextDiagnostics(uri, (params) => params.version === version);
        await this.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
            { textDocument: { uri, version }, contentChanges: [range ? { range, text } : { text }] });
        return published;
    }
    request(method, params) {
        return this.connection.sendRequest(method, params);
    }
    async stop() {
        await this.connection.sendRequest(rpc.ShutdownRequest.type);
        this.stopping = true;
        await this.connection.sendNotification(rpc.ExitNotification.type);
        const end = await this.exited;
        this.connection.dispose();
        return end;
    }
}

// Line and UTF-16 character of the n-th occurrence of needle in text (JS strings are UTF-16).
function positionOf(text, needle, occurrence = 0, offset = 0) {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `'${needle}' is in the text`);
    index += offset;
    const before = text.slice(0, index);
    const line = before.split('\n').length - 1;
    return { line, character: index - (before.lastIndexOf('\n') + 1) };
}

// text with the TextEdits applied (positions in UTF-16 code units, as JS strings count).
function applyEdits(text, edits) {
    const offset = ({ line, character }) => text.split('\n').slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
    return text;
}

const write = (name, text) => { const file = path.join(TMP, name); fs.writeFileSync(file, text); return file; };

const PARTS = `# shared declarations
channel web "Website"
channel phone "Phone line"
persona buyer "Buyer"
`;
const MAIN = `use "parts"
map "Shop" { reviewed: 2026-01-01 }
stage look "Look around" {
  touchpoint browse "Browse the shop" { channel: web  persona: buyer  emotion: 1 }
  touchpoint call "Call us" { channel: phone  persona: buyer }
}
journey buy "Buy" for buyer {
  browse -> call [rate: 40%]
}
`;

async function main() {
    const parts = write('parts.jrn', PARTS);
    const mainFile = write('main.jrn', MAIN);
    const session = new Session();

    await test('initialize: capabilities, UTF-16 unless UTF-8 is offered', async () => {
        const result = await session.initialize({});
        const capabilities = result.capabilities;
        assert.equal(capabilities.positionEncoding, 'utf-16');
        for (const provider of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider',
            'documentFormattingProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'documentHighlightProvider']) {
            assert.equal(capabilities[provider], true, provider);
        }
        assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
        assert.equal(result.serverInfo.name, 'jrnc');
    });

    await test('diagnostics on open: a clean map has no error', async () => {
        const published = await session.open(mainFile, MAIN);
        assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1), []);
    });

    await test('diagnostics on change: an unknown channel, its range, did-you-mean and code action', async () => {
        const text = MAIN.replace('channel: phone', 'channel: phon');
        const published = await session.change(mainFile, text);
        const errors = published.diagnostics.filter((d) => d.severity === 1);
        assert.equal(errors.length, 1, JSON.stringify(published.diagnostics));
        assert.match(errors[0].message, /unknown channel 'phon'; did you mean 'phone'\?/);
        const at = positionOf(text, 'phon');
        assert.deepEqual(errors[0].range, { start: at, end: { line: at.line, character: at.character + 4 } });
        const actions = await session.request('textDocument/codeAction',
            { textDocument: { uri: uriOf(mainFile) }, range: errors[0].range, context: { diagnostics: errors } });
        const replace = actions.find((action) => /Replace with/.test(action.title));
        assert.ok(replace, JSON.stringify(actions));
        assert.equal(replace.edit.changes[uriOf(mainFile)][0].newText, 'phone');
    });

    await test('diagnostics on an incremental change (a range replaced)', async () => {
        const before = MAIN.replace('channel: phone', 'channel: phon');
        const at = positionOf(before, 'phon');
        const published = await session.change(mainFile, 'phone',
            { start: at, end: { line: at.line, character: at.character + 4 } });
        assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1), []);
    });

    await test('related information: a duplicate touchpoint points at its first declaration', async () => {
        const text = MAIN.replace('  touchpoint call "Call us"', '  touchpoint call "Call again" { channel: phone }\n  touchpoint call "Call us"');
        try {
            const published = await session.change(mainFile, text);
            const duplicate = published.diagnostics.find((d) => /duplicate touchpoint 'call'/.test(d.message));
            assert.ok(duplicate, JSON.stringify(published.diagnostics));
            assert.deepEqual(duplicate.range.start, positionOf(text, 'call "Call us"'));
            assert.equal(duplicate.relatedInformation.length, 1, JSON.stringify(duplicate));
            const first = duplicate.relatedInformation[0];
            assert.match(first.message, /first declared here/);
            assert.equal(first.location.uri, uriOf(mainFile));
            assert.deepEqual(first.location.range.start, positionOf(text, 'call "Call again"'));
        } finally {
            await session.change(mainFile, MAIN);
        }
    });

    await test('related information: a property set twice points where it was first set, a name of the wrong kind at its declaration in the used file', async () => {
        const text = MAIN.replace('emotion: 1 }', 'emotion: 1  emotion: 2 }').replace('channel: phone', 'channel: buyer');
        try {
            const published = await session.change(mainFile, text);
            const twice = published.diagnostics.find((d) => /'emotion' is already set/.test(d.message));
            assert.ok(twice, JSON.stringify(published.diagnostics));
            assert.equal(twice.relatedInformation.length, 1, JSON.stringify(twice));
            assert.match(twice.relatedInformation[0].message, /^first set here$/);
            assert.equal(twice.relatedInformation[0].location.uri, uriOf(mainFile));
            assert.deepEqual(twice.relatedInformation[0].location.range.start, positionOf(text, 'emotion: 1'));
            const wrongKind = published.diagnostics.find((d) => /'buyer' is a persona, not a channel/.test(d.message));
            assert.ok(wrongKind, JSON.stringify(published.diagnostics));
            assert.deepEqual(wrongKind.range.start, positionOf(text, 'buyer  persona'));
            assert.equal(wrongKind.relatedInformation.length, 1, JSON.stringify(wrongKind));
            const declared = wrongKind.relatedInformation[0];
            assert.match(declared.message, /persona 'buyer' is declared here/);
            assert.equal(declared.location.uri, uriOf(parts));
            assert.deepEqual(declared.location.range.start, positionOf(PARTS, 'buyer "Buyer"'));
        } finally {
            await session.change(mainFile, MAIN);
        }
    });

    await test('quick fix: declare an unknown channel and an unknown persona, and the map compiles', async () => {
        let text = MAIN.replace('channel: phone', 'channel: telex').replace('persona: buyer }', 'persona: visitor }');
        try {
            for (const [kind, id] of [['channel', 'telex'], ['persona', 'visitor']]) {
                const published = await session.change(mainFile, text);
                const unknown = published.diagnostics.find((d) => d.message.startsWith(`unknown ${kind} '${id}'`));
                assert.ok(unknown, JSON.stringify(published.diagnostics));
                const actions = await session.request('textDocument/codeAction',
                    { textDocument: { uri: uriOf(mainFile) }, range: unknown.range, context: { diagnostics: [unknown] } });
                const declare = actions.find((action) => action.title === `Declare ${kind} '${id}'`);
                assert.ok(declare, JSON.stringify(actions.map((action) => action.title)));
                text = applyEdits(text, declare.edit.changes[uriOf(mainFile)]);
                assert.ok(text.endsWith(`${kind} ${id} "${id}"\n`), text);
            }
            const published = await session.change(mainFile, text);
            assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1), []);
            // Checked on disk, then removed: the workspace folder's maps are searched later.
            const file = write('declared.jrn', text);
            try {
                execFileSync(JRNC, ['check', file], { cwd: TMP });
            } finally {
                fs.unlinkSync(file);
            }
        } finally {
            await session.change(mainFile, MAIN);
        }
    });

    await test('lint findings come with their rule code and severity', async () => {
        const text = MAIN + 'persona lonely "Nobody maps me"\n';
        const published = await session.change(mainFile, text);
        const finding = published.diagnostics.find((d) => d.code === 'persona-without-journey');
        assert.ok(finding, JSON.stringify(published.diagnostics));
        assert.ok(finding.severity === 2 || finding.severity === 3);
        // The rule code links to the rule's section of docs/lint-rules.md (by its line).
        const href = finding.codeDescription && finding.codeDescription.href;
        assert.match(href || '', /^file:\/\/.*\/docs\/lint-rules\.md#L\d+$/, JSON.stringify(finding));
        const [file, line] = decodeURIComponent(href.slice('file://'.length)).split('#L');
        assert.equal(fs.readFileSync(file, 'utf8').split('\n')[Number(line) - 1], '### `persona-without-journey`');
        const actions = await session.request('textDocument/codeAction',
            { textDocument: { uri: uriOf(mainFile) }, range: finding.range, context: { diagnostics: [finding] } });
        const disable = actions.find((action) => /jrnc: disable=persona-without-journey/.test(action.title));
        assert.ok(disable, JSON.stringify(actions));
        // The suppression the action writes silences the finding.
        const edit = disable.edit.changes[uriOf(mainFile)][0];
        const lines = text.split('\n');
        lines.splice(edit.range.start.line, 0, edit.newText.replace(/\n$/, ''));
        const after = await session.change(mainFile, lines.join('\n'));
        assert.equal(after.diagnostics.find((d) => d.code === 'persona-without-journey'), undefined);
        await session.change(mainFile, MAIN);
    });

    await test('quick fixes for the review date: a stale one set to today, a missing one added', async () => {
        for (const [text, title] of [[MAIN.replace('reviewed: 2026-01-01', 'reviewed: 2020-01-01'), /Set reviewed: to today/],
            [MAIN.replace(' { reviewed: 2026-01-01 }', ''), /Add reviewed:/],
            [MAIN.replace(' { reviewed: 2026-01-01 }', ' {\n  # no date yet\n}'), /Add reviewed:/]]) {
            const published = await session.change(mainFile, text);
            const finding = published.diagnostics.find((d) => d.code === 'stale-review');
            assert.ok(finding, JSON.stringify(published.diagnostics));
            const actions = await session.request('textDocument/codeAction',
                { textDocument: { uri: uriOf(mainFile) }, range: finding.range, context: { diagnostics: [finding] } });
            const fix = actions.find((action) => title.test(action.title));
            assert.ok(fix, JSON.stringify(actions));
            const fixed = applyEdits(text, fix.edit.changes[uriOf(mainFile)]);
            const after = await session.change(mainFile, fixed);
            assert.equal(after.diagnostics.find((d) => d.code === 'stale-review'), undefined, fixed);
            assert.deepEqual(after.diagnostics.filter((d) => d.severity === 1), [], fixed);
        }
        await session.change(mainFile, MAIN);
    });

    await test('an open used file overrides the disk: its unsaved declarations resolve', async () => {
        await session.open(parts, PARTS);
        const uses = MAIN.replace('channel: phone', 'channel: kiosk');
        const broken = await session.change(mainFile, uses);
        assert.ok(broken.diagnostics.some((d) => /unknown channel 'kiosk'/.test(d.message)));
        const mainFixed = session.nextDiagnostics(uriOf(mainFile),
            (params) => !params.diagnostics.some((d) => d.severity === 1));
        await session.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
            { textDocument: { uri: uriOf(parts), version: 2 }, contentChanges: [{ text: PARTS + 'channel kiosk "Kiosk"\n' }] });
        await mainFixed;
        assert.ok(!fs.readFileSync(parts, 'utf8').includes('kiosk'), 'the disk is untouched');
    });

    await test('a change re-analyses the maps that use the file, not the others', async () => {
        const lone = write('lone.jrn', 'channel lone "Lone"\n');
        await session.open(lone, 'channel lone "Lone"\n');
        const before = session.published.get(uriOf(lone));
        await session.change(mainFile, MAIN.replace('channel: phone', 'channel: kiosk'));
        // Whatever that change made due was published before this answer.
        await session.request('workspace/symbol', { query: 'nothing-matches-this' });
        assert.equal(session.published.get(uriOf(lone)), before, 'lone.jrn uses nothing that changed');
        await session.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(lone) } });
    });

    await test('definition across files: from a use in main.jrn to the declaration in the open parts.jrn', async () => {
        const text = MAIN.replace('channel: phone', 'channel: kiosk');
        const location = await session.request('textDocument/definition',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(text, 'kiosk', 0, 2) });
        const target = Array.isArray(location) ? location[0] : location;
        assert.equal(target.uri, uriOf(parts));
        assert.deepEqual(target.range.start, positionOf(PARTS + 'channel kiosk "Kiosk"\n', 'kiosk'));
        await session.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(parts) } });
        await session.change(mainFile, MAIN);
    });

    await test('diagnostics of a used file show in that file', async () => {
        const broken = write('broken_part.jrn', 'channel shop "Shop"\ntouchpoint lost "Lost" { channel: nowhere }\n');
        const user = write('uses_broken.jrn', 'use "broken_part"\n');
        const own = session.nextDiagnostics(uriOf(broken));
        await session.open(user, 'use "broken_part"\n');
        const inUsed = await own;
        assert.ok(inUsed.diagnostics.some((d) => /unknown channel 'nowhere'/.test(d.message)), JSON.stringify(inUsed));
        const where = inUsed.diagnostics.find((d) => /nowhere/.test(d.message)).range.start;
        assert.deepEqual(where, positionOf(fs.readFileSync(broken, 'utf8'), 'nowhere'));
        // Once the use is gone, the used file's findings are cleared.
        const cleared = session.nextDiagnostics(uriOf(broken), (params) => params.diagnostics.length === 0);
        await session.change(user, '# no use any more\n');
        await cleared;
        await session.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(user) } });
    });

    const complete = async (text, needle, offset) => {
        await session.change(mainFile, text);
        const result = await session.request('textDocument/completion',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(text, needle, 0, offset) });
        return (Array.isArray(result) ? result : result.items);
    };
    const labels = (items) => items.map((item) => item.label);

    await test('completion after channel: offers channels with their titles', async () => {
        const text = MAIN.replace('channel: phone', 'channel: ');
        const items = await complete(text, 'channel: ', 9);
        assert.ok(labels(items).includes('phone') && labels(items).includes('email'), 'the map\'s and the prelude\'s');
        assert.equal(items.find((item) => item.label === 'web').detail, 'Website');
        assert.ok(!labels(items).includes('buyer') && !labels(items).includes('browse'), 'channels only');
    });

    await test('completion in a list after persona: ..., offers personas', async () => {
        const text = MAIN.replace('persona: buyer  emotion', 'persona: buyer, b  emotion');
        const items = await complete(text, 'buyer, b', 8);
        assert.deepEqual(labels(items), ['buyer']);
    });

    await test('completion after owner:, serves: and loops: offers teams, touchpoints and stages', async () => {
        // The names come from the last text that resolved: this one, then each half typed.
        const valid = MAIN.replace('use "parts"\n', 'use "parts"\nteam care "Customer care"\nteam ops "Operations"\n')
            + 'stage after "After sales" {\n  loops: look\n  touchpoint prepare "Prepare the parcel" { backstage  serves: browse }\n}\n';
        try {
            const published = await session.change(mainFile, valid);
            assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1), []);
            const owner = await complete(valid.replace('channel: web', 'owner:  channel: web'), 'owner: ', 7);
            assert.ok(labels(owner).includes('care') && labels(owner).includes('ops'), JSON.stringify(labels(owner)));
            assert.equal(owner.find((item) => item.label === 'care').detail, 'Customer care');
            assert.ok(!labels(owner).includes('web') && !labels(owner).includes('browse'), 'teams only');
            const serves = await complete(valid.replace('serves: browse', 'serves: '), 'serves: ', 8);
            assert.ok(labels(serves).includes('browse') && labels(serves).includes('call'), JSON.stringify(labels(serves)));
            assert.equal(serves.find((item) => item.label === 'browse').detail, 'Browse the shop');
            assert.ok(!labels(serves).includes('care') && !labels(serves).includes('look'), 'touchpoints only');
            const loops = await complete(valid.replace('loops: look', 'loops: '), 'loops: ', 7);
            assert.ok(labels(loops).includes('look'), JSON.stringify(labels(loops)));
            assert.equal(loops.find((item) => item.label === 'look').detail, 'Look around');
            assert.ok(!labels(loops).includes('browse') && !labels(loops).includes('care'), 'stages only');
        } finally {
            await session.change(mainFile, MAIN);
        }
    });

    await test('completion at the top level: keywords and snippets', async () => {
        const text = MAIN + '\n';
        const items = await complete(text + 'x', '\nx', 1);
        for (const keyword of ['use', 'map', 'extend', 'stage', 'journey', 'persona', 'channel', 'metric']) {
            assert.ok(labels(items).includes(keyword), keyword);
        }
        assert.ok(!labels(items).includes('kpi'), 'kpi is no top-level declaration');
        const snippet = items.find((item) => item.label.startsWith('touchpoint') && item.insertTextFormat === 2);
        assert.ok(snippet, 'a touchpoint snippet');
    });

    await test('completion in a touchpoint: its properties with their documentation', async () => {
        const text = MAIN.replace('persona: buyer }', 'persona: buyer\n    eff }');
        const items = await complete(text, 'eff', 3);
        const effort = items.find((item) => item.label === 'effort');
        assert.ok(effort, JSON.stringify(labels(items)));
        assert.match(effort.documentation, /effort/);
        assert.ok(labels(items).includes('channel') && labels(items).includes('kpi'));
        assert.ok(!labels(items).includes('loops'), 'loops is a stage property');
    });

    await test('completion in a stage: its notes (does, pain, quote, source ...) with their documentation', async () => {
        const text = MAIN.replace('stage look "Look around" {', 'stage look "Look around" {\n  qu');
        const items = await complete(text, '\n  qu', 5);
        for (const name of ['description', 'does', 'thinks', 'feels', 'pain', 'delight', 'opportunity', 'quote', 'source']) {
            assert.ok(labels(items).includes(name), name + ' in ' + JSON.stringify(labels(items)));
        }
        assert.match(items.find((item) => item.label === 'quote').documentation, /own words/);
        assert.ok(!labels(items).includes('effort'), 'effort is a touchpoint property');
    });

    await test('completion in a step chain after -> offers touchpoints', async () => {
        const text = MAIN.replace('browse -> call [rate: 40%]', 'browse -> ');
        const items = await complete(text, 'browse -> ', 10);
        assert.deepEqual(labels(items).sort(), ['browse', 'call']);
    });

    await test('completion of emotion labels, hop durations and kpi metrics', async () => {
        let text = MAIN.replace('emotion: 1', 'emotion: ');
        let items = await complete(text, 'emotion: ', 9);
        assert.ok(labels(items).includes('delighted') && labels(items).includes('frustrated'), JSON.stringify(labels(items)));
        text = MAIN.replace('[rate: 40%]', '[after: 3');
        items = await complete(text, 'after: 3', 8);
        assert.ok(labels(items).includes('3d') && labels(items).includes('3min'), JSON.stringify(labels(items)));
        text = MAIN.replace('persona: buyer }', 'persona: buyer\n    kpi  }');
        items = await complete(text, 'kpi  }', 4);
        assert.ok(labels(items).includes('emotion'), JSON.stringify(labels(items)));
    });

    await test('completion of use paths: the standard library and maps beside this one', async () => {
        const text = 'use "std/sp"\n' + MAIN;
        const items = await complete(text, 'std/sp', 6);
        assert.ok(labels(items).includes('std/spines/post_sales'), JSON.stringify(labels(items)));
        const text2 = 'use ""\n' + MAIN;
        const items2 = await complete(text2, '""', 1);
        assert.ok(labels(items2).includes('parts'), JSON.stringify(labels(items2)));
        assert.ok(!labels(items2).includes('main'), 'not the map itself');
        await session.change(mainFile, MAIN);
    });

    await test('definition on a use path opens the file it brings in', async () => {
        const location = await session.request('textDocument/definition',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'parts', 0, 2) });
        const target = Array.isArray(location) ? location[0] : location;
        assert.equal(target.uri, uriOf(parts));
        assert.deepEqual(target.range.start, { line: 0, character: 0 });
    });

    await test('references and document highlight of a touchpoint', async () => {
        const refs = await session.request('textDocument/references',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'browse ->', 0, 1), context: { includeDeclaration: true } });
        assert.equal(refs.length, 2);
        assert.deepEqual(refs.map((r) => r.range.start).sort((a, b) => a.line - b.line),
            [positionOf(MAIN, 'browse "'), positionOf(MAIN, 'browse ->')]);
        const highlights = await session.request('textDocument/documentHighlight',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'browse "') });
        assert.equal(highlights.length, 2);
    });

    await test('references of a channel declared in a used file reach its declaration there', async () => {
        const refs = await session.request('textDocument/references',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'web'), context: { includeDeclaration: true } });
        assert.ok(refs.some((r) => r.uri === uriOf(parts)), JSON.stringify(refs));
        assert.ok(refs.some((r) => r.uri === uriOf(mainFile)));
    });

    await test('rename: every use and the declaration; prepareRename gives the name', async () => {
        const at = positionOf(MAIN, 'call [', 0, 1);
        const prepared = await session.request('textDocument/prepareRename', { textDocument: { uri: uriOf(mainFile) }, position: at });
        assert.equal(prepared.placeholder, 'call');
        const edit = await session.request('textDocument/rename',
            { textDocument: { uri: uriOf(mainFile) }, position: at, newName: 'phone_call' });
        const edits = edit.changes[uriOf(mainFile)];
        assert.equal(edits.length, 2);
        // Applied, the renamed map still compiles cleanly.
        const lines = MAIN.split('\n');
        for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
            const line = lines[e.range.start.line];
            lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
        }
        const published = await session.change(mainFile, lines.join('\n'));
        assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1), []);
        assert.ok(lines.join('\n').includes('browse -> phone_call'));
        await session.change(mainFile, MAIN);
    });

    await test('rename across files: a channel declared in the used file', async () => {
        const edit = await session.request('textDocument/rename',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'web'), newName: 'site' });
        assert.equal(edit.changes[uriOf(parts)].length, 1);
        assert.equal(edit.changes[uriOf(mainFile)].length, 1);
    });

    await test('rename refused: a taken name, a keyword, not an id, the standard library', async () => {
        const at = positionOf(MAIN, 'call [', 0, 1);
        const refused = async (newName, pattern, position = at) => {
            await assert.rejects(session.request('textDocument/rename',
                { textDocument: { uri: uriOf(mainFile) }, position, newName }), (error) => {
                assert.match(error.message, pattern);
                return true;
            });
        };
        await refused('browse', /already has that id/);
        await refused('stage', /keyword/);
        await refused('2fast', /an id is/);
        await refused('a-b', /an id is/);
        const usesPrelude = MAIN.replace('channel: phone', 'channel: email');
        await session.change(mainFile, usesPrelude);
        await refused('mail_out', /standard library/, positionOf(usesPrelude, 'email'));
        await session.change(mainFile, MAIN);
        const onEmotion = positionOf(MAIN, 'emotion: 1', 0, 1);
        // Nothing to rename on a property name.
        await assert.rejects(session.request('textDocument/prepareRename',
            { textDocument: { uri: uriOf(mainFile) }, position: onEmotion }));
    });

    await test('hover: kind, title, stage, emotion and channels of a touchpoint', async () => {
        const hover = await session.request('textDocument/hover',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'browse ->') });
        assert.equal(hover.contents.kind, 'markdown');
        assert.match(hover.contents.value, /\*\*touchpoint\*\* `browse` — Browse the shop/);
        assert.match(hover.contents.value, /stage:\*\* Look around/);
        assert.match(hover.contents.value, /emotion:\*\* 1 pleased/);
        assert.match(hover.contents.value, /channels:\*\* Website/);
    });

    await test('hover on a stage: its description, pain, first quote and sources', async () => {
        const text = MAIN.replace('stage look "Look around" {', 'stage look "Look around" {\n  description: "Browsing"\n'
            + '  pain: "Slow pages"\n  quote: "Where is the search?", "Too slow"\n  source: "Interviews"');
        await session.change(mainFile, text);
        const hover = await session.request('textDocument/hover',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(text, 'look "') });
        assert.match(hover.contents.value, /description:\*\* Browsing/);
        assert.match(hover.contents.value, /pain:\*\* Slow pages/);
        assert.match(hover.contents.value, /quote:\*\* “Where is the search\?” \(and 1 more\)/);
        assert.match(hover.contents.value, /source:\*\* Interviews/);
        await session.change(mainFile, MAIN);
    });

    await test('hover on a journey: its completion as jrnc flow computes it', async () => {
        const hover = await session.request('textDocument/hover',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'buy "') });
        assert.match(hover.contents.value, /completion:\*\* 40% complete, 60% lost/);
    });

    await test('document symbols: the stage with its touchpoints, the journey', async () => {
        const symbols = await session.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(mainFile) } });
        const stage = symbols.find((s) => s.name === 'look');
        assert.ok(stage, JSON.stringify(symbols.map((s) => s.name)));
        assert.deepEqual(stage.children.map((c) => c.name), ['browse', 'call']);
        assert.ok(symbols.some((s) => s.name === 'buy'));
        const workspace = await session.request('workspace/symbol', { query: 'brow' });
        assert.deepEqual(workspace.map((s) => s.name), ['browse']);
        // parts.jrn is closed: found in the workspace folder, compiled from disk.
        const closed = await session.request('workspace/symbol', { query: 'websi' });
        assert.deepEqual(closed.map((s) => [s.name, s.location.uri]), [['web', uriOf(parts)]]);
    });

    await test('while a line does not parse: hover, definition, references and outline answer from the last text that did', async () => {
        // A half-typed touchpoint between the stage and the journey: lines after it move down
        // by one, and every answer lands where the name now is.
        const broken = MAIN.replace('journey buy', 'touchpoint half "Half typed" { channel: \njourney buy');
        const published = await session.change(mainFile, broken);
        try {
        assert.ok(published.diagnostics.some((d) => d.severity === 1), 'the syntax error is reported');
        const hover = await session.request('textDocument/hover',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(broken, 'browse ->') });
        assert.ok(hover, 'hover answers');
        assert.match(hover.contents.value, /\*\*touchpoint\*\* `browse` — Browse the shop/);
        assert.deepEqual(hover.range.start, positionOf(broken, 'browse ->'));
        const definition = await session.request('textDocument/definition',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(broken, 'call [rate') });
        assert.ok(definition, 'definition answers');
        assert.deepEqual(definition.range.start, positionOf(broken, 'call "'));
        const references = await session.request('textDocument/references',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(broken, 'browse "'), context: { includeDeclaration: true } });
        assert.deepEqual(references.map((r) => r.range.start),
            [positionOf(broken, 'browse "'), positionOf(broken, 'browse ->')]);
        const symbols = await session.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(mainFile) } });
        const journey = symbols.find((s) => s.name === 'buy');
        assert.ok(journey, JSON.stringify(symbols.map((s) => s.name)));
        assert.deepEqual(journey.selectionRange.start, positionOf(broken, 'buy "'));
        assert.deepEqual(symbols.find((s) => s.name === 'look').children.map((c) => c.name), ['browse', 'call']);
        // On the half-typed line itself there is nothing to answer from.
        const inside = await session.request('textDocument/hover',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(broken, 'half "') });
        assert.equal(inside, null);
        } finally {
            await session.change(mainFile, MAIN);
        }
    });

    await test('semantic tokens follow resolution: touchpoints, channels, personas, declarations', async () => {
        const legend = (await session.request('initialize', { processId: null, rootUri: null, capabilities: {} })
            .catch(() => null));
        assert.equal(legend, null, 'a second initialize is refused or ignored');
        const types = ['namespace', 'enum', 'class', 'struct', 'interface', 'event', 'function', 'variable'];
        const result = await session.request('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(mainFile) } });
        const tokens = [];
        let line = 0, character = 0;
        for (let i = 0; i < result.data.length; i += 5) {
            const [deltaLine, deltaStart, length, type, modifiers] = result.data.slice(i, i + 5);
            line += deltaLine;
            character = deltaLine === 0 ? character + deltaStart : deltaStart;
            const text = MAIN.split('\n')[line].slice(character, character + length);
            tokens.push(`${line}:${text}:${types[type]}${modifiers & 1 ? ':declaration' : ''}`);
        }
        for (const expected of ['2:look:namespace:declaration', '3:browse:event:declaration', '3:web:interface',
            '3:buyer:class', '6:buy:function:declaration', '6:buyer:class', '7:browse:event', '7:call:event']) {
            assert.ok(tokens.includes(expected), `${expected} in ${tokens.join(' ')}`);
        }
    });

    await test('folding ranges: the stage block and the journey', async () => {
        const ranges = await session.request('textDocument/foldingRange', { textDocument: { uri: uriOf(mainFile) } });
        assert.ok(ranges.some((r) => r.startLine === 2 && r.endLine === 4), JSON.stringify(ranges));
        assert.ok(ranges.some((r) => r.startLine === 6 && r.endLine === 7), JSON.stringify(ranges));
    });

    await test('formatting is exactly jrnc fmt; refused on a syntax error', async () => {
        const messy = MAIN.replace('stage look', 'stage   look').replace('  touchpoint call', '      touchpoint call');
        await session.change(mainFile, messy);
        const edits = await session.request('textDocument/formatting',
            { textDocument: { uri: uriOf(mainFile) }, options: { tabSize: 2, insertSpaces: true } });
        const expected = execFileSync(JRNC, ['fmt', '-'], { input: messy }).toString();
        assert.equal(edits.length, 1);
        assert.equal(edits[0].newText, expected);
        assert.deepEqual(edits[0].range.start, { line: 0, character: 0 });
        await session.change(mainFile, expected);
        const none = await session.request('textDocument/formatting',
            { textDocument: { uri: uriOf(mainFile) }, options: { tabSize: 2, insertSpaces: true } });
        assert.deepEqual(none, []);
        await session.change(mainFile, MAIN + 'stage {\n');
        await assert.rejects(session.request('textDocument/formatting',
            { textDocument: { uri: uriOf(mainFile) }, options: { tabSize: 2, insertSpaces: true } }), /not formatted: line 10/);
        await session.change(mainFile, MAIN);
    });

    await test('positions count UTF-16 code units (a title with an emoji before a mistake)', async () => {
        const text = MAIN.replace('"Call us" { channel: phone', '"Call 📞 us" { channel: phonee');
        const published = await session.change(mainFile, text);
        const error = published.diagnostics.find((d) => /phonee/.test(d.message));
        assert.deepEqual(error.range.start, positionOf(text, 'phonee'));
        const definition = await session.request('textDocument/definition',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(text, 'buyer }', 0, 2) });
        assert.equal((Array.isArray(definition) ? definition[0] : definition).uri, uriOf(parts));
        await session.change(mainFile, MAIN);
    });

    await test('positions on a line of 3 KB: accents, CJK and emoji across the server\'s 1 KB checkpoints', async () => {
        const title = 'é📞漢x'.repeat(300);
        const wrong = MAIN.replace('"Call us" { channel: phone', `"${title}" { channel: phonee`);
        const published = await session.change(mainFile, wrong);
        const error = published.diagnostics.find((d) => /phonee/.test(d.message));
        assert.deepEqual(error.range.start, positionOf(wrong, 'phonee'));
        // The same line, right: the channel's semantic token starts where JS counts it.
        const right = MAIN.replace('"Call us" { channel: phone', `"${title}" { channel: phone`);
        await session.change(mainFile, right);
        const tokens = await session.request('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(mainFile) } });
        const starts = [];
        for (let i = 0, line = 0, character = 0; i < tokens.data.length; i += 5) {
            character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
            line += tokens.data[i];
            starts.push(`${line}:${character}`);
        }
        const phone = positionOf(right, 'channel: phone', 0, 'channel: '.length);
        assert.ok(starts.includes(`${phone.line}:${phone.character}`), `a token at ${phone.line}:${phone.character}`);
        await session.change(mainFile, MAIN);
    });

    await test('unknown request gets MethodNotFound; unknown notification is ignored', async () => {
        await assert.rejects(session.request('textDocument/noSuchThing', {}), (error) => error.code === -32601);
        await session.connection.sendNotification('custom/whatever', { x: 1 });
        const hover = await session.request('textDocument/hover',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'browse ->') });
        assert.ok(hover);
    });

    await test('a request on a document that is not open is an error, not a crash', async () => {
        await assert.rejects(session.request('textDocument/definition',
            { textDocument: { uri: 'file:///nowhere.jrn' }, position: { line: 0, character: 0 } }), (error) => error.code === -32602);
        await assert.rejects(session.request('textDocument/hover', { textDocument: { uri: uriOf(mainFile) } }),
            (error) => error.code === -32602);
    });

    await test('shutdown then exit: exit status 0', async () => {
        const end = await session.stop();
        assert.deepEqual(end, { code: 0, signal: null });
    });

    await test('memory stays flat over many changes (each analysis freed)', async () => {
        // Its own server: under AddressSanitizer freed memory waits in a quarantine, which
        // would look like growth; without one, a leak still grows (and LeakSanitizer
        // reports it at exit).
        const asan = (process.env.ASAN_OPTIONS || '') + ':quarantine_size_mb=0';
        const session = new Session({ ...process.env, ASAN_OPTIONS: asan });
        await session.initialize({});
        const big = fs.readFileSync(path.join(process.env.JRN_ROOT, 'examples/acme_post_sales.jrn'), 'utf8');
        const file = path.join(TMP, 'acme.jrn');
        await session.open(file, big);
        const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${session.process.pid}/status`, 'utf8'))[1]);
        for (let i = 0; i < 60; i++) await session.change(file, big + `# edit ${i}\n`);
        const settled = rss();
        for (let i = 0; i < 240; i++) await session.change(file, big + `# edit ${i}\n`);
        const after = rss();
        assert.ok(after - settled < 2048, `resident memory grew ${after - settled} kB over 240 changes`);
        assert.equal((await session.stop()).code, 0);
    });

    const utf8 = new Session();
    await test('UTF-8 positions when the client offers them', async () => {
        const result = await utf8.initialize({ general: { positionEncodings: ['utf-8', 'utf-16'] } });
        assert.equal(result.capabilities.positionEncoding, 'utf-8');
        const text = MAIN.replace('"Call us" { channel: phone', '"Call 📞 us" { channel: phonee');
        const published = await utf8.open(mainFile, text);
        const error = published.diagnostics.find((d) => /phonee/.test(d.message));
        const line = text.split('\n')[error.range.start.line];
        assert.equal(error.range.start.character, Buffer.byteLength(line.slice(0, line.indexOf('phonee'))));
        // A file it uses whose first invalid byte is a stray continuation byte right after
        // a two-byte character: the error starts at that byte, 17 bytes into the line.
        const head = Buffer.from('persona stray "\u00e9');
        fs.writeFileSync(path.join(TMP, 'stray.jrn'), Buffer.concat([head, Buffer.from([0x80]), Buffer.from('x"\n')]));
        const strayUri = uriOf(path.join(TMP, 'stray.jrn'));
        const stray = utf8.nextDiagnostics(strayUri);
        await utf8.open(path.join(TMP, 'uses-stray.jrn'), 'use "stray"\nmap "Stray"\n');
        const invalid = (await stray).diagnostics.find((d) => /invalid UTF-8 byte 0x80/.test(d.message));
        assert.ok(invalid, JSON.stringify((await stray).diagnostics));
        assert.deepEqual(invalid.range.start, { line: 0, character: head.length });
        await utf8.stop();
    });

    await test('--data: the data lint rules run, and hover shows a KPI\'s actual', async () => {
        const root = process.env.JRN_ROOT;
        const withData = new Session(process.env, ['--data', path.join(root, 'examples/acme_actuals.csv')]);
        await withData.initialize({});
        const file = path.join(root, 'examples/acme_post_sales.jrn');
        const text = fs.readFileSync(file, 'utf8');
        const published = await withData.open(file, text);
        const missed = published.diagnostics.find((d) => d.code === 'kpi-missed');
        assert.ok(missed, JSON.stringify(published.diagnostics.map((d) => d.code)));
        assert.match(missed.message, /misses its target of 80%: 72% on 2026-03-31/);
        const hover = await withData.request('textDocument/hover',
            { textDocument: { uri: uriOf(file) }, position: positionOf(text, 'admin_training "', 0, 2) });
        assert.match(hover.contents.value, /KPI:\*\* Course completion rate \(target 80%\): 72% on 2026-03-31, .*missed/);
        assert.equal((await withData.stop()).code, 0);
    });

    await test('--today: stale-review measures from that day', async () => {
        const later = new Session(process.env, ['--today', '2028-06-30']);
        await later.initialize({});
        const published = await later.open(mainFile, MAIN);
        const stale = published.diagnostics.find((d) => d.code === 'stale-review');
        assert.ok(stale, JSON.stringify(published.diagnostics));
        assert.match(stale.message, /today is 2028-06-30/);
        assert.equal((await later.stop()).code, 0);
    });

    await test('--data naming a file that cannot be read: an error in the map, not a crash', async () => {
        const withData = new Session(process.env, ['--data', path.join(TMP, 'no-such.csv')]);
        await withData.initialize({});
        const published = await withData.open(mainFile, MAIN);
        assert.ok(published.diagnostics.some((d) => /cannot read '.*no-such\.csv'/.test(d.message)), JSON.stringify(published));
        assert.equal((await withData.stop()).code, 0);
    });

    await test('cancelled requests are answered RequestCancelled', async () => {
        const session2 = new Session();
        await session2.initialize({});
        await session2.open(mainFile, MAIN);
        const source = new rpc.CancellationTokenSource();
        const pending = session2.connection.sendRequest('textDocument/documentSymbol',
            { textDocument: { uri: uriOf(mainFile) } }, source.token);
        source.cancel();
        // Either the cancellation arrived in time (RequestCancelled) or the answer came
        // first; both are correct, and the server goes on.
        await pending.then(() => {}, (error) => assert.equal(error.code, -32800));
        const hover = await session2.request('textDocument/hover',
            { textDocument: { uri: uriOf(mainFile) }, position: positionOf(MAIN, 'browse ->') });
        assert.ok(hover);
        assert.equal((await session2.stop()).code, 0);
    });

    fs.rmSync(TMP, { recursive: true, force: true });
    finish();
}

main().catch((error) => {
    console.log(`FAIL: protocol test harness: ${error && error.stack || error}`);
    process.exit(1);
});
