#!/usr/bin/env python3
"""soak.py — saves the map `jrnc serve` watches SAVES times, each save waited for on the
event stream (so each is a compilation of its own), the page fetched every few saves,
and prints the server's resident memory as it goes; fails when it grows.

    python3 tests/serve/soak.py URL MAP PID SAVES

Memory is read from /proc/PID/status (VmRSS) once the first fifth of the saves has warmed
the allocator up, and at the end: the end may be at most GROWTH_KB above it.
"""
import os
import sys
import time
import urllib.request

GROWTH_KB = 1024
url, map_path, pid, saves = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def resident_kb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit(f"FAIL: serve soak: no VmRSS for pid {pid}")


base = open(map_path).read()
if 'map "' not in base:
    raise SystemExit(f"FAIL: serve soak: {map_path} has no titled map")
stream = urllib.request.urlopen(url + "events", timeout=10)


def next_generation():
    while True:
        line = stream.readline().decode()
        if not line:
            raise SystemExit("FAIL: serve soak: the event stream ended")
        if line.startswith("data: "):
            return int(line[6:])


start = time.time()
figures = []
warm = max(1, saves // 5)
for i in range(1, saves + 1):
    text = base.replace('map "', f'map "Soak {i} ', 1)
    if i % 2:
        with open(map_path + ".saving~", "w") as out:
            out.write(text)
        os.rename(map_path + ".saving~", map_path)
    else:
        with open(map_path, "w") as out:
            out.write(text)
    next_generation()
    if i % 100 == 0:
        view = "" if i % 200 else "?view=spine"
        page = urllib.request.urlopen(url + view, timeout=10).read().decode()
        if f"Soak {i} " not in page:
            raise SystemExit(f"FAIL: serve soak: the page after save {i} does not show it")
    if i == warm or i == saves or i % (saves // 4 or 1) == 0:
        figures.append((i, resident_kb()))
took = time.time() - start
warm_kb = dict(figures)[warm]
end_kb = figures[-1][1]
line = ", ".join(f"{kb} kB after {i}" for i, kb in figures)
name = f"serve soak: memory stays flat over {saves} saves"
if end_kb - warm_kb > GROWTH_KB:
    print(f"FAIL: {name}\n    resident memory grew {end_kb - warm_kb} kB (limit {GROWTH_KB}): {line}")
else:
    print(f"PASS: {name}")
print(f"soak: {saves} saves in {took:.0f} s; {line}")
