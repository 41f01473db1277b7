"""Checks that a wrapped full picture draws every hop within one row of stages: a hop
between rows goes on to a small stub in its own row and comes in from one in the other.

usage: check_rows.py MAP.json PER_ROW LAYOUT.json
MAP.json is `jrnc -f json`; LAYOUT.json is `dot -Tjson` of `jrnc --stages-per-row PER_ROW`.
The rows are the top-level stages with touchpoints, PER_ROW at a time in spine order.
Prints one line per edge between touchpoints of different rows and per hop between rows
without its two stubs; prints nothing when every hop stays in its row."""
import json
import sys

model = json.load(open(sys.argv[1]))
per_row = int(sys.argv[2])
layout = json.load(open(sys.argv[3]))

parent = {s["id"]: s.get("parent") for s in model["stages"]}
def top(stage):
    while parent.get(stage):
        stage = parent[stage]
    return stage
populated = {top(t["stage"]) for t in model["touchpoints"] if t.get("stage")}
tops = [s["id"] for s in model["stages"] if not s.get("parent") and s["id"] in populated]
row_of_stage = {s: i // per_row for i, s in enumerate(tops)}
row_of = {t["id"]: row_of_stage[top(t["stage"])] for t in model["touchpoints"] if t.get("stage")}

names = {o["_gvid"]: o.get("name", "") for o in layout.get("objects", [])}
drawn = set()
problems = []
for e in layout.get("edges", []):
    if e.get("style") == "invis": continue
    tail, head = names[e["tail"]], names[e["head"]]
    drawn.add((tail, head))
    if tail.startswith("tp_") and head.startswith("tp_") and row_of[tail[3:]] != row_of[head[3:]]:
        problems.append(f"{tail} -> {head} runs from row {row_of[tail[3:]] + 1} to row {row_of[head[3:]] + 1}")
for journey in model["journeys"]:
    for hop in journey.get("hops", []):
        a, b = hop["from"], hop["to"]
        if row_of[a] == row_of[b]: continue
        on = any(t == "tp_" + a and h.startswith("stub") and h.endswith("o_" + b) for t, h in drawn)
        come = any(h == "tp_" + b and t.startswith("stub") and t.endswith("i_" + a) for t, h in drawn)
        if not (on and come):
            problems.append(f"hop {a} -> {b} (rows {row_of[a] + 1} and {row_of[b] + 1}) lacks its stubs")
print("\n".join(problems))
