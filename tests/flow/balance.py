#!/usr/bin/env python3
"""Checks `jrnc flow -f json` against the flow's own equations, whatever method solved it:
every step's visits equal the entrant (at the entry) plus the flow of the hops into it
(each hop's flow is its origin's visits times its probability), and the shares of
entrants who complete, are lost and are trapped add up to 1. Values are written with ten
significant digits, so they must agree to 1e-8 relative to the largest visits.
Usage: balance.py FLOW.json; prints what does not hold, nothing when all does."""
import json, sys

def check(journey):
    problems = []
    visits = journey["visits"]
    into = {step: 0.0 for step in visits}
    into[journey["entry"]] += 1.0
    for hop in journey["hops"]:
        origin = visits[hop["from"]]
        if origin is None:
            continue
        expected = origin * hop["probability"]
        if abs(hop["flow"] - expected) > 1e-8 * max(1.0, abs(expected)):
            problems.append(f"hop {hop['from']} -> {hop['to']}: flow {hop['flow']}, visits x probability {expected}")
        into[hop["to"]] += expected
    scale = max([abs(v) for v in visits.values() if v is not None] + [1.0])
    for step, value in visits.items():
        if value is not None and abs(value - into[step]) > 1e-8 * scale:
            problems.append(f"step {step}: visits {value}, inflow {into[step]}")
    total = journey["completion"] + journey["lost_total"] + journey["trapped"]
    if abs(total - 1) > 1e-8:
        problems.append(f"completion + lost + trapped = {total}")
    return problems

journeys = json.load(open(sys.argv[1]))["journeys"]
problems = [p for j in journeys for p in check(j)]
print("\n".join(problems[:10]))
