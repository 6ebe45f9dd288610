"""Links that open the course notebooks: nbgitpuller (JupyterHub), Binder, Colab.

The repository address is written once, in ``pyproject.toml``
(``[project.urls] Repository``), and read here from the installed metadata.
Every link function also takes ``repo=`` (``owner/name`` or a GitHub address)
so that links can point at another repository, for example the public
student release of a course whose masters stay private
(``make student-release``; see assignments/README.md).

Run ``course-links --hub https://hub.example.edu`` (or
``python -m helpers.links --hub ...``) to print one nbgitpuller link per
notebook for a course JupyterHub; ``--service binder`` or ``--service colab``
prints Binder or Colab links instead, and ``--repo``/``--branch`` choose the
repository and branch the links open.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, metadata
from urllib.parse import quote, urlencode, urlsplit

__all__ = [
    "ASSIGNMENTS",
    "NOTEBOOKS",
    "binder_link",
    "colab_link",
    "nbgitpuller_link",
    "repository_url",
]

DISTRIBUTION = "rokus-alliance-course"
GITHUB = "https://github.com/"

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
    "09-since-2024",
    "10-engagement-and-pressure",
    "11-crisis-role-play",
]

#: The student versions of the graded assignments (assignments/student/).
ASSIGNMENTS = [
    "a1-reading-the-timeline",
    "a2-commitments-and-implementation",
    "a3-evidence-and-uncertainty",
    "a4-the-alliance-since-2024",
]

LESSON_FOLDER = "notebooks"
ASSIGNMENT_FOLDER = "assignments/student"


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


def _repository(repo: str | None) -> str:
    """``https://github.com/owner/name`` from ``repo`` (``owner/name`` or an address)."""
    if repo is None:
        return repository_url()
    if not isinstance(repo, str) or not repo.strip():
        raise ValueError(f"repo must be 'owner/name' or a GitHub address (got {repo!r}).")
    text = repo.strip().rstrip("/").removesuffix(".git")
    if text.startswith(("https://", "http://")):
        parts = urlsplit(text)
        path = parts.path.strip("/")
        if not parts.netloc or path.count("/") != 1:
            raise ValueError(f"repo must look like https://github.com/owner/name (got {repo!r}).")
        return f"{parts.scheme}://{parts.netloc}/{path}"
    if text.count("/") != 1 or not all(text.split("/")) or " " in text:
        raise ValueError(f"repo must be 'owner/name' or a GitHub address (got {repo!r}).")
    return GITHUB + text


def _github_path(repo: str | None = None) -> str:
    url = _repository(repo)
    if not url.startswith(GITHUB):
        raise ValueError(f"Binder and Colab links need a GitHub repository, not {url}.")
    return url[len(GITHUB):]


def _branch(branch: str) -> str:
    if not isinstance(branch, str) or not branch.strip() or " " in branch.strip():
        raise ValueError(f"branch must be a git branch name such as 'main' (got {branch!r}).")
    return branch.strip()


def _notebook(notebook: str, folder: str | None) -> tuple[str, str]:
    """The notebook's name without ``.ipynb`` and its folder; unknown names are an error."""
    if not isinstance(notebook, str) or not notebook.strip():
        raise ValueError(f"notebook must be a name such as '01-origins' (got {notebook!r}).")
    name = notebook.strip().removesuffix(".ipynb").rsplit("/", 1)[-1]
    if folder is None:
        folder = ASSIGNMENT_FOLDER if name in ASSIGNMENTS else LESSON_FOLDER
    known = {LESSON_FOLDER: NOTEBOOKS, ASSIGNMENT_FOLDER: ASSIGNMENTS}.get(folder.strip("/"))
    if known is not None and name not in known:
        raise ValueError(
            f"No notebook {name!r} in {folder}/; choose one of: {', '.join(known)}."
        )
    return name, folder.strip("/")


def _hub(hub: str) -> str:
    if not isinstance(hub, str):
        raise ValueError(
            f"The hub address must be text such as https://hub.example.edu (got {hub!r})."
        )
    text = hub.strip()
    if not text.startswith(("https://", "http://")):
        raise ValueError(f"The hub address must start with https:// (got {hub!r}).")
    parts = urlsplit(text)
    if not parts.netloc or parts.netloc.startswith(":"):
        raise ValueError(
            f"The hub address has no host name after https:// (got {hub!r}); "
            "write it like https://hub.example.edu."
        )
    return text.rstrip("/")


def nbgitpuller_link(
    hub: str,
    notebook: str = "00-start-here",
    *,
    branch: str = "main",
    folder: str | None = None,
    repo: str | None = None,
) -> str:
    """A link that copies the repository into a student's JupyterHub home and opens a notebook.

    ``folder`` defaults to ``"notebooks"`` for a lesson and ``"assignments/student"`` for an
    assignment; ``repo`` (``owner/name``) defaults to the course repository.

    Examples
    --------
    >>> link = nbgitpuller_link("https://hub.example.edu/", "01-origins")
    >>> link.startswith("https://hub.example.edu/hub/user-redirect/git-pull?repo=")
    True
    >>> "urlpath=lab%2Ftree%2Frokus-alliance-course%2Fnotebooks%2F01-origins.ipynb" in link
    True
    >>> "repo=https%3A%2F%2Fgithub.com%2Fme%2Fstudents&" in nbgitpuller_link(
    ...     "https://hub.example.edu", "01-origins.ipynb", repo="me/students")
    True
    """
    hub = _hub(hub)
    name, folder = _notebook(notebook, folder)
    url = _repository(repo)
    checkout = url.rsplit("/", 1)[-1]
    query = urlencode(
        {
            "repo": url,
            "urlpath": f"lab/tree/{checkout}/{folder}/{name}.ipynb",
            "branch": _branch(branch),
        }
    )
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def binder_link(
    notebook: str = "00-start-here", *, branch: str = "main", repo: str | None = None
) -> str:
    """A mybinder.org link that opens JupyterLab at a notebook.

    Examples
    --------
    >>> binder_link().endswith("?urlpath=lab%2Ftree%2Fnotebooks%2F00-start-here.ipynb")
    True
    """
    name, folder = _notebook(notebook, None)
    path = quote(f"lab/tree/{folder}/{name}.ipynb", safe="")
    return f"https://mybinder.org/v2/gh/{_github_path(repo)}/{_branch(branch)}?urlpath={path}"


def colab_link(notebook: str, *, branch: str = "main", repo: str | None = None) -> str:
    """A Google Colab link that opens a notebook straight from the repository.

    Examples
    --------
    >>> colab_link("01-origins").endswith("/blob/main/notebooks/01-origins.ipynb")
    True
    """
    name, folder = _notebook(notebook, None)
    return (
        f"https://colab.research.google.com/github/{_github_path(repo)}"
        f"/blob/{_branch(branch)}/{folder}/{name}.ipynb"
    )


def links(
    service: str = "nbgitpuller",
    *,
    hub: str | None = None,
    branch: str = "main",
    repo: str | None = None,
) -> list[tuple[str, str]]:
    """``(name, link)`` for every lesson, then every assignment."""
    result = []
    for name in NOTEBOOKS + ASSIGNMENTS:
        if service == "nbgitpuller":
            link = nbgitpuller_link(hub, name, branch=branch, repo=repo)
        elif service == "binder":
            link = binder_link(name, branch=branch, repo=repo)
        elif service == "colab":
            link = colab_link(name, branch=branch, repo=repo)
        else:
            raise ValueError(f"service must be nbgitpuller, binder or colab (got {service!r}).")
        result.append((name, link))
    return result


def main(argv: list[str] | None = None) -> int:
    """Print one link per lesson, then one per assignment."""
    parser = argparse.ArgumentParser(
        prog="course-links",
        description="Print links that open each course notebook: nbgitpuller links for a "
        "JupyterHub (the default; needs --hub), or Binder or Colab links.",
    )
    parser.add_argument("--hub", help="JupyterHub address, e.g. https://hub.example.edu")
    parser.add_argument(
        "--service", choices=["nbgitpuller", "binder", "colab"], default="nbgitpuller",
        help="kind of link (default: nbgitpuller)",
    )
    parser.add_argument("--branch", default="main", help="git branch to open (default: main)")
    parser.add_argument(
        "--repo", help="GitHub repository as owner/name, e.g. the student release "
        "(default: the course repository in pyproject.toml)",
    )
    args = parser.parse_args(argv)
    if args.service == "nbgitpuller" and args.hub is None:
        parser.error("--hub is required for nbgitpuller links (or use --service binder/colab)")
    try:
        pairs = links(args.service, hub=args.hub, branch=args.branch, repo=args.repo)
    except (ValueError, RuntimeError) as err:
        parser.error(str(err))
    for name, link in pairs:
        print(f"{name}: {link}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
