#!/usr/bin/env python3
"""Draws Mermaid journey diagrams as a code host would: Mermaid's own renderer
(tests/mermaid/node_modules/mermaid, the browser bundle) in headless chromium.

Usage: render.py DIAGRAM.mmd OUT.svg [DIAGRAM.mmd OUT.svg]...
Writes the SVG Mermaid drew for each diagram; exits 1 (saying which and why) when
Mermaid fails to draw one or chromium does not run."""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLE = os.path.join(HERE, "node_modules", "mermaid", "dist", "mermaid.min.js")

PAGE = """<!doctype html><html><body>{blocks}
<script src="file://{bundle}"></script>
<script>
mermaid.initialize({{startOnLoad: false, securityLevel: 'strict'}});
(async () => {{
  for (const block of document.querySelectorAll('pre.mermaid')) {{
    try {{ await mermaid.run({{nodes: [block]}}); block.setAttribute('data-drawn', 'yes'); }}
    catch (error) {{ block.setAttribute('data-error', String(error && error.message || error)); }}
  }}
  document.body.setAttribute('data-done', 'yes');
}})();
</script></body></html>"""


def main(arguments):
    pairs = list(zip(arguments[0::2], arguments[1::2]))
    blocks = "".join(f'<pre class="mermaid" id="d{i}">{html.escape(open(mmd, encoding="utf-8").read())}</pre>'
                     for i, (mmd, _) in enumerate(pairs))
    work = tempfile.mkdtemp(prefix="jrnc-mermaid-")
    try:
        page = os.path.join(work, "page.html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(PAGE.format(blocks=blocks, bundle=BUNDLE))
        result = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
             "--disable-background-networking", "--no-first-run", "--virtual-time-budget=30000",
             f"--user-data-dir={work}/profile", "--dump-dom", "file://" + page],
            capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    dom = result.stdout
    if 'data-done="yes"' not in dom:
        print("chromium did not finish drawing:", result.stderr[-2000:])
        return 1
    failed = False
    for i, (mmd, svg_path) in enumerate(pairs):
        block = re.search(rf'<pre class="mermaid" id="d{i}"[^>]*>(.*?)</pre>', dom, re.S)
        error = re.search(rf'<pre class="mermaid" id="d{i}"[^>]*data-error="([^"]*)"', dom)
        svg = re.search(r"<svg.*</svg>", block.group(1), re.S) if block else None
        if error or svg is None:
            print(f"{mmd}: Mermaid did not draw it: {html.unescape(error.group(1)) if error else 'no SVG'}")
            failed = True
            continue
        with open(svg_path, "w", encoding="utf-8") as handle:
            # An SVG file is XML: HTML's void <br> becomes <br/>.
            handle.write('<?xml version="1.0" encoding="UTF-8"?>\n' + svg.group(0).replace("<br>", "<br/>") + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
