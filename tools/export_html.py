"""`make html`: the executed notebooks (and student assignments) as static pages.

Writes build/html/index.html, which follows the course map, and one page per
notebook with every figure embedded, for reading offline.
"""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]


def title_of(notebook: nbformat.NotebookNode) -> str:
    first = notebook.cells[0].source if notebook.cells else ""
    line = first.splitlines()[0] if first else ""
    return line.lstrip("# ").strip() or "Untitled"


def export(out: Path = ROOT / "build" / "html") -> list[Path]:
    """Export every notebook; return the pages written (index first)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    sections = [
        ("Lessons", sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))),
        ("Assignments (student versions)",
         sorted((ROOT / "assignments" / "student").glob("*.ipynb"))),
    ]
    pages, entries = [], []
    for heading, paths in sections:
        if not paths:
            continue
        entries.append(f"<h2>{html.escape(heading)}</h2>\n<ol>")
        for path in paths:
            notebook = nbformat.read(path, as_version=4)
            body, _ = exporter.from_notebook_node(notebook)
            page = out / f"{path.parent.name}-{path.stem}.html"
            page.write_text(body, encoding="utf-8")
            pages.append(page)
            entries.append(
                f'<li><a href="{page.name}">{html.escape(title_of(notebook))}</a></li>'
            )
        entries.append("</ol>")
    index = out / "index.html"
    index.write_text(
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<title>The ROK-US alliance and extended deterrence</title>"
        "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}"
        "</style></head><body>\n"
        "<h1>The ROK–US alliance and extended deterrence</h1>\n"
        "<p>The course notebooks, executed, for reading offline. "
        "To run them, open the repository in JupyterLab, Binder or Colab.</p>\n"
        + "\n".join(entries)
        + "\n</body></html>\n",
        encoding="utf-8",
    )
    return [index, *pages]


if __name__ == "__main__":
    written = export(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "html")
    print(f"wrote {len(written)} pages to {written[0].parent}")
