#!/usr/bin/env python3
"""Checks the grid of a journey-map canvas (jrnc --view canvas) against the map's model.

Reads every band's HTML-like table from the DOT, lays its cells out the way an HTML table
is laid out (ROWSPAN, COLSPAN), and checks that
  - the stage columns are the stages of the spine, in spine order, each once (a stage with
    sub-stages spans their columns, and its sub-stages head them);
  - the lanes are exactly the ones expected, in the canvas's order, in every band;
  - every touchpoint cell sits in the column of its own stage, never another's, and each
    column lists its stage's touchpoints (those expected, in order, at most 8 and then a
    "+ N more" cell);
  - every feeling mark's number names a touchpoint of that column;
  - with --svg: the stages' now (\u25a0) and aim (\u25a1; \u25a3 both) marks of a band sit
    on one shared scale: the same emotion at the same height in every column, a better
    one never lower;
  - the stages' curve: in the feeling lane, each column whose stage has an emotion draws
    its line (the 2-point strip) across the scale on the row of its now mark, joined to
    the column before it in the band by the 2-point-wide strips between the two rows; a
    stage without an emotion draws none;
  - every note of a stage itself (does, thinks, quote, feels, pain, delight, opportunity)
    is the first item of its lane in the stage's own column, and in no other column.
Prints one line per problem and exits 1 when there is any.

Usage: grid.py CANVAS.dot MODEL.json LANES [--personas ID,ID...] [--svg FILE.svg]
  LANES     the lane titles expected, top to bottom ("Stage,Touchpoints,Feeling"), or
            "auto": every lane the model has something for (empty lanes are left out)
  --personas  the canvas of --persona ID...: a column lists the touchpoints those personas
            live (named for them, on their journeys, or named for nobody and on no
            journey), their journeys' steps first
"""
import json
import re
import sys
import xml.etree.ElementTree as ElementTree

CELL_ITEMS = 8


def labels(dot):
    """The HTML-like label of each band node, in order."""
    found = []
    for match in re.finditer(r"\bband_(\d+)\s*\[label=<", dot):
        start = match.end()
        depth, i = 1, start
        while depth:
            depth += {"<": 1, ">": -1}.get(dot[i], 0)
            i += 1
        found.append((int(match.group(1)), dot[start:i - 1]))
    return [label for _, label in sorted(found)]


def text(element):
    """A cell's text: its pieces joined, white space as one space, the word joiner gone."""
    return re.sub(r"\s+", " ", " ".join(element.itertext())).replace("\u2060", "").strip()


def layout(table):
    """{(row, column): cell} for every slot a cell covers, and the rows."""
    slots, rows = {}, table.findall("TR")
    for r, row in enumerate(rows):
        c = 0
        for cell in row.findall("TD"):
            while (r, c) in slots:
                c += 1
            for dr in range(int(cell.get("ROWSPAN", "1"))):
                for dc in range(int(cell.get("COLSPAN", "1"))):
                    slots[(r + dr, c + dc)] = cell
            c += int(cell.get("COLSPAN", "1"))
    return slots, len(rows)


def stage_title(cell):
    """The title of a stage heading: its 13-point bold text."""
    for font in cell.iter("FONT"):
        if font.get("POINT-SIZE") == "13":
            return text(font)
    return None


def same_title(shown, title):
    """A wrapped title reads as the title; a shortened one ends with an ellipsis."""
    title = re.sub(r"\s+", " ", title).strip()
    if shown.endswith("\u2026"):
        return title.replace(" ", "").startswith(shown[:-1].replace(" ", ""))
    return shown == title or shown.replace(" ", "") == title.replace(" ", "")


def lanes_with_content(model, columns):
    """The lanes a canvas shows: those with something in some column (a stage with
    sub-stages and nothing of its own has no column: its heading says what it has)."""
    tps = model["touchpoints"]
    stages = [s for s in model["stages"] if s["id"] in columns]
    noted = lambda lane: any(stage_notes(s, lane) for s in stages)
    has = {
        "Stage": True,
        "Doing": any(t["does"] and t["does"].strip() for t in tps) or noted("Doing"),
        "Touchpoints": bool(tps),
        "Thinking": any(t["thinks"] and t["thinks"].strip() for t in tps) or noted("Thinking"),
        "Quotes": any(t["quotes"] for t in tps) or noted("Quotes"),
        "Feeling": any(s["emotion"] is not None or s["aspiration"] is not None for s in stages)
        or any(t["emotion"] is not None or (t["feels"] and t["feels"].strip()) for t in tps) or noted("Feeling"),
        "Pain points": any(t["is_pain"] for t in tps) or noted("Pain points"),
        "Delights": any(t["is_delight"] for t in tps) or noted("Delights"),
        "Opportunities": any(t["opportunities"] for t in tps) or noted("Opportunities"),
        "KPIs": any(k["on"]["kind"] in ("stage", "touchpoint") for k in model["kpis"]),
        "Owners": any(s["owner"] for s in stages) or any(t["owner"] for t in tps),
    }
    return [lane for lane, shown in has.items() if shown]


# the lane each note of a stage stands in, and the stage's key for it
NOTE_LANES = {"Doing": "does", "Thinking": "thinks", "Quotes": "quotes", "Feeling": "feels",
              "Pain points": "pain", "Delights": "delight", "Opportunities": "opportunities"}


def stage_notes(stage, lane):
    """The stage's own notes in a lane, blank ones left out."""
    value = stage.get(NOTE_LANES.get(lane, ""))
    if isinstance(value, list):
        return value
    return [value] if value and value.strip() else []


def shows(cell_text, note):
    """A cell shows a note: its text, wrapped or shortened (with an ellipsis), perhaps in
    curly quotes, with a touchpoint's name under it."""
    shown = re.sub(r"\s+", "", cell_text).strip("\u201c")
    note = re.sub(r"\s+", "", note)
    if shown.startswith(note):
        return True
    cut = shown.find("\u2026")
    return cut > 0 and note.startswith(shown[:cut])


def lived(model, personas):
    """The titles of the touchpoints the personas live."""
    titles = set()
    for persona in personas:
        walked = [j for j in model["journeys"] if persona in j["personas"]]
        others = [j for j in model["journeys"] if persona not in j["personas"]]
        for t in model["touchpoints"]:
            if persona in t["personas"] or any(t["id"] in j["steps"] for j in walked) or \
                    (not t["personas"] and not any(t["id"] in j["steps"] for j in others)):
                titles.add(t["title"] if t.get("title") else t["id"])
    return titles


SVG = "{http://www.w3.org/2000/svg}"
NOW, AIM, BOTH = "\u25a0", "\u25a1", "\u25a3"


def check_shared_scale(svg, bands_columns, stages):
    """In each band the stages' now and aim marks, left to right, are those of its columns,
    each emotion at one height and a better emotion higher (SVG y grows downwards)."""
    problems = []
    for node in svg.iter(SVG + "g"):
        title = node.find(SVG + "title")
        match = re.fullmatch(r"band_(\d+)", title.text if title is not None else "")
        if node.get("class") != "node" or not match or int(match.group(1)) not in bands_columns:
            continue
        columns = [stages[sid] for sid in bands_columns[int(match.group(1))]]
        marks = sorted((float(t.get("x")), float(t.get("y")), t.text) for t in node.iter(SVG + "text")
                       if t.text in (NOW, AIM, BOTH))
        for glyphs, key in (((NOW, BOTH), "emotion"), ((AIM, BOTH), "aspiration")):
            shown = [(x, y) for x, y, glyph in marks if glyph in glyphs]
            values = [stage[key] for stage in columns if stage[key] is not None]
            if len(shown) != len(values):
                problems.append(f"band {match.group(1)}: {len(shown)} {key} marks for {len(values)} stages with one")
                continue
            heights = {}
            for (x, y), value in zip(shown, values):
                heights.setdefault(value, set()).add(round(y, 1))
            for value, ys in heights.items():
                if len(ys) > 1:
                    problems.append(f"band {match.group(1)}: {key} {value} drawn at heights {sorted(ys)}")
            ordered = sorted((value, min(ys)) for value, ys in heights.items())
            for (low, low_y), (high, high_y) in zip(ordered, ordered[1:]):
                # two values may share a row of the scale; a better one is never lower
                if high_y > low_y:
                    problems.append(f"band {match.group(1)}: {key} {high} is drawn below {low}")
    return problems


MIDDLE_FILL = "#EEF1F5"


def check_curve(stages, band_stage_ids, row, slots):
    """Each column's stretch of the stages' curve, and its join to the column before."""
    problems = []
    previous = None
    for c, stage_id in enumerate(band_stage_ids, 1):
        cell = slots.get((row, c))
        scale = cell.find("TABLE") if cell is not None else None
        if scale is None:
            # a column with nothing to feel has no scale; one with a stage emotion has one
            if stages[stage_id]["emotion"] is not None:
                problems.append(f"column '{stage_id}': no emotion scale in the feeling lane")
            previous = None
            continue
        filled = lambda td: td.get("BGCOLOR") not in (None, MIDDLE_FILL)
        mark_row, lines, joins = None, [], []
        for index, tr in enumerate(scale.findall("TR")[1:]):   # after the spacer
            level, strip = divmod(index, 3)
            cells = tr.findall("TD")
            if any(text(td) in (NOW, BOTH) for td in cells):
                mark_row = level
            if cells and cells[0].get("WIDTH") == "2" and filled(cells[0]):
                joins.append(index)
            if strip == 1 and len(cells) > 1 and all(filled(td) for td in cells[1:]):
                lines.append(level)
        if stages[stage_id]["emotion"] is None:
            if lines or joins:
                problems.append(f"column '{stage_id}': a curve drawn for a stage without an emotion")
            previous = None
            continue
        if mark_row is None or lines != [mark_row]:
            problems.append(f"column '{stage_id}': the curve runs on rows {lines}, the now mark on {mark_row}")
        if previous is not None and mark_row is not None:
            low, high = sorted((3 * previous + 1, 3 * mark_row + 1))
            if joins != list(range(low, high + 1)):
                problems.append(f"column '{stage_id}': the join from row {previous} to {mark_row} fills strips {joins}")
        elif joins:
            problems.append(f"column '{stage_id}': a join with no stage before it on the curve")
        previous = mark_row
    return problems


def check_stage_notes(stages, band_stage_ids, lanes, rows_of, slots):
    """Each stage's own notes come first in its lane, in its own column, and in no other."""
    problems = []
    for lane in lanes:
        if lane not in NOTE_LANES:
            continue
        for c, stage_id in enumerate(band_stage_ids, 1):
            cells = []
            for r in rows_of(lane):
                cell = slots.get((r, c))
                if cell is not None and text(cell) and (not cells or cells[-1] is not cell):
                    # the feeling lane's scale is no item
                    if lane == "Feeling" and cell.find(".//TABLE") is not None:
                        continue
                    cells.append(cell)
            notes = stage_notes(stages[stage_id], lane)
            for index, note in enumerate(notes[:CELL_ITEMS]):
                if index >= len(cells) or not shows(text(cells[index]), note):
                    problems.append(f"column '{stage_id}', lane {lane}: the stage's note {note!r} is not "
                                    f"item {index + 1} of its cell")
            for other_c, other_id in enumerate(band_stage_ids, 1):
                if other_id == stage_id:
                    continue
                for r in rows_of(lane):
                    cell = slots.get((r, other_c))
                    for note in notes:
                        if cell is not None and len(note) > 12 and shows(text(cell), note) and \
                                not any(shows(text(cell), own) for own in stage_notes(stages[other_id], lane)):
                            problems.append(f"lane {lane}: stage '{stage_id}''s note {note!r} is in the column "
                                            f"of '{other_id}'")
    return problems


def spine_as_written(model, column_ids):
    """The columns of each top-level stage in the order the spine is written: a sub-stage
    where it is written, the stage's own column where its first touchpoint is (first when
    it has no touchpoint of its own)."""
    stages = {s["id"]: s for s in model["stages"]}
    where = {t["id"]: (t["location"]["line"], t["location"]["column"]) for t in model["touchpoints"]}
    def top(stage_id):
        while stages[stage_id].get("parent"):
            stage_id = stages[stage_id]["parent"]
        return stage_id
    def place(stage_id):
        stage = stages[stage_id]
        if stage.get("parent"):
            return (stage["location"]["line"], stage["location"]["column"], 1)
        if not stage["touchpoints"]:
            return (-1, -1, 0)
        return where[stage["touchpoints"][0]] + (2,)
    ordered, i = [], 0
    while i < len(column_ids):
        group = [c for c in column_ids[i:] if top(c) == top(column_ids[i])]
        group = group[:next((k for k, c in enumerate(column_ids[i:]) if top(c) != top(column_ids[i])), len(group))]
        ordered += sorted(group, key=place)
        i += len(group)
    return ordered


def main():
    dot_file, model_file, lane_list = sys.argv[1:4]
    model = json.load(open(model_file, encoding="utf-8"))
    options = dict(zip(sys.argv[4::2], sys.argv[5::2]))
    only = lived(model, options["--personas"].split(",")) if "--personas" in options else None
    # the columns the spine gives: a stage without sub-stages, or one with touchpoints or
    # KPIs of its own
    columns_expected = []
    for stage in model["stages"]:
        own_kpis = [k for k in model["kpis"] if k["on"] == {"kind": "stage", "id": stage["id"]}]
        notes = any(stage_notes(stage, lane) for lane in NOTE_LANES)
        if stage["substages"] and not stage["touchpoints"] and not own_kpis and not notes:
            continue
        columns_expected.append(stage["id"])
    columns_expected = spine_as_written(model, columns_expected)
    if only is not None:
        shown = [t for t in model["touchpoints"] if (t["title"] if t.get("title") else t["id"]) in only]
        ids = {t["id"] for t in shown}
        kpis = [k for k in model["kpis"] if k["on"]["kind"] == "stage" or k["on"]["id"] in ids]
        lane_model = dict(model, touchpoints=shown, kpis=kpis)
    else:
        lane_model = model
    expected_lanes = lanes_with_content(lane_model, columns_expected) if lane_list == "auto" else lane_list.split(",")
    stages = {s["id"]: s for s in model["stages"]}
    touchpoints = {t["id"]: t for t in model["touchpoints"]}
    title_of = lambda element: element["title"] if element.get("title") else element["id"]
    problems = []
    columns_seen = []
    bands_columns = {}
    for band_number, label in enumerate(labels(open(dot_file, encoding="utf-8").read()), 1):
        table = ElementTree.fromstring(label)
        slots, row_count = layout(table)
        width = max(c for _, c in slots) + 1
        # the lane headings: the first column's cells with a bold title
        lanes, lane_rows = [], {}
        for r in range(row_count):
            cell = slots.get((r, 0))
            if cell is None or (r > 0 and slots.get((r - 1, 0)) is cell):
                continue
            bold = cell.find(".//B")
            if bold is not None and text(bold) and cell.get("BGCOLOR"):
                lanes.append(text(bold))
                lane_rows[text(bold)] = r
        if lanes != expected_lanes:
            problems.append(f"band {band_number}: lanes {lanes}, expected {expected_lanes}")
            continue
        # the stage of each column: the sub-stage heading under a spanning stage, else the stage
        band_columns = []
        for c in range(1, width):
            top = slots.get((0, c))
            below = slots.get((1, c))
            heading = below if below is not None and below is not top and stage_title(below) else top
            title = stage_title(heading) if heading is not None else None
            if below is not None and below is not top and "the stage as a whole" in text(below):
                title = stage_title(top)
            band_columns.append(title)
        # each column's touchpoints, top to bottom, from the touchpoints lane's rows
        band_stage_ids = []
        def rows_of(lane):
            start = lane_rows[lane]
            following = [lane_rows[l] for l in lanes if lane_rows[l] > start]
            return range(start, min(following) - 1 if following else row_count)  # a rule row ends a lane
        for c, column_title in enumerate(band_columns, 1):
            candidates = [sid for sid in columns_expected
                          if same_title(column_title or "", title_of(stages[sid]))
                          and sid not in columns_seen]
            if not candidates:
                problems.append(f"band {band_number} column {c}: heading '{column_title}' is no stage column left")
                continue
            stage_id = candidates[0]
            columns_seen.append(stage_id)
            band_stage_ids.append(stage_id)
            own = [tid for tid in stages[stage_id]["touchpoints"] if only is None or title_of(touchpoints[tid]) in only]
            if "Touchpoints" not in lane_rows:
                continue
            shown = []
            for r in rows_of("Touchpoints"):
                cell = slots.get((r, c))
                if cell is None or not text(cell):
                    continue
                if re.match(r"\+ \d+ more", text(cell)):
                    shown.append("+more")
                    continue
                bold = cell.find(".//B")
                match = re.match(r"(\d+)\s+(\u2605\s*)?(.*)", text(bold) if bold is not None else "")
                if not match:
                    problems.append(f"column '{column_title}': a touchpoint cell without its number: {text(cell)!r}")
                    continue
                shown.append(match.group(3))
            expected = [title_of(touchpoints[tid]) for tid in own]
            want = expected if len(expected) <= CELL_ITEMS else expected[:CELL_ITEMS] + ["+more"]
            if only is not None:
                want = sorted(want)
                shown_compared = sorted(shown)
            else:
                shown_compared = shown
            if len(shown_compared) != len(want) or not all(
                    s == w or same_title(s, w) for s, w in zip(shown_compared, want)):
                problems.append(f"column '{column_title}': touchpoints {shown}, expected {want}")
            for title in shown:
                owners = [t for t in model["touchpoints"] if same_title(title, title_of(t))]
                if title != "+more" and owners and all(t["stage"] != stage_id for t in owners):
                    problems.append(f"column '{column_title}': touchpoint '{title}' belongs to another stage")
        problems += check_stage_notes(stages, band_stage_ids, lanes, rows_of, slots)
        if "Feeling" in lane_rows:
            problems += check_curve(stages, band_stage_ids, rows_of("Feeling")[0], slots)
        bands_columns[band_number] = band_stage_ids
    if columns_seen != columns_expected:
        problems.append(f"stage columns {columns_seen}, expected {columns_expected} (spine order)")
    if "--svg" in options:
        try:
            svg = ElementTree.parse(options["--svg"]).getroot()
            width, height = (float(v) for v in svg.get("viewBox").split()[2:])
            print(f"aspect {width / height:.2f}:1")
            if "Feeling" in expected_lanes:
                problems += check_shared_scale(svg, bands_columns, stages)
            if width > 3 * height:
                problems.append(f"the picture is {width / height:.2f}:1, wider than 3:1")
        except ElementTree.ParseError as error:
            problems.append(f"the SVG is not well-formed: {error}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
