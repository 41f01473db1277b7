// Feeds `jrnc lsp` bytes no well-behaved client sends: malformed JSON, bad or missing
// Content-Length headers, a message over the size limit, requests before initialize, a
// document with a NUL byte and one enormous line. The server must answer each with an
// error (or a diagnostic) and go on serving. Prints PASS/FAIL lines. Needs JRNC.
'use strict';
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');

const { test, finish } = require('./cases');

const frame = (body) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
};

// A server fed by hand; messages are parsed out of its output as they come.
class Raw {
    constructor() {
        this.process = spawn(process.env.JRNC, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.buffer = Buffer.alloc(0);
        this.messages = [];
        this.waiters = [];
        this.process.stdout.on('data', (chunk) => {
            this.buffer = Buffer.concat([this.buffer, chunk]);
            for (;;) {
                const end = this.buffer.indexOf('\r\n\r\n');
                if (end < 0) break;
                const length = Number(/Content-Length: (\d+)/.exec(this.buffer.slice(0, end).toString())[1]);
                if (this.buffer.length < end + 4 + length) break;
                const message = JSON.parse(this.buffer.slice(end + 4, end + 4 + length).toString());
                this.buffer = this.buffer.slice(end + 4 + length);
                this.messages.push(message);
                this.waiters = this.waiters.filter((waiter) => !waiter());
            }
        });
        this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
        this.process.stdin.on('error', () => {});
    }
    send(bytes) {
        return new Promise((resolve) => this.process.stdin.write(bytes, resolve));
    }
    // The first message (from now on, or already here and not taken) that accept takes.
    next(accept, what) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 20000);
            const look = () => {
                const index = this.messages.findIndex(accept);
                if (index < 0) return false;
                clearTimeout(timer);
                resolve(this.messages.splice(index, 1)[0]);
                return true;
            };
            if (!look()) this.waiters.push(look);
        });
    }
    reply(id) {
        return this.next((message) => message.id === id && !message.method, `the answer to ${id}`);
    }
    anonymousError(code) {
        return this.next((message) => message.id === null && message.error && message.error.code === code, `error ${code}`);
    }
}

const initialize = (id) => frame({ jsonrpc: '2.0', id, method: 'initialize', params: { capabilities: {} } });
const alive = async (raw, id) => {
    await raw.send(frame({ jsonrpc: '2.0', id, method: 'workspace/symbol', params: { query: '' } }));
    const reply = await raw.reply(id);
    assert.ok(Array.isArray(reply.result), JSON.stringify(reply));
};

async function main() {
    const raw = new Raw();

    await test('a request before initialize: ServerNotInitialized', async () => {
        await raw.send(frame({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: {} }));
        assert.equal((await raw.reply(1)).error.code, -32002);
        await raw.send(initialize(2));
        assert.ok((await raw.reply(2)).result.capabilities);
    });

    await test('malformed JSON: ParseError, and the server goes on', async () => {
        await raw.send(frame('{"jsonrpc": "2.0", "id": 3, "method": '));
        assert.match((await raw.anonymousError(-32700)).error.message, /malformed JSON/);
        await raw.send(frame('[1, 2, 3]'));
        await raw.anonymousError(-32600);
        await raw.send(frame('{"jsonrpc":"2.0","id":{"an":"object"},"method":"shutdown"}'));
        await raw.anonymousError(-32600);
        await alive(raw, 4);
    });

    await test('a header without Content-Length, and a Content-Length that is no number', async () => {
        await raw.send(Buffer.from('Content-Type: application/json\r\n\r\n'));
        await raw.anonymousError(-32700);
        await raw.send(Buffer.from('Content-Length: twelve\r\n\r\n'));
        await raw.anonymousError(-32700);
        await raw.send(Buffer.from('Content-Length: -5\r\n\r\n'));
        await raw.anonymousError(-32700);
        await alive(raw, 5);
    });

    await test('a message over the 64 MiB limit is read past, not kept', async () => {
        const size = 65 * 1024 * 1024;
        await raw.send(Buffer.from(`Content-Length: ${size}\r\n\r\n`));
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        for (let sent = 0; sent < size; sent += chunk.length) await raw.send(chunk);
        assert.match((await raw.anonymousError(-32600)).error.message, /limit/);
        await alive(raw, 6);
    });

    await test('unknown methods: MethodNotFound for a request, silence for a notification', async () => {
        await raw.send(frame({ jsonrpc: '2.0', id: 7, method: 'nobody/knows', params: {} }));
        assert.equal((await raw.reply(7)).error.code, -32601);
        await raw.send(frame({ jsonrpc: '2.0', method: 'nobody/cares', params: {} }));
        await alive(raw, 8);
    });

    await test('a document with a NUL byte gets a diagnostic, not a crash', async () => {
        await raw.send(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument:
            { uri: 'file:///tmp/nul.jrn', languageId: 'jrn', version: 1, text: 'channel a "A"\u0000\nchannel b "B"\n' } } }));
        const published = await raw.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === 'file:///tmp/nul.jrn', 'diagnostics');
        assert.ok(published.params.diagnostics.some((d) => /NUL/.test(d.message)), JSON.stringify(published));
        await alive(raw, 9);
    });

    await test('a document sent with bytes that are not UTF-8 still opens (as U+FFFD)', async () => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument:
            { uri: 'file:///tmp/latin1.jrn', languageId: 'jrn', version: 1, text: 'channel a "caf@"\ntouchpoint t "T" { channel: nowhere }\n' } } }));
        body[body.indexOf('@')] = 0xE9;   // a Latin-1 é: no UTF-8
        await raw.send(frame(body));
        const published = await raw.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === 'file:///tmp/latin1.jrn', 'diagnostics');
        const error = published.params.diagnostics.find((d) => /nowhere/.test(d.message));
        assert.ok(error, JSON.stringify(published));
        assert.deepEqual(error.range.start, { line: 1, character: 'touchpoint t "T" { channel: '.length });
        await alive(raw, 14);
    });

    await test('an enormous line: diagnostics with a far UTF-16 column', async () => {
        const text = 'touchpoint t "' + 'é'.repeat(500000) + '" { channel: nowhere }\n';
        await raw.send(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument:
            { uri: 'file:///tmp/long.jrn', languageId: 'jrn', version: 1, text } } }));
        const published = await raw.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === 'file:///tmp/long.jrn', 'diagnostics');
        const error = published.params.diagnostics.find((d) => /nowhere/.test(d.message));
        assert.ok(error, JSON.stringify(published).slice(0, 500));
        assert.equal(error.range.start.character, text.indexOf('nowhere'));
        await raw.send(frame({ jsonrpc: '2.0', id: 10, method: 'textDocument/completion', params:
            { textDocument: { uri: 'file:///tmp/long.jrn' }, position: { line: 0, character: text.indexOf('nowhere') } } }));
        assert.ok((await raw.reply(10)).result.items.length > 0);
    });

    await test('positions past the end and negative are clamped or refused', async () => {
        await raw.send(frame({ jsonrpc: '2.0', id: 11, method: 'textDocument/hover', params:
            { textDocument: { uri: 'file:///tmp/long.jrn' }, position: { line: 99999, character: 99999 } } }));
        assert.equal((await raw.reply(11)).result, null);
        await raw.send(frame({ jsonrpc: '2.0', id: 12, method: 'textDocument/hover', params:
            { textDocument: { uri: 'file:///tmp/long.jrn' }, position: { line: -1, character: 0 } } }));
        assert.equal((await raw.reply(12)).error.code, -32602);
    });

    await test('a request cancelled in the same batch is answered RequestCancelled', async () => {
        await raw.send(Buffer.concat([
            frame({ jsonrpc: '2.0', id: 13, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///tmp/long.jrn' } } }),
            frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 13 } }),
        ]));
        assert.equal((await raw.reply(13)).error.code, -32800);
    });

    await test('every method with params of every wrong shape gets an answer', async () => {
        const methods = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references',
            'textDocument/documentHighlight', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/documentSymbol',
            'workspace/symbol', 'textDocument/foldingRange', 'textDocument/formatting', 'textDocument/codeAction',
            'textDocument/semanticTokens/full'];
        const uri = 'file:///tmp/long.jrn';
        const shapes = [undefined, null, [], 'text', 42, {}, { textDocument: 7 }, { textDocument: { uri: 7 } },
            { textDocument: { uri }, position: 'here' }, { textDocument: { uri }, position: { line: 'a', character: [] } },
            { textDocument: { uri }, position: { line: 0, character: 1e30 } }, { textDocument: { uri }, position: { line: 0, character: 3 }, newName: 5 },
            { textDocument: { uri }, context: { diagnostics: [7, null, { range: 'x', code: 9, message: [] }] } },
            { query: 7 }];
        let id = 1000;
        for (const method of methods) {
            for (const params of shapes) {
                const message = { jsonrpc: '2.0', id: ++id, method };
                if (params !== undefined) message.params = params;
                await raw.send(frame(message));
                const reply = await raw.reply(id);
                assert.ok('result' in reply || 'error' in reply, JSON.stringify(reply));
            }
        }
        for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeWorkspaceFolders']) {
            for (const params of shapes) await raw.send(frame({ jsonrpc: '2.0', method, params }));
        }
        await raw.send(frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 9 },
            contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }, 7, { text: 8 }] } }));
        await alive(raw, ++id);
    });

    await test('exit without shutdown: exit status 1; end of input or of the output ends the server', async () => {
        await raw.send(frame({ jsonrpc: '2.0', method: 'exit' }));
        assert.deepEqual(await raw.exited, { code: 1, signal: null });
        const other = new Raw();
        other.process.stdin.end();
        assert.deepEqual(await other.exited, { code: 1, signal: null });
        // A client gone while the server writes: the write fails, no SIGPIPE kills it.
        const gone = new Raw();
        gone.process.stdout.destroy();
        await gone.send(initialize(1));
        assert.deepEqual(await gone.exited, { code: 1, signal: null });
    });

    finish();
}

main().catch((error) => {
    console.log(`FAIL: raw test harness: ${error && error.stack || error}`);
    process.exit(1);
});
