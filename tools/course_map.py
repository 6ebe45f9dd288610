"""Write the course map (README.md) and the schedule (docs/instructor-guide.md).

Both tables are rendered from each notebook's ``lesson`` metadata (title, in-class and
homework minutes, objectives; see docs/authoring.md), so the README, the guide and the
notebooks cannot drift apart. `python tools/course_map.py` rewrites the text between
the markers; tests/test_course_map.py checks that both files are current.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from helpers.links import colab_link

ROOT = Path(__file__).resolve().parents[1]
MAP = ("<!-- course-map:start -->", "<!-- course-map:end -->")
SCHEDULE = ("<!-- schedule:start -->", "<!-- schedule:end -->")

#: A 14-week term: (week, lesson numbers taught that week, graded work).
WEEKS = [
    (1, ["00", "01"], "A1 handed out"),
    (2, ["02"], ""),
    (3, ["03"], "A1 due"),
    (4, ["10"], ""),
    (5, ["04"], ""),
    (6, ["05"], ""),
    (7, ["06"], "A2 handed out"),
    (8, ["07"], "A3 handed out"),
    (9, ["09"], "A2 due; A4 handed out"),
    (10, ["11"], "A3 due"),
    (11, ["08"], "A4 due; capstone question agreed"),
    (12, [], "capstone: table and figure reviewed in class"),
    (13, [], "capstone: peer review of drafts"),
    (14, [], "capstone due"),
]


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def lesson(path: Path) -> dict:
    """The notebook's ``lesson`` metadata, with the time written out."""
    meta = dict(nbformat.read(path, as_version=4).metadata["lesson"])
    meta["time"] = f"{meta['in_class_minutes']} min in class"
    if meta.get("homework_minutes"):
        meta["time"] += f" + {meta['homework_minutes']} min homework"
    return meta


def render_map() -> str:
    rows = ["| notebook | time | you will learn to | open |", "| --- | --- | --- | --- |"]
    for path in notebooks():
        info = lesson(path)
        objectives = "<br>".join(f"• {' '.join(item.split())}" for item in info["objectives"])
        badge = (f"[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
                 f"({colab_link(path.stem)})")
        rows.append(f"| [{info['title']}](notebooks/{path.name}) | {info['time']} "
                    f"| {objectives} | {badge} |")
    return "\n".join(rows)


def render_schedule() -> str:
    by_number = {path.name[:2]: path for path in notebooks()}
    rows = ["| week | lesson | in class | homework | graded work |",
            "| --- | --- | --- | --- | --- |"]
    for week, numbers, graded in WEEKS:
        if not numbers:
            rows.append(f"| {week} | — | — | — | {graded} |")
        for i, number in enumerate(numbers):
            path = by_number[number]
            info = lesson(path)
            rows.append(f"| {week} | [{info['title']}](../notebooks/{path.name}) "
                        f"| {info['in_class_minutes']} min | {info.get('homework_minutes', 0)} min "
                        f"| {graded if i == len(numbers) - 1 else ''} |")
    return "\n".join(rows)


def replace_between(text: str, markers: tuple[str, str], table: str) -> str:
    """The text with a fresh table between the two markers."""
    start, end = markers
    before, rest = text.split(start)
    _, after = rest.split(end)
    return f"{before}{start}\n{table}\n{end}{after}"


def update(readme: str) -> str:
    """The README text with a fresh course map between the markers."""
    return replace_between(readme, MAP, render_map())


def update_guide(guide: str) -> str:
    """The instructor guide with a fresh schedule between the markers."""
    return replace_between(guide, SCHEDULE, render_schedule())


if __name__ == "__main__":
    for name, fn in (("README.md", update), ("docs/instructor-guide.md", update_guide)):
        path = ROOT / name
        path.write_text(fn(path.read_text(encoding="utf-8")), encoding="utf-8")
