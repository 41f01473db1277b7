#!/usr/bin/env python3
"""Writes a language-server session for the growth suite (tests/suites/growth.sh): the
messages a client sends, framed, to be fed to `jrnc lsp` on standard input.

Usage: lsp_session.py MAP.jrn > SESSION

It opens the map, asks for its semantic tokens (a position for every name in the map),
its outline and its formatting, and shuts the server down."""
import json
import os
import sys

path = os.path.abspath(sys.argv[1])
with open(path, encoding="utf-8") as source:
    text = source.read()
document = {"uri": "file://" + path}
messages = [
    {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
    {"method": "initialized", "params": {}},
    {"method": "textDocument/didOpen",
     "params": {"textDocument": dict(document, languageId="jrn", version=1, text=text)}},
    {"id": 2, "method": "textDocument/semanticTokens/full", "params": {"textDocument": document}},
    {"id": 3, "method": "textDocument/documentSymbol", "params": {"textDocument": document}},
    {"id": 4, "method": "textDocument/formatting",
     "params": {"textDocument": document, "options": {"tabSize": 2, "insertSpaces": True}}},
    {"id": 5, "method": "shutdown"},
    {"method": "exit"},
]
for message in messages:
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
