"""Reference answers for `jrnc flow`, computed independently of jrnc: exact rational
arithmetic (fractions) and dense Gaussian elimination on the textbook absorbing-chain
equations. Small journeys only; that is what the reference is for."""
from fractions import Fraction as F

DAYS = {"min": F(1, 1440), "h": F(1, 24), "d": F(1), "w": F(7), "mo": F(30), "y": F(365)}


def duration_days(text):
    """'2d' -> 2, '30min' -> 1/48."""
    for unit in ("min", "mo", "h", "d", "w", "y"):
        if text.endswith(unit):
            return F(text[: -len(unit)]) * DAYS[unit]
    raise ValueError(text)


def solve_linear(matrix, rhs):
    """Solves matrix x = rhs exactly (Gauss-Jordan with Fractions)."""
    n = len(rhs)
    a = [row[:] + [rhs[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if a[r][col] != 0)
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[r][col] != 0:
                factor = a[r][col] / a[col][col]
                a[r] = [x - factor * y for x, y in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]


def flow(case):
    """case: {"stages": [...], "touchpoints": {id: stage}, "hops": [(from, to, rate '30%' or None,
    after '2d' or None)], "start": id or None}. Returns the numbers jrnc's JSON holds."""
    hops = case["hops"]
    steps = []
    for frm, to, _, _ in hops:
        for s in (frm, to):
            if s not in steps:
                steps.append(s)
    index = {s: i for i, s in enumerate(steps)}
    n = len(steps)
    entry = index[case.get("start") or hops[0][0]]
    # Probabilities: rated hops take their rate, unrated split the rest, else the rest is lost,
    # or completes at an ends: step (everywhere with rest: completes); no hop out completes.
    out = {s: [h for h in hops if h[0] == s] for s in steps}
    prob = {}
    lost_rate = [F(0)] * n
    completes_rate = [F(0) if out[s] else F(1) for s in steps]
    rest_completes = lambda s: s in case.get("ends", []) or case.get("rest") == "completes"
    for s in steps:
        rated = sum((F(h[2][:-1]) / 100 for h in out[s] if h[2]), F(0))
        unrated = [h for h in out[s] if not h[2]]
        for h in out[s]:
            prob[(h[0], h[1])] = F(h[2][:-1]) / 100 if h[2] else (1 - rated) / len(unrated)
        if out[s] and not unrated and rated < 1:
            if rest_completes(s):
                completes_rate[index[s]] = 1 - rated
            else:
                lost_rate[index[s]] = 1 - rated
    is_end = [completes_rate[i] > 0 for i in range(n)]
    P = [[F(0)] * n for _ in range(n)]
    for (frm, to), p in prob.items():
        P[index[frm]][index[to]] += p
    # Reachability over edges anyone takes; a state is recurrent (trapped) when it cannot reach
    # an exit and everything it reaches leads back to it.
    reach = []
    for i in range(n):
        seen, todo = set(), [i]
        while todo:
            u = todo.pop()
            for v in range(n):
                if P[u][v] > 0 and v not in seen:
                    seen.add(v)
                    todo.append(v)
        reach.append(seen)
    exits = [is_end[i] or lost_rate[i] > 0 for i in range(n)]
    recurrent = [not exits[i] and not any(exits[j] for j in reach[i]) and i in reach[i]
                 and all(i in reach[j] for j in reach[i]) for i in range(n)]
    transient = [i for i in range(n) if not recurrent[i]]
    t = {s: k for k, s in enumerate(transient)}
    m = len(transient)
    # Visits: v = e_entry + P_TT^T v.
    A = [[(1 if r == c else 0) - P[transient[c]][transient[r]] for c in range(m)] for r in range(m)]
    e = [F(1) if transient[r] == entry else F(0) for r in range(m)]
    v_t = solve_linear(A, e) if m else []
    visits = [F(0)] * n
    for k, s in enumerate(transient):
        visits[s] = v_t[k]
    # Traps: what flows into each recurrent class.
    classes = []
    for i in range(n):
        if recurrent[i] and not any(i in c for c in classes):
            classes.append(sorted({i} | {j for j in reach[i]}))
    trap_share = []
    for c in classes:
        share = sum((visits[i] * P[i][j] for i in transient for j in c), F(0)) + (1 if entry in c else 0)
        trap_share.append(share)
        for j in c:
            visits[j] = None if share > 0 else F(0)
    # Chance of completing: a = end + P_TT a.
    B = [[(1 if r == c else 0) - P[transient[r]][transient[c]] for c in range(m)] for r in range(m)]
    g = [completes_rate[transient[r]] for r in range(m)]
    a_t = solve_linear(B, g) if m else []
    success = [F(0)] * n
    for k, s in enumerate(transient):
        success[s] = a_t[k]
    completion = sum((visits[i] * completes_rate[i] for i in range(n) if is_end[i] and visits[i] is not None), F(0))
    has_durations = any(h[3] for h in hops)
    timed = sum((visits[index[h[0]]] * prob[(h[0], h[1])] * success[index[h[1]]] * duration_days(h[3])
                 for h in hops if h[3] and not recurrent[index[h[0]]]), F(0))
    stage_order = case["stages"]
    stage_of = case["touchpoints"]
    lost = {s: visits[index[s]] * lost_rate[index[s]] for s in steps if lost_rate[index[s]] > 0}
    lost_by_stage = {}
    for s, share in lost.items():
        lost_by_stage[stage_of[s]] = lost_by_stage.get(stage_of[s], F(0)) + share

    def same_component(u, w):
        return u == w or (w in reach[u] and u in reach[w])

    loops = []
    for frm, to, _, _ in hops:
        goes_back = stage_order.index(stage_of[to]) < stage_order.index(stage_of[frm])
        closes = same_component(index[frm], index[to]) and index[to] <= index[frm]
        if goes_back or closes:
            v = visits[index[frm]]
            loops.append((frm, to, None if v is None else v * prob[(frm, to)]))
    return {
        "completion": completion,
        "ends": {s: None if visits[index[s]] is None else visits[index[s]] * completes_rate[index[s]]
                 for s in steps if is_end[index[s]]},
        "lost": lost,
        "lost_by_stage": lost_by_stage,
        "visits": {s: visits[index[s]] for s in steps},
        "mean_days_to_complete": timed / completion if has_durations and completion > 0 else None,
        "entry": steps[entry],
        "trapped": sum(trap_share, F(0)),
        "traps": [[steps[i] for i in c] for c in classes],
        "loops": loops,
    }


def journey_source(case, journey_id="j"):
    """The .jrn text of a case: its stages, touchpoints and one chain line per hop."""
    lines = [f'stage {s} "{s.upper()}"' for s in case["stages"]]
    lines += [f"touchpoint {tp} in {stage}" for tp, stage in case["touchpoints"].items()]
    lines.append(f'journey {journey_id} "{case.get("title", journey_id)}" {{')
    if case.get("start"):
        lines.append(f"  start: {case['start']}")
    if case.get("ends"):
        lines.append(f"  ends: {', '.join(case['ends'])}")
    if case.get("rest"):
        lines.append(f"  rest: {case['rest']}")
    for frm, to, rate, after in case["hops"]:
        props = [p for p in (f"rate: {rate}" if rate else None, f"after: {after}" if after else None) if p]
        lines.append(f"  {frm} -> {to}" + (f" [{', '.join(props)}]" if props else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"
