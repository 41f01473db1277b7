#!/usr/bin/env python3
"""`make bench`, layout part: how long Graphviz takes on the pictures jrnc asks for, on
the maps of issue 18 (tests/bench/layout_maps.py): one stage of N touchpoints with three
30% hops out of each, N touchpoints over 40 stages, 200 stages one of which holds 400.
CPU time (user + system) and peak memory of `jrnc -T svg`, `-T png` and `-f html` under
measure.c, one run each, capped at 60 s.

Targets: no map under 1 MB takes more than 10 s or 1 GB for any output; the
2,000-touchpoint map renders -T svg in under 5 s. It prints met / MISSED and never fails
on a timing (the machine is shared)."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JRNC = os.environ.get("JRNC", os.path.join(ROOT, "jrnc"))
WORK = os.path.join(ROOT, "build", "bench", "layout")
MEASURE = os.path.join(ROOT, "build", "bench", "measure")
CASES = [("star", 30), ("star", 60), ("star", 90), ("star", 100), ("star", 125), ("star", 2000),
         ("spread", 300), ("spread", 1000), ("spread", 2000), ("tall", 400),
         ("chains", 100), ("chains", 125)]


def measure(command):
    """(CPU seconds, peak MB, exit status), or None when it did not finish in 60 s."""
    result = subprocess.run(["timeout", "60", MEASURE] + command, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    lines = result.stdout.decode(errors="replace").strip().splitlines()
    if result.returncode != 0 or not lines:
        return None
    user, system, peak_kib, status = lines[-1].split()
    return float(user) + float(system), int(peak_kib) / 1024, int(status)


def main():
    os.makedirs(WORK, exist_ok=True)
    subprocess.run([os.environ.get("CC", "cc"), "-O2", "-Wall", "-Werror", "-o", MEASURE,
                    os.path.join(ROOT, "tests", "bench", "measure.c")], check=True)
    print("Layout benchmark: CPU s and peak MB of one run, 60 s cap")
    print()
    print("| map | .jrn KB | -T svg s | svg MB | -T png s | png MB | -f html s | html MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    worst_time, worst_memory, spread2000 = 0.0, 0.0, None
    for kind, count in CASES:
        jrn = os.path.join(WORK, f"{kind}{count}.jrn")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "bench", "layout_maps.py"), kind,
                        str(count), jrn], check=True)
        cells = []
        for args in (["-T", "svg"], ["-T", "png"], ["-f", "html"]):
            figures = measure([JRNC] + args + [jrn, "-o", os.devnull])
            if figures is None or figures[2] != 0:
                cells.append("failed or > 60 | ")
                worst_time = float("inf")
                continue
            seconds, megabytes, _ = figures
            worst_time, worst_memory = max(worst_time, seconds), max(worst_memory, megabytes)
            if (kind, count, args[1]) == ("spread", 2000, "svg"):
                spread2000 = seconds
            cells.append(f"{seconds:.2f} | {megabytes:.0f}")
        print(f"| {kind} {count} | {os.path.getsize(jrn) / 1024:.0f} | " + " | ".join(cells) + " |")
        sys.stdout.flush()
    print()
    print(f"- slowest output: {worst_time:.2f} s (target <= 10 s): {'met' if worst_time <= 10 else 'MISSED'}")
    print(f"- most memory: {worst_memory:.0f} MB (target <= 1024 MB): {'met' if worst_memory <= 1024 else 'MISSED'}")
    if spread2000 is not None:
        print(f"- 2,000 touchpoints over 40 stages, -T svg: {spread2000:.2f} s (target < 5 s): "
              f"{'met' if spread2000 < 5 else 'MISSED'}")


if __name__ == "__main__":
    main()
