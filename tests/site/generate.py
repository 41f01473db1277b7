#!/usr/bin/env python3
"""Writes a generated portfolio for jrnc site's tests and benchmark.

Usage: generate.py MAPS TOUCHPOINTS OUT_DIR [DATA_DIR]

OUT_DIR/shared/people.jrn declares the teams, personas and metric every map shares
through `use`; OUT_DIR/area_K/map_N.jrn are MAPS maps of TOUCHPOINTS touchpoints each over
five stages, with owners, review dates (some stale), pains, KPIs and a journey per
persona. With DATA_DIR, DATA_DIR/area_K/map_N.csv measures each map's stage KPIs."""
import os
import random
import sys

maps, touchpoints, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
data = sys.argv[4] if len(sys.argv) > 4 else None
rng = random.Random(maps * 1000 + touchpoints)
teams = [f"team_{i}" for i in range(12)]
personas = [f"persona_{i}" for i in range(6)]
channels = ["web", "email", "phone", "chat", "portal", "in_app"]

os.makedirs(f"{out}/shared", exist_ok=True)
with open(f"{out}/shared/people.jrn", "w") as shared:
    shared.write("# Shared by every generated map.\n")
    shared.writelines(f'team {t} "Team {t[5:]}"\n' for t in teams)
    shared.writelines(f'persona {p} "Persona {p[8:]}" {{ goal: "Reach value fast" }}\n' for p in personas)
    shared.write('metric csat "Customer satisfaction" { scale: 1..5  better: higher }\n')

for n in range(maps):
    area = f"area_{n % 10}"
    os.makedirs(f"{out}/{area}", exist_ok=True)
    year = 2024 if n % 7 == 0 else 2026
    lines = ['use "../shared/people"', "",
             f'map map_{n} "Generated map {n}" {{ owner: {teams[n % len(teams)]}  reviewed: {year}-0{1 + n % 9}-15 }}', ""]
    ids = []
    per_stage = max(1, touchpoints // 5)
    for s in range(5):
        lines.append(f'stage stage_{s} "Stage {s}" {{')
        lines.append(f"  owner: {teams[(n + s) % len(teams)]}")
        lines.append("  kpi csat { target: 4.2 }")
        for k in range(per_stage if s < 4 else touchpoints - 4 * per_stage):
            tid = f"t{s}_{k}"
            ids.append(tid)
            pain = '  pain: "Slow"' if rng.random() < 0.2 else ""
            persona = personas[rng.randrange(len(personas))]
            lines.append(f'  touchpoint {tid} "Touchpoint {s}.{k}" {{ channel: {rng.choice(channels)}  '
                         f'persona: {persona}  effort: {rng.randint(1, 5)}{pain} }}')
        lines.append("}")
    for p, persona in enumerate(personas[:3]):
        steps = ids[p::3][:12]
        if len(steps) >= 2:
            chain = " -> ".join(steps)
            if n % 3 == 0 and p == 0:
                # every third map rates its first journey's first hop, as measured maps do
                chain = " -> ".join([f"{steps[0]} -> {steps[1]} [rate: 80%]"] + steps[2:])
            lines.append(f'journey j{p} "Journey {p}" for {persona} {{ {chain} }}')
    with open(f"{out}/{area}/map_{n}.jrn", "w") as stream:
        stream.write("\n".join(lines) + "\n")
    if data:
        os.makedirs(f"{data}/{area}", exist_ok=True)
        with open(f"{data}/{area}/map_{n}.csv", "w") as stream:
            stream.write("subject,metric,value,date\n")
            for s in range(5):
                stream.write(f"stage_{s},csat,{rng.choice(['3.8', '4.1', '4.4', '4.7'])},2026-06-30\n")
