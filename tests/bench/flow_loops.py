#!/usr/bin/env python3
"""A journey of many nearly closed loops linked at random, the hardest shape for jrnc flow's
iterative solver: N steps in loops of LENGTH, each step going round its loop at RATE%;
the first LINKS steps of each loop also hop to two random steps anywhere (sharing the
remainder). Usage: flow_loops.py N LENGTH LINKS RATE OUT"""
import random, sys
n, length, links, rate = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(n)
lines = ['stage s "S"'] + [f"touchpoint t{i} in s" for i in range(n)] + ['journey j "J" {']
for base in range(0, n - n % length, length):
    for k in range(length):
        step, following = base + k, base + (k + 1) % length
        lines.append(f"  t{step} -> t{following} [rate: {rate}%, after: 1h]")
        targets = {following}
        for _ in range(2 if k < links else 0):
            target = rng.randrange(n)
            if target not in targets:
                targets.add(target)
                lines.append(f"  t{step} -> t{target}")
lines.append("}")
open(sys.argv[5], "w").write("\n".join(lines) + "\n")
