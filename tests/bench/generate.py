#!/usr/bin/env python3
"""Generates a benchmark journey map with N touchpoints, and the equivalent Mermaid
`journey` diagram, for `make bench`.

Usage: generate.py N OUT_PREFIX   -> OUT_PREFIX.jrn and OUT_PREFIX.mmd

The map has a realistic shape: stages (more of them as N grows), personas in segments,
teams, touchpoints with channels, owners, emotions, effort and heat-map flags, KPIs,
and one journey per persona walking its share of the touchpoints, with rates, durations
and loops back to earlier stages (declared on the stages)."""
import random
import sys

count = int(sys.argv[1])
prefix = sys.argv[2]
rng = random.Random(count)
stage_count = max(5, count // 500)
personas = [f"persona_{i}" for i in range(8)]
teams = [f"team_{i}" for i in range(10)]
channels = ["web", "email", "phone", "chat", "portal", "in_app", "meeting", "event"]
emotions = ["frustrated", "unhappy", "neutral", "pleased", "delighted"]

jrn = ["# Generated benchmark map: %d touchpoints in %d stages." % (count, stage_count),
       'map "Benchmark %d" { owner: team_0  reviewed: 2026-09-30  version: 1 }' % count, ""]
jrn += ['segment smb "Small business"', 'segment enterprise "Enterprise"', ""]
jrn += [f'team {t} "Team {t[5:]}"' for t in teams] + [""]
jrn += [f'persona {p} "Persona {p[8:]}" in {"smb" if i % 2 else "enterprise"} {{ goal: "Reach value fast" }}'
        for i, p in enumerate(personas)] + [""]
mmd = ["journey", f"  title Benchmark {count}"]
per_stage = count // stage_count
touchpoints = []
for s in range(stage_count):
    loops = f"  loops: stage_{s - 3}\n" if s >= 3 and s % 4 == 3 else ""
    jrn.append(f'stage stage_{s} "Stage {s}" {{')
    jrn.append(f"  owner: {teams[s % len(teams)]}\n  emotion: {rng.randint(-2, 1)}\n  aspiration: 2")
    if loops:
        jrn.append(loops.rstrip("\n"))
    jrn.append("  kpi csat { target: 4.2  every: monthly  owner: %s }" % teams[s % len(teams)])
    mmd.append(f"  section Stage {s}")
    for k in range(per_stage if s < stage_count - 1 else count - per_stage * (stage_count - 1)):
        t = len(touchpoints)
        touchpoints.append((t, s))
        flags = []
        if t % 7 == 0:
            flags.append('pain: "Too slow"')
        if t % 11 == 0:
            flags.append('delight: "Nice touch"')
        if t % 13 == 0:
            flags.append("truth")
        emotion = rng.choice(emotions)
        jrn.append(f'  touchpoint tp_{t} "Touchpoint {t} of stage {s}" {{ channel: {channels[t % len(channels)]}'
                   f'  owner: {teams[t % len(teams)]}  emotion: {emotion}  effort: {1 + t % 5}'
                   f'{"  " + "  ".join(flags) if flags else ""} }}')
        score = emotions.index(emotion) + 1
        mmd.append(f"    Touchpoint {t} of stage {s}: {score}: {personas[t % len(personas)]}")
    jrn.append("}")
jrn.append("")
# One journey per persona over the touchpoints assigned to it, in spine order.
for i, p in enumerate(personas):
    steps = [t for t, s in touchpoints if t % len(personas) == i]
    jrn.append(f'journey walk_{i} "Walk of {p}" for {p} {{')
    line = [f"tp_{steps[0]}"]
    for n, t in enumerate(steps[1:], 1):
        hop = f"tp_{t}"
        if n % 10 == 0:
            hop += f" [rate: {rng.randint(60, 89)}%, after: {rng.randint(1, 9)}d]"
        line.append(hop)
        if len(line) >= 20:
            jrn.append("  " + " -> ".join(line))
            line = [f"tp_{t}"]
    if len(line) > 1:
        jrn.append("  " + " -> ".join(line))
    # Loops back along declared stage loops: from a stage 4k+3 to the stage 3 before it.
    by_stage = {}
    for t in steps:
        by_stage.setdefault(touchpoints[t][1], []).append(t)
    for s in range(3, stage_count, 4):
        if s in by_stage and s - 3 in by_stage:
            jrn.append(f"  tp_{by_stage[s][-1]} -> tp_{by_stage[s - 3][0]} [rate: 10%]")
    jrn.append("}")
with open(prefix + ".jrn", "w") as handle:
    handle.write("\n".join(jrn) + "\n")
with open(prefix + ".mmd", "w") as handle:
    handle.write("\n".join(mmd) + "\n")
