#!/usr/bin/env python3
"""Generates the maps whose pictures once took Graphviz minutes or gigabytes (issue 18),
for the layout benchmark (tests/bench/layout.py) and the dot suite.

Usage: layout_maps.py KIND N OUT.jrn
  star N      one stage of N touchpoints, three 30% hops out of each
  spread N    N touchpoints over 40 stages, a journey per persona with loops
  tall N      200 stages, the first holding N touchpoints, one journey through all
  chains N    3 stages of N touchpoints, each stage a cycle of 30% hops (the costliest
              shape per touchpoint: N ranks to a stage)"""
import sys

kind, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [f'map "Layout case {kind} {count}"', 'persona walker "Walker"', ""]

if kind == "star":
    lines.append('stage only "The only stage" {')
    lines += [f'  touchpoint t{i} "Step {i}"' for i in range(count)]
    lines.append("}")
    lines.append('journey walk "Walk" for walker {')
    for i in range(count):
        for k in (1, 2, 3):
            lines.append(f"  t{i} -> t{(i + k) % count} [rate: 30%]")
    lines.append("}")
elif kind == "spread":
    stages = 40
    lines += [f'persona p{i} "Persona {i}"' for i in range(8)]
    for s in range(stages):
        lines.append(f'stage s{s} "Stage {s}" {{')
        if s >= 3 and s % 4 == 3:
            lines.append(f"  loops: s{s - 3}")
        for t in range(s * count // stages, (s + 1) * count // stages):
            flags = '  pain: "Too slow"' if t % 7 == 0 else ""
            lines.append(f'  touchpoint t{t} "Touchpoint {t} of stage {s}" {{ emotion: {t % 5 - 2}{flags} }}')
        lines.append("}")
    for p in range(8):
        steps = [t for t in range(count) if t % 8 == p]
        lines.append(f'journey j{p} "Walk {p}" for p{p} {{')
        for n in range(1, len(steps)):
            rate = f" [rate: {60 + n % 30}%]" if n % 10 == 0 else ""
            lines.append(f"  t{steps[n - 1]} -> t{steps[n]}{rate}")
        lines.append("}")
elif kind == "tall":
    for s in range(200):
        lines.append(f'stage s{s} "Stage {s}" {{')
        inside = count if s == 0 else 1
        lines += [f'  touchpoint s{s}t{t} "Touchpoint {t} of stage {s}"' for t in range(inside)]
        lines.append("}")
    lines.append('journey walk "Walk" for walker {')
    lines += [f"  s0t{t} -> s0t{t + 1}" for t in range(count - 1)]
    lines += [f"  s{s}t0 -> s{s + 1}t0 [rate: 90%]" for s in range(199)]
    lines.append("}")
elif kind == "chains":
    for s in range(3):
        lines.append(f'stage s{s} "Stage {s}" {{')
        lines += [f'  touchpoint s{s}t{i} "Touchpoint {i} of stage {s}"' for i in range(count)]
        lines.append("}")
    lines.append('journey walk "Walk" for walker {')
    for s in range(3):
        lines += [f"  s{s}t{i} -> s{s}t{(i + 1) % count} [rate: 30%]" for i in range(count)]
    lines.append("}")
else:
    sys.exit(f"layout_maps.py: unknown kind {kind}")

with open(out, "w") as handle:
    handle.write("\n".join(lines) + "\n")
