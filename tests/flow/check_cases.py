"""Runs `jrnc flow -f json` on hand-made journeys and compares every number with the exact
reference (reference.py). Prints one PASS/FAIL line per case for tests/suites/flow.sh.
Usage: check_cases.py JRNC SCRATCH_DIR"""
import json
import math
import os
import subprocess
import sys
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

S3 = ["s1", "s2", "s3"]

CASES = {
    # Two branches, a split of the remainder, two ends. By hand: at a 30% go to b, 50% to c,
    # 20% are lost. c sends 60% to d and its remaining 40% to e (unrated). So d completes
    # 0.3 + 0.5 * 0.6 = 0.6, e completes 0.2. Time for d through b: 1 + 3 = 4 days (share
    # 0.3); d through c: 2 + 1 = 3 (0.3); e: 2 + 5 = 7 (0.2). Mean (1.2 + 0.9 + 1.4) / 0.8.
    "branches": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s2", "d": "s3", "e": "s3"},
        "hops": [("a", "b", "30%", "1d"), ("a", "c", "50%", "2d"), ("b", "d", None, "3d"),
                 ("c", "d", "60%", "1d"), ("c", "e", None, "5d")],
        "by_hand": {"completion": F(8, 10), "ends": {"d": F(6, 10), "e": F(2, 10)},
                    "lost": {"a": F(2, 10)}, "mean_days_to_complete": F(35, 8)},
    },
    # Three loops at once: a self-loop on b, c back to b, d back to a (an earlier stage), and
    # losses at c and d.
    "several-loops": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s2", "d": "s3", "f": "s3"},
        "hops": [("a", "b", None, "1d"), ("b", "c", None, "2d"), ("b", "b", "10%", "1h"),
                 ("c", "b", "20%", "30min"), ("c", "d", "70%", "1d"), ("d", "a", "10%", "5d"),
                 ("d", "f", "85%", "1w")],
    },
    # Several ends, unrated hops splitting what a rated one leaves, a 0% hop nobody takes and
    # an end nobody reaches.
    "several-ends": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s2", "d": "s2", "e": "s2", "f": "s3", "g": "s3"},
        "hops": [("a", "b", "20%", "2w"), ("a", "c", None, "1mo"), ("a", "d", None, None), ("a", "e", "0%", "1y"),
                 ("b", "f", None, "4h"), ("c", "g", "75%", "3d"), ("c", "a", None, "1d")],
        "by_hand": {"ends": {"d": None, "e": F(0)}},
    },
    # start: enters the journey somewhere other than the first step.
    "start": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s3"},
        "start": "b",
        "hops": [("a", "b", "50%", "1d"), ("b", "c", "40%", "2d")],
        "by_hand": {"completion": F(4, 10), "visits": {"a": F(0), "b": F(1), "c": F(4, 10)},
                    "lost": {"a": F(0), "b": F(6, 10)}, "mean_days_to_complete": F(2)},
    },
    # A trapped loop: b and c hand customers back and forth with no way out. Half of the
    # entrants get caught; 40% complete at x; 10% are lost at a.
    "trapped": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s2", "x": "s3"},
        "hops": [("a", "b", "50%", "1d"), ("a", "x", "40%", "2d"), ("b", "c", None, None), ("c", "b", None, None)],
        "by_hand": {"completion": F(4, 10), "trapped": F(5, 10), "visits": {"b": None, "c": None},
                    "mean_days_to_complete": F(2)},
    },
    # Rates trap customers even though a hop leads out: c -> d is 0%, c -> b 100%.
    "rate-trap": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s2", "d": "s3"},
        "hops": [("a", "b", None, "1d"), ("b", "c", None, "1d"), ("c", "b", "100%", "1d"), ("c", "d", "0%", "1d")],
        "by_hand": {"completion": F(0), "trapped": F(1), "mean_days_to_complete": None},
    },
    # ends: most customers are done after the ticket (the support journey of issue 17). By
    # hand: 10% escalate, the other 90% complete at the ticket; 30% of escalations go on to
    # the webinar (a step with no hop out: 3% complete there), the other 70% of them are
    # lost: 7%. Completion 93%; without ends: it would be 3%.
    "ends": {
        "stages": S3,
        "touchpoints": {"ticket": "s1", "escalation": "s2", "webinar": "s3"},
        "ends": ["ticket"],
        "hops": [("ticket", "escalation", "10%", "1d"), ("escalation", "webinar", "30%", "2d")],
        "by_hand": {"completion": F(93, 100), "ends": {"ticket": F(9, 10), "webinar": F(3, 100)},
                    "lost": {"escalation": F(7, 100)},
                    "mean_days_to_complete": F(3 * 3, 100) / F(93, 100)},
    },
    # rest: completes: whatever no rated hop takes is done, at every step. By hand: 70%
    # complete at a, 30% x 50% = 15% at b, 15% at c (no hop out); nobody is lost.
    "rest-completes": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s3"},
        "rest": "completes",
        "hops": [("a", "b", "30%", None), ("b", "c", "50%", None)],
        "by_hand": {"completion": F(1), "ends": {"a": F(7, 10), "b": F(15, 100), "c": F(15, 100)},
                    "lost": {}},
    },
    # No hop says after:, so there is no mean time.
    "no-durations": {
        "stages": S3,
        "touchpoints": {"a": "s1", "b": "s2", "c": "s3"},
        "hops": [("a", "b", "90%", None), ("b", "c", None, None), ("b", "a", "5%", None)],
        "by_hand": {"mean_days_to_complete": None},
    },
}


def random_case(seed):
    """A tangled journey (many cycles through shared steps) to exercise elimination with
    fill-in; rates are whole percentages that never add up to more than 100%."""
    import random
    rng = random.Random(seed)
    n = rng.randint(4, 14)
    names = [f"t{i}" for i in range(n)]
    touchpoints = {t: rng.choice(S3) for t in names}
    hops, seen = [], set()
    for i in range(n - 1):
        hops.append((names[i], names[i + 1]))
        seen.add((names[i], names[i + 1]))
    for _ in range(rng.randint(1, 2 * n)):
        frm, to = rng.choice(names[:-1]), rng.choice(names)
        if (frm, to) not in seen:
            seen.add((frm, to))
            hops.append((frm, to))
    budget = {t: 100 for t in names}
    rated = []
    for frm, to in hops:
        rate = None
        if rng.random() < 0.6 and budget[frm] > 0:
            share = rng.randint(0, budget[frm])
            budget[frm] -= share
            rate = f"{share}%"
        after = rng.choice([None, "1d", "2h", "3w", "45min"])
        rated.append((frm, to, rate, after))
    return {"stages": S3, "touchpoints": touchpoints, "hops": rated}


def close(got, want):
    if want is None:
        return got is None
    if got is None:
        return False
    return math.isclose(got, float(want), rel_tol=1e-8, abs_tol=1e-10)


def compare(name, got, want, problems):
    if isinstance(want, dict):
        if not isinstance(got, dict) or set(got) != set(want):
            problems.append(f"{name}: keys {sorted(got) if isinstance(got, dict) else got} != {sorted(want)}")
            return
        for key in want:
            compare(f"{name}.{key}", got[key], want[key], problems)
    elif not close(got, want):
        problems.append(f"{name}: got {got}, want {None if want is None else float(want)}")


def check_case(jrnc, scratch, name, case):
    path = os.path.join(scratch, f"{name}.jrn")
    with open(path, "w") as handle:
        handle.write(reference.journey_source(case))
    run = subprocess.run([jrnc, "flow", "-f", "json", path], capture_output=True, text=True)
    if run.returncode != 0:
        return [f"exit {run.returncode}", run.stderr]
    got = json.loads(run.stdout)["journeys"][0]
    want = reference.flow(case)
    problems = []
    for key in ("completion", "ends", "lost", "lost_by_stage", "visits", "mean_days_to_complete", "trapped"):
        compare(key, got[key], want[key], problems)
    # The hand-computed numbers, where a case has them, must agree with the reference too.
    for key, value in case.get("by_hand", {}).items():
        if isinstance(value, dict):
            for sub, number in value.items():
                if number is not None:
                    compare(f"by hand {key}.{sub}", got[key].get(sub), number, problems)
                elif sub not in got[key]:
                    problems.append(f"by hand {key}.{sub}: missing")
        else:
            compare(f"by hand {key}", got[key], value, problems)
    if got["entry"] != want["entry"]:
        problems.append(f"entry {got['entry']} != {want['entry']}")
    got_loops = [(l["from"], l["to"], l["times"]) for l in got["loops"]]
    if [l[:2] for l in got_loops] != [l[:2] for l in want["loops"]]:
        problems.append(f"loops {got_loops} != {want['loops']}")
    else:
        for g, w in zip(got_loops, want["loops"]):
            compare(f"loop {g[0]}->{g[1]}", g[2], w[2], problems)
    if [t["steps"] for t in got["traps"]] != want["traps"]:
        problems.append(f"traps {got['traps']} != {want['traps']}")
    total = got["completion"] + got["lost_total"] + got["trapped"]
    if not math.isclose(total, 1.0, rel_tol=1e-9):
        problems.append(f"completion + lost + trapped = {total}, not 1")
    trap_warned = "[trapped-loop]" in run.stderr
    if trap_warned != bool(want["traps"]):
        problems.append(f"trapped-loop warning {'given' if trap_warned else 'missing'}: {run.stderr}")
    return problems


def main():
    jrnc, scratch = sys.argv[1], sys.argv[2]
    cases = dict(CASES)
    for seed in range(40):
        cases[f"random-{seed}"] = random_case(seed)
    for name, case in cases.items():
        problems = check_case(jrnc, scratch, name, case)
        if problems:
            print(f"FAIL: flow matches the exact reference: {name}")
            for line in problems:
                print(f"    {line}")
        else:
            print(f"PASS: flow matches the exact reference: {name}")


if __name__ == "__main__":
    main()
