"""Make the "hard-coded" submission of an assignment: every autograded answer a literal.

    python tools/hard_coded.py SOLUTION.ipynb MASTER.ipynb OUT.ipynb

The tests grade this notebook to show that typing in the values an answer produces on the
real data does not earn the points (issue 14): each answer *function* of the master is
replaced by one that returns, whatever it is called with, the value the solution returned
the first time the notebook called it (on the real data); each answer *variable* (a line
ending in ``# SOLUTION``) by its value. Values travel as pickles, so a table, a Series
or a figure are reproduced exactly.

The solution notebook (Otter Assign's, with ``build_assignments.py --solutions``) is run
once with a recorder around every answer function to collect those values.
"""

from __future__ import annotations

import ast
import base64
import pickle
import sys
import tempfile
from pathlib import Path

import nbformat

RECORDER = '''\
import functools as __hc_functools
__hc_values__ = {}
def __hc_record__(function):
    @__hc_functools.wraps(function)
    def recorded(*args, **kwargs):
        result = function(*args, **kwargs)
        __hc_values__.setdefault(function.__name__, result)
        return result
    return recorded
'''


def source(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def answer_names(master: Path) -> tuple[set[str], set[str]]:
    """(functions, variables) that the master's code answer cells define."""
    functions, variables = set(), set()
    inside = False
    for cell in nbformat.read(master, as_version=4).cells:
        text = source(cell).strip()
        if cell.cell_type == "raw":
            if text.startswith("# BEGIN SOLUTION"):
                inside = True
            elif text.startswith("# END SOLUTION"):
                inside = False
            continue
        if not inside or cell.cell_type != "code":
            continue
        for node in ast.parse(source(cell)).body:
            if isinstance(node, ast.FunctionDef):
                functions.add(node.name)
        for line in source(cell).splitlines():
            if line.rstrip().endswith("# SOLUTION") and "=" in line:
                variables.add(line.split("=", 1)[0].strip())
    return functions, variables


def _parse(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except SyntaxError:  # cells with IPython magics (the Colab cell) define no answers
        return None


def _definitions(tree: ast.Module, names: set[str]) -> list[tuple[ast.FunctionDef, int]]:
    """The named top-level functions, last first, each with its first line (decorators included)."""
    found = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in names]
    return [(n, min([n.lineno] + [d.lineno for d in n.decorator_list]))
            for n in sorted(found, key=lambda n: -n.lineno)]


def _code_cells(notebook):
    """Each code cell that parses, with its syntax tree and its lines."""
    for cell in notebook.cells:
        tree = _parse(source(cell)) if cell.cell_type == "code" else None
        if tree is not None:
            yield cell, tree, source(cell).splitlines()


def recorded_values(solution: Path, functions: set[str], variables: set[str]) -> dict:
    """Run the solution notebook with recorders; the first value of every answer."""
    from nbclient import NotebookClient

    notebook = nbformat.read(solution, as_version=4)
    for cell, tree, lines in _code_cells(notebook):
        for _node, first in _definitions(tree, functions):
            lines.insert(first - 1, "@__hc_record__")
        assigned = [n for n in variables if any(
            isinstance(s, ast.Assign) and any(getattr(t, "id", None) == n for t in s.targets)
            for s in tree.body)]
        lines += [f"__hc_values__[{n!r}] = {n}" for n in assigned]
        cell.source = "\n".join(lines)
    with tempfile.TemporaryDirectory(prefix="hard-coded-") as tmp:
        dump = Path(tmp, "values.pickle")
        notebook.cells.insert(0, nbformat.v4.new_code_cell(RECORDER))
        notebook.cells.append(nbformat.v4.new_code_cell(
            f"import pickle\nwith open({str(dump)!r}, 'wb') as f:\n"
            "    pickle.dump(__hc_values__, f)"
        ))
        copy = Path(tmp, solution.name)
        nbformat.write(notebook, copy)
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": tmp}}).execute()
        values = pickle.loads(dump.read_bytes())
    missing = (functions | variables) - set(values)
    if missing:
        raise RuntimeError(f"the solution never called or set {sorted(missing)} on the real data")
    return values


def _literal(value) -> str:
    blob = base64.b64encode(pickle.dumps(value)).decode()
    return f'__hc_pickle.loads(__hc_base64.b64decode("{blob}"))'


def hard_coded(solution: Path, master: Path, out: Path) -> Path:
    """Write the hard-coded submission built from ``solution`` to ``out``."""
    functions, variables = answer_names(master)
    values = recorded_values(solution, functions, variables)
    notebook = nbformat.read(solution, as_version=4)
    for cell, tree, lines in _code_cells(notebook):
        changed = False
        for node, first in _definitions(tree, functions):
            lines[first - 1:node.end_lineno] = [
                f"def {node.name}(*args, **kwargs):",
                f"    return {_literal(values[node.name])}",
            ]
            changed = True
        for i, line in enumerate(lines):
            name = line.split("=", 1)[0].strip()
            if "=" in line and name in variables and not line.startswith((" ", "\t")):
                lines[i] = f"{name} = {_literal(values[name])}"
                changed = True
        if changed:
            lines.insert(0, "import base64 as __hc_base64\nimport pickle as __hc_pickle")
            cell.source = "\n".join(lines)
    nbformat.write(notebook, out)
    return out


if __name__ == "__main__":
    solution_path, master_path, out_path = map(Path, sys.argv[1:4])
    print(hard_coded(solution_path, master_path, out_path))
