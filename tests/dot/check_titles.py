"""Checks that a map picture keeps its stage titles clear: every stage box has its title as
a node at its left edge, at the top of its column, and no drawn arrow passes through a title.

usage: check_titles.py LAYOUT.json
LAYOUT.json is `dot -Tjson` of a jrnc map view. Prints one line per problem; prints nothing
when every title is clear. Graphviz routes edges around nodes but through cluster labels,
so a stage box must draw no label of its own: its title is the node title_ID."""
import json
import sys

INSET = 2.0   # points: a curve may touch a box's edge, not run through it


def bezier_points(points, steps=16):
    out = []
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for k in range(steps + 1):
            t = k / steps
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3
            out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                        a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def node_box(o):
    x, y = map(float, o["pos"].split(","))
    w, h = float(o["width"]) * 72, float(o["height"]) * 72
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


layout = json.load(open(sys.argv[1]))
objects = layout.get("objects", [])
names = {o["_gvid"]: o.get("name", "") for o in objects}
problems = []

clusters = [o for o in objects if o.get("name", "").startswith("cluster_")]
titles = {o["name"]: node_box(o) for o in objects if o.get("name", "").startswith("title_") and "pos" in o}
for cluster in clusters:
    if cluster.get("label") or cluster.get("lp"):
        problems.append(f"{cluster['name']} draws a label of its own (arrows are routed through it)")
    stage = cluster["name"][len("cluster_"):]
    title = titles.get("title_" + stage)
    if title is None:
        problems.append(f"{cluster['name']} has no title node")
        continue
    # the nodes drawn directly or in sub-stages of this box, by the gvids it lists
    members = [objects[i] for i in cluster.get("nodes", [])
               if "pos" in objects[i] and objects[i]["name"] != "title_" + stage]
    for node in members:
        left, bottom, right, top = node_box(node)
        if (left + right) / 2 < (title[0] + title[2]) / 2 - 1:
            problems.append(f"{node['name']} stands in a column left of the title of {stage}")
        if right > title[0] and left < title[2] and bottom > title[1] and not node["name"].startswith("title_"):
            problems.append(f"{node['name']} stands above the title of {stage} in its column")

for edge in layout.get("edges", []):
    if edge.get("style") == "invis":
        continue
    crossed = None
    for op in edge.get("_draw_", []):
        if op["op"] not in ("b", "B"):
            continue
        for px, py in bezier_points(op["points"]):
            for name, (x0, y0, x1, y1) in titles.items():
                if x0 + INSET < px < x1 - INSET and y0 + INSET < py < y1 - INSET:
                    crossed = name
                    break
            if crossed:
                break
        if crossed:
            break
    if crossed:
        problems.append(f"{names[edge['tail']]} -> {names[edge['head']]} crosses {crossed}")

print("\n".join(problems))
