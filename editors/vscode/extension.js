// extension.js — the jrn extension's language client: starts `jrnc lsp` for .jrn files
// (diagnostics, completion, hover, navigation, rename, formatting, quick fixes). Without
// its dependency installed (npm ci --omit=dev in this folder) or with the server turned
// off, the grammar, snippets and problem matcher still work.
'use strict';
const vscode = require('vscode');

let client = null;

function activate(context) {
    const settings = vscode.workspace.getConfiguration('jrnc');
    if (!settings.get('languageServer', true)) return;
    let languageclient;
    try {
        languageclient = require('vscode-languageclient/node');
    } catch (error) {
        vscode.window.showWarningMessage(
            'jrn: the language server is off: run "npm ci --omit=dev" in the extension folder to install vscode-languageclient.');
        return;
    }
    const command = settings.get('path', 'jrnc') || 'jrnc';
    const server = { command, args: ['lsp'], transport: languageclient.TransportKind.stdio };
    client = new languageclient.LanguageClient('jrnc', 'jrnc lsp', { run: server, debug: server }, {
        documentSelector: [{ language: 'jrn' }],
    });
    context.subscriptions.push({ dispose: () => client && client.stop() });
    client.start().catch((error) => {
        vscode.window.showErrorMessage(`jrn: cannot start '${command} lsp': ${error.message} (see the jrnc.path setting)`);
    });
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
