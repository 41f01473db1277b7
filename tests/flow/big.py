"""Writes a 10,000-step map for the speed test and checks jrnc's answer against closed forms.
Usage: big.py write FILE | big.py check JSON_FILE  (prints nothing when all is well)."""
import json
import math
import sys

N = 10000
P_STEP = 0.9999


def write(path):
    lines = ['stage early "Early"', 'stage late "Late"']
    lines += [f"touchpoint t{i} in {'early' if i < N // 2 else 'late'}" for i in range(N)]
    lines += [f"touchpoint u{i} in early" for i in range(N)]
    lines += ['touchpoint done in late', 'touchpoint hub in late']
    # One 10,000-step loop: every step keeps 99.99%; at the end half go round again, 40% finish.
    lines.append('journey ring "Ring" {')
    lines += [f"  t{i} -> t{i + 1} [rate: 99.99%, after: 1h]" for i in range(N - 1)]
    lines.append(f"  t{N - 1} -> t0 [rate: 50%, after: 1d]")
    lines.append(f"  t{N - 1} -> done [rate: 40%, after: 1d]")
    lines.append("}")
    # A ladder of loops three steps back plus a hub every step can fall into and leave: one
    # big strongly connected component with many crossing cycles.
    lines.append('journey ladder "Ladder" {')
    for i in range(N - 1):
        lines.append(f"  u{i} -> u{i + 1} [rate: 90%, after: 2h]")
        if i >= 3:
            lines.append(f"  u{i} -> u{i - 3} [rate: 5%]")
        if i % 5 == 0:
            lines.append(f"  u{i} -> hub [rate: 4%]")
            lines.append(f"  hub -> u{i}")
    lines.append(f"  u{N - 1} -> done")
    lines.append("}")
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")


def check(path):
    journeys = {j["id"]: j for j in json.load(open(path))["journeys"]}
    ring = journeys["ring"]
    around = P_STEP ** (N - 1)          # reach the last step on one pass
    again = 0.5 * around                # go round once more
    loops_given_done = again / (1 - again)
    want = {
        "completion": 0.4 * around / (1 - again),
        "visits t0": 1 / (1 - again),
        f"visits t{N - 1}": around / (1 - again),
        "mean_days_to_complete": (loops_given_done + 1) * (N - 1) / 24 + loops_given_done + 1,
    }
    got = {
        "completion": ring["completion"],
        "visits t0": ring["visits"]["t0"],
        f"visits t{N - 1}": ring["visits"][f"t{N - 1}"],
        "mean_days_to_complete": ring["mean_days_to_complete"],
    }
    problems = [f"ring {k}: got {got[k]}, want {want[k]}" for k in want
                if not math.isclose(got[k], want[k], rel_tol=1e-8)]
    for j in journeys.values():
        total = j["completion"] + j["lost_total"] + j["trapped"]
        if not math.isclose(total, 1.0, rel_tol=1e-9):
            problems.append(f"{j['id']}: completion + lost + trapped = {total}")
    ladder = journeys["ladder"]
    if not (0 < ladder["completion"] < 1) or ladder["visits"]["hub"] <= 0:
        problems.append(f"ladder: completion {ladder['completion']}, hub visits {ladder['visits']['hub']}")
    print("\n".join(problems))


if __name__ == "__main__":
    {"write": write, "check": check}[sys.argv[1]](sys.argv[2])
