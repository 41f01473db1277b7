// The VS Code extension's language client (editors/vscode/extension.js), activated with
// stand-ins for the `vscode` module and vscode-languageclient (no VS Code runs here): it
// must describe a server that is `jrnc lsp` for the language jrn, honour jrnc.path and
// jrnc.languageServer, and say what to do when its dependency is missing. The server it
// describes is then started and initialized for real. Prints PASS/FAIL lines; needs JRNC.
'use strict';
const assert = require('node:assert/strict');
const Module = require('node:module');
const path = require('node:path');
const { spawn } = require('node:child_process');
const rpc = require('vscode-languageserver-protocol/node');
const { test, finish } = require('./cases');

const extensionPath = path.join(process.env.JRN_ROOT, 'editors/vscode/extension.js');

// Activates a fresh copy of the extension with these settings; returns what it did.
function activate(settings, { clientInstalled = true } = {}) {
    const seen = { clients: [], warnings: [], errors: [] };
    const vscode = {
        workspace: { getConfiguration: (section) => ({ get: (key, fallback) => (section === 'jrnc' && key in settings ? settings[key] : fallback) }) },
        window: {
            showWarningMessage: (message) => seen.warnings.push(message),
            showErrorMessage: (message) => seen.errors.push(message),
        },
    };
    class LanguageClient {
        constructor(id, name, serverOptions, clientOptions) {
            Object.assign(this, { id, name, serverOptions, clientOptions });
            seen.clients.push(this);
        }
        start() { return Promise.resolve(); }
        stop() { return Promise.resolve(); }
    }
    const client = { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } };
    const load = Module._load;
    Module._load = function (request, parent, isMain) {
        if (request === 'vscode') return vscode;
        if (request === 'vscode-languageclient/node') {
            if (!clientInstalled) throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
            return client;
        }
        return load.call(this, request, parent, isMain);
    };
    try {
        delete require.cache[require.resolve(extensionPath)];
        const extension = require(extensionPath);
        const context = { subscriptions: [] };
        extension.activate(context);
        seen.subscriptions = context.subscriptions;
    } finally {
        Module._load = load;
    }
    return seen;
}

async function main() {
    await test('vscode extension: a client for language jrn running jrnc lsp over stdio', async () => {
        const seen = activate({});
        assert.equal(seen.clients.length, 1);
        const client = seen.clients[0];
        assert.deepEqual(client.clientOptions.documentSelector, [{ language: 'jrn' }]);
        assert.deepEqual(client.serverOptions.run, { command: 'jrnc', args: ['lsp'], transport: 0 });
        assert.equal(seen.subscriptions.length, 1, 'the client stops with the extension');
    });

    await test('vscode extension: jrnc.path, and the server it describes answers initialize', async () => {
        const seen = activate({ path: process.env.JRNC });
        const { command, args } = seen.clients[0].serverOptions.run;
        assert.equal(command, process.env.JRNC);
        // vscode-languageclient adds --stdio for the stdio transport.
        const server = spawn(command, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
        connection.listen();
        const result = await connection.sendRequest(rpc.InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
        assert.equal(result.serverInfo.name, 'jrnc');
        await connection.sendRequest(rpc.ShutdownRequest.type);
        const exited = new Promise((resolve) => server.on('exit', resolve));
        await connection.sendNotification(rpc.ExitNotification.type);
        assert.equal(await exited, 0);
        connection.dispose();
    });

    await test('vscode extension: jrnc.languageServer false starts nothing', async () => {
        const seen = activate({ languageServer: false });
        assert.equal(seen.clients.length, 0);
        assert.deepEqual(seen.warnings, []);
    });

    await test('vscode extension: without vscode-languageclient it says how to install it', async () => {
        const seen = activate({}, { clientInstalled: false });
        assert.equal(seen.clients.length, 0);
        assert.match(seen.warnings[0], /npm ci --omit=dev/);
    });

    finish();
}

main().catch((error) => {
    console.log(`FAIL: vscode extension test harness: ${error && error.stack || error}`);
    process.exit(1);
});
