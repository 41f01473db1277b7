#!/usr/bin/env python3
"""`make bench`: the language server's latency on a generated 2,000-touchpoint map.

Opens the map in `jrnc lsp`, then makes CHANGES edits one at a time (each waits for its
diagnostics: the wall time from sending the change to receiving publishDiagnostics for
that version) and asks for completion CHANGES times at a `channel:` value and at a step
chain's `->`. Prints the medians and the 90th percentiles against the issue's targets
(diagnostics within 50 ms, completion within 20 ms, at the median). It never fails on a
timing: the machine's load is not ours to judge."""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JRNC = os.environ.get("JRNC", os.path.join(ROOT, "jrnc"))
WORK = os.path.join(ROOT, "build", "bench")
CHANGES = int(os.environ.get("BENCH_LSP_CHANGES", "40"))
TOUCHPOINTS = 2000


class Server:
    """jrnc lsp with a minimal blocking client (Content-Length framing by hand)."""

    def __init__(self):
        self.process = subprocess.Popen([JRNC, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        if length is None:
            sys.exit("jrnc lsp ended its output")
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def diagnostics_for(self, version):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
                return message["params"]["diagnostics"]


def position_of(text, needle):
    index = text.index(needle) + len(needle)
    line = text.count("\n", 0, index)
    return {"line": line, "character": index - (text.rfind("\n", 0, index) + 1)}


def summary(name, samples, target):
    median = statistics.median(samples)
    p90 = sorted(samples)[int(len(samples) * 0.9) - 1]
    verdict = "met" if median <= target else "missed"
    print(f"  {name:<34} median {median:6.1f} ms   p90 {p90:6.1f} ms   target {target} ms: {verdict}")


def main():
    os.makedirs(WORK, exist_ok=True)
    prefix = os.path.join(WORK, f"lsp_{TOUCHPOINTS}")
    subprocess.run([sys.executable, os.path.join(ROOT, "tests/bench/generate.py"), str(TOUCHPOINTS), prefix], check=True)
    path = prefix + ".jrn"
    text = open(path, encoding="utf-8").read()
    uri = "file://" + path
    server = Server()
    server.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    server.send({"method": "initialized", "params": {}})
    server.send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "jrn", "version": 1, "text": text}}})
    server.diagnostics_for(1)
    lines = text.count("\n")
    changes = []
    for version in range(2, CHANGES + 2):
        started = time.perf_counter()
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": lines, "character": 0}, "end": {"line": lines, "character": 0}},
                                "text": f"# edit {version}\n"}]}})
        server.diagnostics_for(version)
        changes.append((time.perf_counter() - started) * 1000)
        lines += 1
    completions = {"after channel:": [], "after -> in a journey": []}
    current = text + "".join(f"# edit {v}\n" for v in range(2, CHANGES + 2))
    at_channel = position_of(current, "channel: ")
    at_arrow = position_of(current, " -> ")
    for _ in range(CHANGES):
        for name, position in (("after channel:", at_channel), ("after -> in a journey", at_arrow)):
            started = time.perf_counter()
            reply = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position})
            completions[name].append((time.perf_counter() - started) * 1000)
            assert reply["result"]["items"], reply
    server.request("shutdown", None)
    server.send({"method": "exit"})
    server.process.wait()
    print(f"jrnc lsp on a {TOUCHPOINTS}-touchpoint map ({len(text) // 1024} KiB), {CHANGES} edits and completions each:")
    summary("diagnostics after a change", changes, 50)
    for name, samples in completions.items():
        summary(f"completion {name}", samples, 20)


if __name__ == "__main__":
    main()
