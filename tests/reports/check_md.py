"""Checks the structure of a Markdown report, beyond its golden file.

Usage: check_md.py REPORT.md
Checks that every table row has as many cells as its header (an unescaped | in user text
would add one), that no raw HTML tag other than <br> appears (user text such as <script>
must arrive as &lt;script&gt;), and that the report's sections are all there, in order.
Prints what is wrong and exits 1, or exits 0 silently."""
import re
import sys

SECTIONS = ["At a glance: where customers struggle", "The spine", "Journey-map canvas", "Heat map",
            "Pain points, hardest first", "Moments of truth", "Stages and touchpoints",
            "Segments and personas", "Journeys", "KPIs", "Proactive-service triggers",
            "Opportunities", "Accountability matrix"]

problems = []


def cells(row):
    """Cells of a table row: split at | not preceded by a backslash."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def main(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    header_cells = None
    for number, line in enumerate(lines, start=1):
        if line.startswith("|"):
            count = len(cells(line))
            if header_cells is None:
                header_cells = count
            elif count != header_cells:
                problems.append(f"line {number}: {count} cells, the table's header has {header_cells}")
        else:
            header_cells = None
        for tag in re.findall(r"<[A-Za-z/!?][^>]*>?", line):
            if tag != "<br>":
                problems.append(f"line {number}: raw markup {tag!r}")
    headings = [line[3:] for line in lines if line.startswith("## ")]
    # the service blueprint follows the stages in a map with backstage or support work
    if "Service blueprint" in headings and headings.index("Service blueprint") == SECTIONS.index("Stages and touchpoints") + 1:
        headings.remove("Service blueprint")
    if headings != SECTIONS:
        problems.append(f"sections {headings}\n    expected {SECTIONS}")


if __name__ == "__main__":
    main(sys.argv[1])
    for problem in problems:
        print("    " + problem)
    sys.exit(1 if problems else 0)
