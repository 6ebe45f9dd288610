"""helpers.links: bad arguments get a clear error; links can target another repository."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from helpers.links import (
    ASSIGNMENTS,
    NOTEBOOKS,
    binder_link,
    colab_link,
    links,
    main,
    nbgitpuller_link,
)

HUB = "https://hub.example.edu"


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: nbgitpuller_link(HUB, "99-nothing"), "No notebook '99-nothing' in notebooks/"),
        (lambda: binder_link("01-orgins"), "choose one of: 00-start-here"),
        (lambda: colab_link("a9-missing"), "No notebook 'a9-missing'"),
        (lambda: colab_link(None), "notebook must be a name"),
        (lambda: colab_link(""), "notebook must be a name"),
        (lambda: nbgitpuller_link("https://", "01-origins"), "no host name"),
        (lambda: nbgitpuller_link("https:///hub", "01-origins"), "no host name"),
        (lambda: nbgitpuller_link(None, "01-origins"), "must be text"),
        (lambda: nbgitpuller_link(3, "01-origins"), "must be text"),
        (lambda: nbgitpuller_link("hub.example.edu", "01-origins"), "must start with https://"),
        (lambda: binder_link(branch=""), "branch must be"),
        (lambda: binder_link(branch=None), "branch must be"),
        (lambda: colab_link("01-origins", repo="just-a-name"), "owner/name"),
        (lambda: colab_link("01-origins", repo="https://github.com/"), "owner/name"),
        (lambda: colab_link("01-origins", repo="https://gitlab.com/a/b"), "GitHub repository"),
        (lambda: links("email"), "nbgitpuller, binder or colab"),
    ],
)
def test_bad_arguments_get_a_clear_error(call, fragment):
    with pytest.raises(ValueError, match=None) as info:
        call()
    assert fragment in str(info.value)
    assert len(str(info.value)) < 400


def test_a_trailing_ipynb_is_accepted_once():
    for name in ("01-origins.ipynb", "01-origins", " notebooks/01-origins.ipynb "):
        link = colab_link(name)
        assert link.endswith("/notebooks/01-origins.ipynb"), link
        assert ".ipynb.ipynb" not in nbgitpuller_link(HUB, name)
    assert binder_link("a2-commitments-and-implementation.ipynb").endswith(
        "assignments%2Fstudent%2Fa2-commitments-and-implementation.ipynb"
    )


def test_hub_with_path_and_trailing_slash():
    link = nbgitpuller_link("https://example.edu/course/", "00-start-here")
    assert link.startswith("https://example.edu/course/hub/user-redirect/git-pull?")


def test_links_can_target_a_student_release():
    link = nbgitpuller_link(HUB, "a1-reading-the-timeline", repo="uni/ir-course", branch="term")
    query = parse_qs(urlsplit(link).query)
    assert query == {
        "repo": ["https://github.com/uni/ir-course"],
        "urlpath": ["lab/tree/ir-course/assignments/student/a1-reading-the-timeline.ipynb"],
        "branch": ["term"],
    }
    assert binder_link(repo="https://github.com/uni/ir-course.git", branch="term").startswith(
        "https://mybinder.org/v2/gh/uni/ir-course/term?"
    )
    assert colab_link("01-origins", repo="uni/ir-course") == (
        "https://colab.research.google.com/github/uni/ir-course/blob/main/notebooks/"
        "01-origins.ipynb"
    )


@pytest.mark.parametrize("service", ["nbgitpuller", "binder", "colab"])
def test_course_links_prints_every_notebook(service, capsys):
    argv = ["--service", service, "--repo", "uni/ir-course", "--branch", "term"]
    assert main(argv + (["--hub", HUB] if service == "nbgitpuller" else [])) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == NOTEBOOKS + ASSIGNMENTS
    assert all("uni" in line and "term" in line for line in lines)


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        ([], "--hub is required"),
        (["--hub", "https://"], "no host name"),
        (["--hub", HUB, "--repo", "nope"], "owner/name"),
    ],
)
def test_course_links_reports_bad_options(argv, fragment, capsys):
    with pytest.raises(SystemExit):
        main(argv)
    assert fragment in capsys.readouterr().err
