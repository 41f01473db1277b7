#!/usr/bin/env python3
"""Writes a map of one shape at size N, for the growth suite (tests/suites/growth.sh).

Usage: generate.py SHAPE N OUT.jrn

Shapes, each a way a real map grows large that once cost more than linear time:
  wide    one stage of N touchpoints, each with every canvas note, a quote, an
          opportunity, a pain, its own team (two touchpoints a team) and a persona
          the journey's walker is not: the canvas's cells and the lint rule on
          reserved touchpoints work through the whole stage
  people  N personas, N teams and N journeys over N touchpoints in N/10 stages: the
          heat map (stages x personas) and the accountability matrix (teams x stages)
  spine   tests/bench/generate.py's map (stages, segments, KPIs, journeys with loops)
  titles  a Mermaid journey (for jrnc import mermaid) of N sections and N tasks that all
          share two titles: each id is the title's with the next free suffix"""
import os
import subprocess
import sys

shape, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def wide(out):
    out.write('map "Wide"\npersona walker "Walker"\npersona other "Other"\n')
    for team in range(count // 2 + 1):
        out.write(f'team t{team} "Team {team}"\n')
    out.write('stage s "S" {\n  does: "d"\n  quote: "a", "b"\n')
    for i in range(count):
        out.write(f'  touchpoint x{i} "X {i}" {{ owner: t{i // 2}  emotion: {i % 5 - 2}  does: "do {i}"  '
                  f'thinks: "think"  feels: "feel"  quote: "q{i}"  opportunity: "o"  pain: "p"  '
                  f'persona: other }}\n')
    out.write('}\njourney j "J" for walker {\n  ' + " -> ".join(f"x{i}" for i in range(count)) + "\n}\n")


def people(out):
    out.write('map "People"\n')
    for i in range(count):
        out.write(f'team t{i} "T{i}"\npersona p{i} "P{i}"\n')
    for stage in range(max(1, count // 10)):
        out.write(f'stage s{stage} "S{stage}" {{\n  owner: t{stage}\n')
        for k in range(10):
            i = stage * 10 + k
            if i < count:
                out.write(f'  touchpoint x{i} "X{i}" {{ owner: t{i}  persona: p{i}  emotion: {i % 5 - 2} }}\n')
        out.write("}\n")
    for j in range(count):
        steps = " -> ".join(f"x{(j + 7 * k) % count}" for k in range(5))
        out.write(f'journey j{j} "J{j}" for p{j}, p{(j + 1) % count} {{\n  {steps}\n}}\n')


def titles(out):
    out.write("journey\n  title Titles\n")
    for i in range(count):
        out.write(f"  section Same\n    Same task: {i % 5 + 1}: a, b\n")


if shape == "spine":
    here = os.path.dirname(os.path.abspath(__file__))
    prefix = path[:-4] if path.endswith(".jrn") else path
    subprocess.run([sys.executable, os.path.join(here, "..", "bench", "generate.py"), str(count), prefix], check=True)
    if prefix + ".jrn" != path:
        os.replace(prefix + ".jrn", path)
else:
    with open(path, "w") as out:
        {"wide": wide, "people": people, "titles": titles}[shape](out)
