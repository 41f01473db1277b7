"""check_palette.py THEME_FILE... — checks the colours of each theme (as jrnc --print-theme
writes them) by numbers, not by eye:
  - contrast (WCAG 2.1): text the picture draws at 4.5:1 on every ground it is drawn on;
    lines and marks (journeys, borders, loops) at 3:1 on the grounds they cross;
  - journeys: the theme's colours stay apart (CIEDE2000 >= JOURNEY_DELTA) for normal vision
    and simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009);
  - the heat map: pain, delight, both and neutral fills stay apart in grey (lightness), or
    in colour under every deficiency for the colorblind theme; the marks (▼ ▲ and shapes)
    tell them apart anyway, which the themes suite checks in the outputs.
Prints PASS:/FAIL: lines."""
import itertools
import sys

import palette

TEXT = 4.5
GRAPHICS = 3.0
JOURNEY_DELTA = 10.0
FILL_DELTA = 8.0


def read(path):
    theme = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        key, value = line.split(":", 1)
        words = value.split()
        if "#" in words:   # a comment: "#" then a blank
            words = words[:words.index("#")]
        theme[key.strip()] = words if key.strip() == "journeys" else words[0]
    return theme


def check(path):
    t = read(path)
    name = t.get("base", path)
    problems = []

    def need(kind, minimum, fg_keys, bg_keys):
        for fg in fg_keys:
            for bg in bg_keys:
                ratio = palette.contrast(t[fg], t[bg]) if fg in t else palette.contrast(fg, t[bg])
                if ratio < minimum:
                    problems.append(f"{kind}: {fg} {t.get(fg, fg)} on {bg} {t[bg]} is {ratio:.2f}:1, under {minimum}:1")

    grounds = ["background", "lanes", "sub-lanes", "nodes"]
    need("text", TEXT, ["text", "muted"], grounds + ["page"])
    need("text", TEXT, ["pain-text"], ["pain-fill"])
    need("text", TEXT, ["delight-text"], ["delight-fill"])
    need("text", TEXT, ["mixed-text"], ["mixed-fill", "background"])
    need("text", TEXT, ["neutral-text"], ["nodes"])
    need("text", TEXT, ["met", "missed"], ["nodes", "lanes", "sub-lanes"])
    # a stage node in the spine view is filled by its emotion and carries both emotion texts
    emotions = [f"emotion-{i}" for i in range(1, 6)]
    need("text", TEXT, ["worse", "better", "text", "muted"], emotions + ["lanes", "sub-lanes"])
    need("graphics", GRAPHICS, ["pain", "delight", "mixed", "lines"], ["lanes", "sub-lanes"])
    need("graphics", GRAPHICS, ["loops", "edges", "spine"] + [], ["background", "lanes", "sub-lanes"])
    for color in t["journeys"]:
        need("graphics", GRAPHICS, [color], ["background", "lanes", "sub-lanes"])
    for deficiency in palette.DEFICIENCIES:
        for a, b in itertools.combinations(t["journeys"], 2):
            delta = palette.difference(a, b, deficiency)
            if delta < JOURNEY_DELTA:
                problems.append(f"journeys {a} and {b} differ by only {delta:.1f} (CIEDE2000) under {deficiency}")
    fills = ["pain-fill", "delight-fill", "mixed-fill", "nodes"]
    if name == "colorblind":
        for deficiency in palette.DEFICIENCIES:
            for group in (fills, ["pain", "delight", "mixed"]):
                for a, b in itertools.combinations(group, 2):
                    delta = palette.difference(t[a], t[b], deficiency)
                    if delta < FILL_DELTA:
                        problems.append(f"{a} and {b} differ by only {delta:.1f} under {deficiency}")
    if name == "print":
        for a, b in itertools.combinations(["pain-fill", "mixed-fill", "nodes"], 2):
            delta = palette.difference(t[a], t[b], "greyscale")
            if delta < FILL_DELTA:
                problems.append(f"{a} and {b} differ by only {delta:.1f} in grey")
    label = f"palette of the {name} theme: contrast and colour-vision distinctness"
    if problems:
        print(f"FAIL: {label}\n" + "\n".join(f"    {p}" for p in problems[:20]))
    else:
        print(f"PASS: {label}")
    return not problems


if __name__ == "__main__":
    results = [check(path) for path in sys.argv[1:]]
    sys.exit(0 if all(results) else 1)
