"""Write the course map in README.md from the notebooks' opening cells.

`python tools/course_map.py` rewrites the table between the course-map markers.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from helpers.links import colab_link

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- course-map:start -->", "<!-- course-map:end -->"


def opening(path: Path) -> dict:
    """Title, estimated time and learning objectives from a notebook's metadata."""
    notebook = nbformat.read(path, as_version=4)
    lesson = notebook.metadata.get("lesson")
    if lesson:
        time = f"{lesson['in_class_minutes']} min in class"
        if lesson.get("homework_minutes"):
            time += f" + {lesson['homework_minutes']} min homework"
        return {"title": lesson["title"], "time": time, "objectives": lesson["objectives"]}
    text = notebook.cells[0].source
    title = text.splitlines()[0].lstrip("# ").strip()
    time = re.search(r"\*\*Estimated time:\*\*\s*(.+)", text)
    objectives = re.search(r"## Learning objectives\s*\n(.*?)(?:\n\n\*\*|\n##|\Z)", text, re.S)
    items = re.findall(r"^- (.+)$", objectives.group(1), re.M) if objectives else []
    return {"title": title, "time": time.group(1).strip() if time else "",
            "objectives": items}


def render() -> str:
    rows = ["| notebook | time | you will learn to | open |", "| --- | --- | --- | --- |"]
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        info = opening(path)
        objectives = "<br>".join(f"• {item}" for item in info["objectives"])
        badge = (f"[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
                 f"({colab_link(path.stem)})")
        rows.append(f"| [{info['title']}](notebooks/{path.name}) | {info['time']} "
                    f"| {objectives} | {badge} |")
    return "\n".join(rows)


def update(readme: str) -> str:
    """The README text with a fresh course map between the markers."""
    before, rest = readme.split(START)
    _, after = rest.split(END)
    return f"{before}{START}\n{render()}\n{END}{after}"


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(update(path.read_text(encoding="utf-8")), encoding="utf-8")
