"""Checks the DOM of an HTML report, as headless chromium built it (--dump-dom).

Usage: check_dom.py DOM.html OUTPUT.json
Checks that nothing external is referenced or run (no script, link, img, iframe, object,
embed; no src, no href outside the page, no url() or @import, no on* handler), that the
emotion curve, the journey graph and the heat map are there with the right number of
parts (the curve also as a table), that the Journeys section shows each journey's real hops (two steps side by side are
always a hop of that journey, and every hop is shown), and that every stage and touchpoint
title reads as text (escaped, not markup).
Prints what is wrong and exits 1, or exits 0 silently."""
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
FORBIDDEN = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source",
             "image", "use", "foreignobject", "base", "frame"}


class Element:
    def __init__(self, tag, attributes, parent):
        self.tag, self.attributes, self.parent = tag, dict(attributes), parent
        self.children, self.text = [], []

    def classes(self):
        return (self.attributes.get("class") or "").split()

    def walk(self):
        stack = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed(element.children))

    def find_all(self, tag=None, cls=None, id_=None):
        return [e for e in self.walk() if (tag is None or e.tag == tag)
                and (cls is None or cls in e.classes())
                and (id_ is None or e.attributes.get("id") == id_)]


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [], None)
        self.current = self.root
        self.all_text = []

    def handle_starttag(self, tag, attributes):
        element = Element(tag, attributes, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attributes):
        self.current.children.append(Element(tag, attributes, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)
        self.all_text.append(data)


problems = []


def check_self_contained(root):
    for element in root.walk():
        if element.tag in FORBIDDEN:
            problems.append(f"<{element.tag}> element: reports must not load or run anything")
        for name, value in element.attributes.items():
            value = value or ""
            if name.startswith("on"):
                problems.append(f"<{element.tag} {name}=...>: an event handler")
            if name == "src" or name.endswith(":src"):
                problems.append(f"<{element.tag} src={value!r}>")
            if (name == "href" or name.endswith(":href")) and not value.startswith("#"):
                problems.append(f"<{element.tag} {name}={value!r}>: points outside the page")
            if name == "style" and re.search(r"url\s*\(|@import", value, re.I):
                problems.append(f"<{element.tag} style={value!r}>")
        if element.tag == "style" and re.search(r"url\s*\(|@import", "".join(element.text), re.I):
            problems.append("<style> with url() or @import")


def section(root, anchor):
    found = root.find_all("section", id_=anchor)
    if not found:
        problems.append(f"no section #{anchor}")
        return Element("section", [], None)
    return found[0]


def check_figures(root, doc):
    curves = section(root, "curve").find_all("svg", cls="curve")
    rated_touchpoints = sum(1 for tp in doc["touchpoints"] if tp["emotion"] is not None)
    if len(curves) != 1:
        problems.append(f"emotion curve: {len(curves)} svg.curve in #curve, expected 1")
    else:
        lines = curves[0].find_all("polyline")
        dots = curves[0].find_all(None, cls="touchpoint")
        if len(lines) != 2:
            problems.append(f"emotion curve: {len(lines)} lines, expected now and aspiration")
        if len(dots) != rated_touchpoints:
            problems.append(f"emotion curve: {len(dots)} touchpoint dots, expected {rated_touchpoints}")
    graphs = section(root, "graph").find_all("svg")
    nodes = [g for svg in graphs for g in svg.find_all("g", cls="node")]
    if not graphs:
        problems.append("journey graph: no svg in #graph")
    elif len(nodes) < len(doc["touchpoints"]):
        problems.append(f"journey graph: {len(nodes)} nodes, expected one per touchpoint "
                        f"({len(doc['touchpoints'])}) at least")
    cells = section(root, "heat").find_all("td", cls="cell")
    expected_cells = len(doc["stages"]) * (len(doc["personas"]) + 1)
    if len(cells) != expected_cells:
        problems.append(f"heat map: {len(cells)} cells, expected stages x (personas + 1) = {expected_cells}")
    uncoloured = [c for c in cells if not any(k.startswith("h") for k in c.classes())]
    if uncoloured:
        problems.append(f"heat map: {len(uncoloured)} cells without a heat colour")


def text_of(element):
    return "".join(e2 for e in element.walk() for e2 in e.text).strip()


def check_blueprint(root, doc):
    """The service blueprint section is there exactly when some touchpoint is backstage or
    support, as one svg naming every touchpoint's lane."""
    wanted = any(tp["lane"] != "frontstage" for tp in doc["touchpoints"])
    found = root.find_all("section", id_="blueprint")
    if not wanted:
        if found:
            problems.append("blueprint: a section #blueprint in a map with no backstage or support")
        return
    graphs = section(root, "blueprint").find_all("svg")
    if len(graphs) != 1:
        problems.append(f"blueprint: {len(graphs)} svg in #blueprint, expected 1")
        return
    text = text_of(graphs[0])
    for heading in ("Frontstage", "Backstage", "Support processes", "line of visibility",
                    "line of internal interaction"):
        if heading not in text:
            problems.append(f"blueprint: {heading!r} is not in the picture")


def check_journey_hops(root, doc):
    """Steps side by side in a .steps line must be a hop of the journey under whose <h3>
    they stand; every hop of every journey must be shown."""
    titles = {tp["id"]: tp["title"] or tp["id"] for tp in doc["touchpoints"]}
    journeys = {j["title"] or j["id"]: {(titles[h["from"]], titles[h["to"]]) for h in j["hops"]}
                for j in doc["journeys"]}
    shown = {name: set() for name in journeys}
    current = None
    for element in section(root, "journeys").walk():
        if element.tag == "h3":
            current = text_of(element)
        elif "steps" in element.classes() and current in journeys:
            steps = [text_of(e) for e in element.walk() if "step" in e.classes()]
            for pair in zip(steps, steps[1:]):
                if pair not in journeys[current]:
                    problems.append(f"journeys: {current!r} shows {pair[0]!r} -> {pair[1]!r}, not one of its hops")
                shown[current].add(pair)
    for name, hops in journeys.items():
        for hop in sorted(hops - shown[name]):
            problems.append(f"journeys: {name!r} does not show its hop {hop[0]!r} -> {hop[1]!r}")


def check_titles_are_text(builder, doc):
    text = "".join(builder.all_text)
    for kind in ("stages", "touchpoints", "personas"):
        for item in doc[kind]:
            title = (item["title"] or item["id"]).replace("\n", "")
            if title not in text:
                problems.append(f"{kind[:-1]} title {title!r} is not in the page's text")


def check_curve_table(root, doc):
    """The emotion curve's data as a table, for whoever cannot read the picture: a row per
    stage with its title, emotion now and aspiration (the numbers of the JSON)."""
    tables = [t for d in root.find_all("details", cls="curvetable") for t in d.find_all("table")]
    if len(tables) != 1:
        problems.append(f"curve table: {len(tables)} tables in details.curvetable, expected 1")
        return
    rows = [r for r in tables[0].find_all("tr") if r.find_all("th") and r.find_all("th")[0].attributes.get("scope") == "row"]
    if len(rows) != len(doc["stages"]):
        problems.append(f"curve table: {len(rows)} rows, expected one per stage ({len(doc['stages'])})")
        return
    for row, stage in zip(rows, doc["stages"]):
        cells = [text_of(c) for c in row.find_all("td")]
        for cell, key in zip(cells[:2], ("emotion", "aspiration")):
            value = stage.get(key)
            want = "not set" if value is None else f"{value:g}"
            if not (cell == want or cell.startswith(want + " ")):
                problems.append(f"curve table: stage {stage['id']!r} {key} reads {cell!r}, expected {want!r}")


def main(dom_path, json_path):
    with open(dom_path, encoding="utf-8") as handle:
        builder = TreeBuilder()
        builder.feed(handle.read())
    with open(json_path, encoding="utf-8") as handle:
        doc = json.load(handle)
    check_self_contained(builder.root)
    check_figures(builder.root, doc)
    check_journey_hops(builder.root, doc)
    check_blueprint(builder.root, doc)
    check_curve_table(builder.root, doc)
    check_titles_are_text(builder, doc)


if __name__ == "__main__":
    main(*sys.argv[1:3])
    for problem in problems:
        print("    " + problem)
    sys.exit(1 if problems else 0)
