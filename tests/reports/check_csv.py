"""Checks `jrnc -f csv` output with Python's csv module against `jrnc -f json` of the same map.

Usage: check_csv.py OUTPUT.csv OUTPUT.json
Checks CRLF record ends, the header row, one record per touchpoint in spine order (stage by
stage), the same number of fields in every record, and that each record carries the
touchpoint's values exactly (titles, texts with commas, quotes and line breaks, x_* columns),
a value a spreadsheet would run as a formula (=, +, -, @, tab, CR; not a plain number)
with a leading ' (docs/reports.md).
Prints what is wrong and exits 1, or exits 0 silently."""
import csv
import io
import json
import sys

COLUMNS = ["stage_id", "stage", "touchpoint_id", "touchpoint", "channels", "personas", "owner",
           "owner_inherited", "contact", "emotion", "emotion_label", "effort", "pain", "pain_text",
           "delight", "delight_text", "moment_of_truth", "truth_text", "backstage", "trigger",
           "opportunities", "does", "thinks", "feels", "quotes", "sources", "lane", "evidence", "fail_point", "wait",
           "serves", "kpis", "file", "line", "column"]

problems = []


def text(value):
    return "" if value is None else str(value)


def yes_no(flag):
    return "yes" if flag else "no"


def label(items, item_id):
    item = next(entry for entry in items if entry["id"] == item_id)
    return item["title"] or item["id"]


def expected_record(doc, touchpoint, extension_columns):
    stage = next(entry for entry in doc["stages"] if entry["id"] == touchpoint["stage"])
    emotion = touchpoint["emotion"]
    values = {
        "stage_id": stage["id"], "stage": stage["title"] or stage["id"],
        "touchpoint_id": touchpoint["id"], "touchpoint": touchpoint["title"] or touchpoint["id"],
        "channels": "; ".join(label(doc["channels"], c) for c in touchpoint["channels"]),
        "personas": "; ".join(label(doc["personas"], p) for p in touchpoint["personas"]),
        "contact": text(touchpoint["contact"]),
        "emotion": "" if emotion is None else ("%g" % emotion),
        "emotion_label": text(touchpoint["emotion_label"]), "effort": text(touchpoint["effort"]),
        "pain": yes_no(touchpoint["is_pain"]), "pain_text": text(touchpoint["pain"]),
        "delight": yes_no(touchpoint["is_delight"]), "delight_text": text(touchpoint["delight"]),
        "moment_of_truth": yes_no(touchpoint["is_truth"]), "truth_text": text(touchpoint["truth"]),
        "backstage": yes_no(touchpoint["backstage"]), "trigger": text(touchpoint["trigger"]),
        "opportunities": "; ".join(touchpoint["opportunities"]),
        "does": text(touchpoint["does"]), "thinks": text(touchpoint["thinks"]),
        "feels": text(touchpoint["feels"]), "quotes": "; ".join(touchpoint["quotes"]),
        "sources": "; ".join(touchpoint["sources"]), "lane": touchpoint["lane"],
        "evidence": "; ".join(touchpoint["evidence"]), "fail_point": text(touchpoint["fail"]),
        "wait": touchpoint["wait"]["text"] if touchpoint["wait"] else "",
        "serves": "; ".join(label(doc["touchpoints"], t) for t in touchpoint["serves"]),
        "file": touchpoint["location"]["file"],
        "line": str(touchpoint["location"]["line"]), "column": str(touchpoint["location"]["column"]),
    }
    if touchpoint["owner"] is not None:
        values["owner"] = label(doc["teams"], touchpoint["owner"])
        values["owner_inherited"] = "no"
    else:   # the stage's owner answers for it, else the parent stage's
        parent = next((entry for entry in doc["stages"] if entry["id"] == stage["parent"]), None)
        owner = stage["owner"] or (parent["owner"] if parent else None)
        values["owner"] = label(doc["teams"], owner) if owner else ""
        values["owner_inherited"] = "yes" if owner else ""
    for name in extension_columns:
        value = touchpoint.get(name, "")
        values[name] = "; ".join(map(str, value)) if isinstance(value, list) else text(value)
    return values


def as_cell(value):
    """What the CSV holds for a value: OWASP's leading ' before a would-be formula."""
    if value[:1] in ("=", "@", "\t", "\r"):
        return "'" + value
    if value[:1] in ("-", "+"):
        try:
            float(value)
            if not any(c in value for c in "xXnN"):
                return value
        except ValueError:
            pass
        return "'" + value
    return value


def spine_as_written(doc):
    """Touchpoints in the spine as written: each top-level stage's own touchpoints and its
    sub-stages interleaved in source order (docs/language.md, section 11)."""
    files = []
    def position(location):
        if location["file"] not in files:
            files.append(location["file"])
        return (files.index(location["file"]), location["line"], location["column"])
    touchpoints = {tp["id"]: tp for tp in doc["touchpoints"]}
    order = []
    for stage in doc["stages"]:
        if stage.get("parent"):
            continue
        items = [(position(touchpoints[tp]["location"]), [tp]) for tp in stage["touchpoints"]]
        items += [(position(child["location"]), child["touchpoints"])
                  for child in doc["stages"] if child.get("parent") == stage["id"]]
        for _, ids in sorted(items):
            order.extend(ids)
    return order


def main(csv_path, json_path):
    with open(csv_path, "rb") as handle:
        raw = handle.read().decode("utf-8")
    with open(json_path, encoding="utf-8") as handle:
        doc = json.load(handle)
    records = list(csv.reader(io.StringIO(raw, newline=""), strict=True))
    if not raw.endswith("\r\n") or raw.count("\r\n") != len(records) or "\r\n" in raw.replace("\r\n", ""):
        problems.append("records must end in CRLF, each exactly once")
    header = records[0]
    extension_columns = header[len(COLUMNS):]
    if header[:len(COLUMNS)] != COLUMNS:
        problems.append(f"header {header}")
    if any(not name.startswith("x_") for name in extension_columns):
        problems.append(f"extra columns that are not x_*: {extension_columns}")
    spine_order = spine_as_written(doc)
    found = [record[2] for record in records[1:]]
    if found != spine_order:
        problems.append(f"touchpoint rows {found}\n    expected spine order {spine_order}")
    by_id = {tp["id"]: tp for tp in doc["touchpoints"]}
    for number, record in enumerate(records[1:], start=2):
        if len(record) != len(header):
            problems.append(f"record {number}: {len(record)} fields, header has {len(header)}")
            continue
        row = dict(zip(header, record))
        if row["touchpoint_id"] not in by_id:
            continue
        for column, value in expected_record(doc, by_id[row["touchpoint_id"]], extension_columns).items():
            value = as_cell(value)
            if row[column] != value:
                problems.append(f"record {number} ({row['touchpoint_id']}), {column}: {row[column]!r}, expected {value!r}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
    for problem in problems:
        print("    " + problem)
    sys.exit(1 if problems else 0)
