"""Checks `jrnc -f json` output against the map's source and an expectation file.

Usage: check_json.py OUTPUT.json MAP.jrn EXPECT.txt
Checks the top-level keys and their order, each touchpoint's key order, the ids and order
of stages, segments, personas, teams and journeys, counts, that every reference resolves,
that the touchpoints are exactly those the source declares, with locations that point at
their declarations, and the `value PATH JSON` lines of the expectation file.
Prints what is wrong and exits 1, or exits 0 silently."""
import json
import re
import sys

TOP_LEVEL = ["schema", "map", "segments", "personas", "teams", "channels", "metrics",
             "stages", "touchpoints", "journeys", "kpis"]
TOUCHPOINT_KEYS = ["id", "title", "stage", "channels", "personas", "owner", "contact", "emotion",
                   "emotion_label", "effort", "does", "thinks", "feels", "is_pain", "pain",
                   "is_delight", "delight", "is_truth", "truth", "backstage", "trigger",
                   "opportunities", "quotes", "sources", "lane", "support", "evidence", "fail", "wait", "serves",
                   "location"]
STAGE_KEYS = ["id", "title", "parent", "substages", "owner", "emotion", "emotion_label",
              "aspiration", "aspiration_label", "goal", "description", "does", "thinks", "feels",
              "pain", "delight", "opportunities", "quotes", "sources", "loops", "touchpoints", "location"]
HOP_KEYS = ["from", "to", "rate", "after", "goes_back", "declared_loop", "location"]

problems = []


def unique_keys(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        problems.append(f"duplicate keys in an object: {keys}")
    return dict(pairs)


def own_keys(obj):
    return [key for key in obj if not key.startswith("x_")]


def resolve(doc, path):
    """a.b.c where a list item is picked by index or by its id (metric for KPIs)."""
    node = doc
    for part in path.split("."):
        if isinstance(node, list):
            if part.isdigit():
                node = node[int(part)]
            else:
                matches = [item for item in node if item.get("id", item.get("metric")) == part]
                if not matches:
                    raise KeyError(part)
                node = matches[0]
        else:
            node = node[part]
    return node


def read_expectations(path):
    lists, counts, values = {}, {}, []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("value "):
                _, target, literal = line.split(" ", 2)
                values.append((target, json.loads(literal)))
                continue
            key, _, rest = line.partition(":")
            rest = rest.split()
            if len(rest) == 1 and rest[0].isdigit():
                counts[key] = int(rest[0])
            else:
                lists[key] = rest
    return lists, counts, values


def check_references(doc):
    ids = {kind: {item["id"] for item in doc[kind]}
           for kind in ("segments", "personas", "teams", "channels", "metrics", "stages",
                        "touchpoints", "journeys")}
    for touchpoint in doc["touchpoints"]:
        if touchpoint["stage"] not in ids["stages"]:
            problems.append(f"touchpoint {touchpoint['id']}: unknown stage {touchpoint['stage']}")
        for channel in touchpoint["channels"]:
            if channel not in ids["channels"]:
                problems.append(f"touchpoint {touchpoint['id']}: unknown channel {channel}")
        for persona in touchpoint["personas"]:
            if persona not in ids["personas"]:
                problems.append(f"touchpoint {touchpoint['id']}: unknown persona {persona}")
        if touchpoint["owner"] is not None and touchpoint["owner"] not in ids["teams"]:
            problems.append(f"touchpoint {touchpoint['id']}: unknown owner {touchpoint['owner']}")
        if own_keys(touchpoint) != TOUCHPOINT_KEYS:
            problems.append(f"touchpoint {touchpoint['id']}: keys {own_keys(touchpoint)}")
    listed = []
    for stage in doc["stages"]:
        if own_keys(stage) != STAGE_KEYS:
            problems.append(f"stage {stage['id']}: keys {own_keys(stage)}")
        listed += stage["touchpoints"]
        for tp in stage["touchpoints"]:
            if resolve(doc, f"touchpoints.{tp}")["stage"] != stage["id"]:
                problems.append(f"stage {stage['id']} lists {tp}, which is in another stage")
        for child in stage["substages"]:
            if resolve(doc, f"stages.{child}")["parent"] != stage["id"]:
                problems.append(f"stage {stage['id']}: sub-stage {child} names another parent")
        for target in stage["loops"]:
            if target not in ids["stages"]:
                problems.append(f"stage {stage['id']}: loops to unknown {target}")
    if sorted(listed) != sorted(ids["touchpoints"]):
        problems.append("the stages' touchpoint lists do not cover every touchpoint once")
    for journey in doc["journeys"]:
        steps = set(journey["steps"])
        if journey["start"] is not None and journey["start"] not in steps:
            problems.append(f"journey {journey['id']}: start {journey['start']} is not a step")
        for hop in journey["hops"]:
            if list(hop) != HOP_KEYS and own_keys(hop) != HOP_KEYS:
                problems.append(f"journey {journey['id']}: hop keys {list(hop)}")
            if hop["from"] not in steps or hop["to"] not in steps:
                problems.append(f"journey {journey['id']}: hop {hop['from']}->{hop['to']} leaves its steps")
    for kpi in doc["kpis"]:
        if kpi["metric"] not in ids["metrics"]:
            problems.append(f"kpi on {kpi['on']}: unknown metric {kpi['metric']}")
        if kpi["on"]["id"] not in ids[kpi["on"]["kind"] + "s"]:
            problems.append(f"kpi {kpi['metric']}: measured at unknown {kpi['on']}")


def check_declarations(doc, jrn_path):
    """The touchpoints are those the source declares, and their locations point at them."""
    with open(jrn_path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    declared = [match.group(1) for line in lines
                for match in [re.match(r"\s*touchpoint\s+([A-Za-z_]\w*)", line)] if match]
    found = [tp["id"] for tp in doc["touchpoints"]]
    if sorted(found) != sorted(declared) or len(set(found)) != len(found):
        problems.append(f"touchpoints {found}\n    but the source declares {declared}")
    for touchpoint in doc["touchpoints"]:
        location = touchpoint["location"]
        if location["file"] != jrn_path:
            problems.append(f"touchpoint {touchpoint['id']}: location file {location['file']}")
            continue
        text = lines[location["line"] - 1][location["column"] - 1:]
        if not text.startswith("touchpoint " + touchpoint["id"]):
            problems.append(f"touchpoint {touchpoint['id']}: location {location} points at {text!r}")


def main(json_path, jrn_path, expect_path):
    with open(json_path, encoding="utf-8") as handle:
        doc = json.load(handle, object_pairs_hook=unique_keys)
    if list(doc) != TOP_LEVEL:
        problems.append(f"top-level keys {list(doc)}")
        return
    if doc["schema"] != "jrnc/1":
        problems.append(f"schema {doc['schema']!r}")
    lists, counts, values = read_expectations(expect_path)
    for kind, expected in lists.items():
        found = [item["id"] for item in doc[kind]]
        if found != expected:
            problems.append(f"{kind}: {found}\n    expected {expected}")
    for kind, expected in counts.items():
        if len(doc[kind]) != expected:
            problems.append(f"{kind}: {len(doc[kind])}, expected {expected}")
    check_references(doc)
    check_declarations(doc, jrn_path)
    for target, expected in values:
        try:
            found = resolve(doc, target)
        except (KeyError, IndexError) as error:
            problems.append(f"{target}: missing ({error})")
            continue
        if found != expected:
            problems.append(f"{target}: {found!r}, expected {expected!r}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
    for problem in problems:
        print("    " + problem)
    sys.exit(1 if problems else 0)
