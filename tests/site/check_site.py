#!/usr/bin/env python3
"""Crawls a site jrnc site wrote and checks it as a static host would serve it.

Usage: check_site.py SITE_DIR

From index.html, follows every link and asset (href, src) of every page reached:
  - each is relative (no scheme, no leading '/', nothing fetched from outside), so the
    folder works from disk and under any sub-path;
  - each resolves to a file inside SITE_DIR, and a #fragment to an element with that id;
  - every .html file of the site is reached (nothing orphaned);
  - no page carries markup from user text: no <img>, <iframe>, <object> or <embed>, no
    on* event attribute, no <script> with src, and inline scripts only on index.html.
Prints one line per problem and exits 1 when there is any."""
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

root = os.path.realpath(sys.argv[1])
problems = []


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.scripts = [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src", "xlink:href"):
            if name in attrs and attrs[name] is not None:
                self.links.append((tag, attrs[name]))
        if tag in ("img", "iframe", "object", "embed"):
            problems.append(f"<{tag}> element in {self.path}")
        for name in attrs:
            if name.startswith("on"):
                problems.append(f"event attribute {name} on <{tag}> in {self.path}")
        if tag == "script":
            self.scripts.append(attrs.get("src"))


pages = {}


def load(path):
    if path not in pages:
        page = Page()
        page.path = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as stream:
            page.feed(stream.read())
        pages[path] = page
    return pages[path]


queue = [os.path.join(root, "index.html")]
seen = set(queue)
while queue:
    path = queue.pop()
    page = load(path)
    for tag, link in page.links:
        parts = urlsplit(link)
        where = f"{page.path}: <{tag}> {link!r}"
        if parts.scheme or parts.netloc or link.startswith("/"):
            problems.append(f"{where} is not relative")
            continue
        target = path if parts.path == "" else os.path.realpath(os.path.join(os.path.dirname(path), unquote(parts.path)))
        if not (target == root or target.startswith(root + os.sep)):
            problems.append(f"{where} leaves the site")
        elif not os.path.isfile(target):
            problems.append(f"{where} names no file")
        elif target.endswith(".html"):
            if parts.fragment and unquote(parts.fragment) not in load(target).ids:
                problems.append(f"{where} names no element #{parts.fragment}")
            if target not in seen:
                seen.add(target)
                queue.append(target)

for folder, folders, files in os.walk(root):
    folders[:] = [f for f in folders if not f.startswith(".")]
    for name in files:
        path = os.path.realpath(os.path.join(folder, name))
        if name.endswith(".html") and path not in seen:
            problems.append(f"{os.path.relpath(path, root)} is linked from no page")

for path, page in pages.items():
    for src in page.scripts:
        if src is not None:
            problems.append(f"{page.path}: a script is fetched from {src!r}")
        elif page.path != "index.html":
            problems.append(f"{page.path}: an inline script outside the index")

for problem in problems[:40]:
    print(problem)
print(f"{len(pages)} pages crawled, {sum(len(p.links) for p in pages.values())} links, {len(problems)} problems")
sys.exit(1 if problems else 0)
