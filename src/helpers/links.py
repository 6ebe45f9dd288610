"""Links that open the course notebooks: nbgitpuller (JupyterHub), Binder, Colab.

The repository address is written once, in ``pyproject.toml``
(``[project.urls] Repository``), and read here from the installed metadata.

Run ``course-links --hub https://hub.example.edu`` (or
``python -m helpers.links --hub ...``) to print one nbgitpuller link per
notebook for a course JupyterHub.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, metadata
from urllib.parse import quote, urlencode

__all__ = [
    "ASSIGNMENTS",
    "NOTEBOOKS",
    "binder_link",
    "colab_link",
    "nbgitpuller_link",
    "repository_url",
]

DISTRIBUTION = "rokus-alliance-course"

#: The course notebooks, in teaching order.
NOTEBOOKS = [
    "00-start-here",
    "01-origins",
    "02-cold-war-alliance",
    "03-north-korea-goes-nuclear",
    "04-global-alliance",
    "05-washington-declaration",
    "06-ncg-and-npg",
    "07-reactions-and-debates",
    "08-capstone",
    "10-engagement-and-pressure",
    "11-crisis-role-play",
    "09-since-2024",
]

#: The student versions of the graded assignments (assignments/student/).
ASSIGNMENTS = [
    "a1-reading-the-timeline",
    "a2-commitments-and-implementation",
    "a3-evidence-and-uncertainty",
]


def repository_url() -> str:
    """The repository address from the package metadata (from pyproject.toml).

    Examples
    --------
    >>> repository_url().startswith("https://github.com/")
    True
    """
    try:
        urls = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:  # only when run from a checkout that was never installed
        message = f"Install the package first: pip install -e . ({DISTRIBUTION})"
        raise RuntimeError(message) from None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository":
            return url.strip().rstrip("/")
    raise RuntimeError("pyproject.toml has no [project.urls] Repository entry.")


def _github_path() -> str:
    url = repository_url()
    prefix = "https://github.com/"
    if not url.startswith(prefix):
        raise RuntimeError(f"Binder and Colab links need a GitHub repository, not {url}.")
    return url[len(prefix):]


def nbgitpuller_link(
    hub: str, notebook: str = "00-start-here", *, branch: str = "main", folder: str = "notebooks"
) -> str:
    """A link that copies the repository into a student's JupyterHub home and opens a notebook.

    ``folder`` is ``"notebooks"`` for the lessons, ``"assignments/student"`` for assignments.

    Examples
    --------
    >>> link = nbgitpuller_link("https://hub.example.edu/", "01-origins")
    >>> link.startswith("https://hub.example.edu/hub/user-redirect/git-pull?repo=")
    True
    >>> "urlpath=lab%2Ftree%2Frokus-alliance-course%2Fnotebooks%2F01-origins.ipynb" in link
    True
    """
    if not hub.startswith(("https://", "http://")):
        raise ValueError(f"The hub address must start with https:// (got {hub!r}).")
    checkout = repository_url().rsplit("/", 1)[-1]
    query = urlencode(
        {
            "repo": repository_url(),
            "urlpath": f"lab/tree/{checkout}/{folder}/{notebook}.ipynb",
            "branch": branch,
        }
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def binder_link(notebook: str = "00-start-here", *, branch: str = "main") -> str:
    """A mybinder.org link that opens JupyterLab at a notebook.

    Examples
    --------
    >>> binder_link().endswith("?urlpath=lab%2Ftree%2Fnotebooks%2F00-start-here.ipynb")
    True
    """
    path = quote(f"lab/tree/notebooks/{notebook}.ipynb", safe="")
    return f"https://mybinder.org/v2/gh/{_github_path()}/{branch}?urlpath={path}"


def colab_link(notebook: str, *, branch: str = "main") -> str:
    """A Google Colab link that opens a notebook straight from the repository.

    Examples
    --------
    >>> colab_link("01-origins").endswith("/blob/main/notebooks/01-origins.ipynb")
    True
    """
    return (
        f"https://colab.research.google.com/github/{_github_path()}"
        f"/blob/{branch}/notebooks/{notebook}.ipynb"
    )


def main(argv: list[str] | None = None) -> int:
    """Print nbgitpuller links for a JupyterHub: one per lesson, then one per assignment."""
    parser = argparse.ArgumentParser(
        prog="course-links",
        description="Print nbgitpuller links that open each course notebook on a JupyterHub.",
    )
    parser.add_argument(
        "--hub", required=True, help="JupyterHub address, e.g. https://hub.example.edu"
    )
    parser.add_argument("--branch", default="main", help="git branch to pull (default: main)")
    args = parser.parse_args(argv)
    try:
        for notebook in NOTEBOOKS:
            print(f"{notebook}: {nbgitpuller_link(args.hub, notebook, branch=args.branch)}")
        for name in ASSIGNMENTS:
            link = nbgitpuller_link(
                args.hub, name, branch=args.branch, folder="assignments/student"
            )
            print(f"{name}: {link}")
    except ValueError as err:
        parser.error(str(err))
    return 0


if __name__ == "__main__":
    sys.exit(main())
