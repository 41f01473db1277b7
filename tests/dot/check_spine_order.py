"""Checks that a one-row full picture reads in the spine as written: every touchpoint is
drawn right of every touchpoint of an earlier block of the spine (a run of a stage's own
touchpoints, or a whole sub-stage) and left of every later one.

usage: check_spine_order.py MAP.json MAP.csv LAYOUT.json
MAP.json is `jrnc -f json`, MAP.csv is `jrnc -f csv` (its rows are the spine as written),
LAYOUT.json is `dot -Tjson` of `jrnc --stages-per-row 0`.
Prints one line per touchpoint out of place; prints nothing when the order holds."""
import csv
import json
import sys

model = json.load(open(sys.argv[1]))
spine = [row["touchpoint_id"] for row in csv.DictReader(open(sys.argv[2], newline=""))]
layout = json.load(open(sys.argv[3]))
x_of = {}
for o in layout.get("objects", []):
    if o.get("name", "").startswith("tp_") and "pos" in o:
        x_of[o["name"][3:]] = float(o["pos"].split(",")[0])

stage_of = {t["id"]: t["stage"] for t in model["touchpoints"]}
parent_of = {s["id"]: s.get("parent") for s in model["stages"]}

def block_key(previous, touchpoint):
    """The block a touchpoint of the spine belongs to, given the block before it."""
    stage = stage_of[touchpoint]
    if parent_of.get(stage):
        return ("sub", stage)
    if previous and previous[0] == "own" and previous[1] == stage:
        return previous
    return ("own", stage, touchpoint)

blocks, key = [], None
for touchpoint in spine:
    key = block_key(key, touchpoint)
    if not blocks or blocks[-1][0] != key:
        blocks.append((key, []))
    blocks[-1][1].append(touchpoint)

problems = []
for i in range(1, len(blocks)):
    before = [t for b in blocks[:i] for t in b[1] if t in x_of]
    if not before: continue
    rightmost = max(x_of[t] for t in before)
    for t in blocks[i][1]:
        if t in x_of and x_of[t] <= rightmost:
            problems.append(f"{t} (x {x_of[t]:.0f}) is not right of an earlier block (x {rightmost:.0f})")
print("\n".join(problems))
