#!/usr/bin/env python3
"""A random tangled journey for timing jrnc flow: a path of N steps with rated hops, plus
EXTRA x N unrated hops between random steps. Usage: flow_journey.py N EXTRA OUT"""
import random, sys
n = int(sys.argv[1]); extra = float(sys.argv[2]) if len(sys.argv) > 2 else 1.5
rng = random.Random(n)
L = ['stage s "S"'] + [f"touchpoint t{i} in s" for i in range(n)] + ['journey j "J" {']
seen=set()
for i in range(n-1):
    L.append(f"  t{i} -> t{i+1} [rate: {rng.randint(50,95)}%, after: 1h]"); seen.add((i,i+1))
for _ in range(int(extra*n)):
    a, b = rng.randrange(n-1), rng.randrange(n)
    if (a,b) in seen: continue
    seen.add((a,b)); L.append(f"  t{a} -> t{b}")
L.append("}")
open(sys.argv[3] if len(sys.argv)>3 else "/dev/stdout","w").write("\n".join(L)+"\n")
