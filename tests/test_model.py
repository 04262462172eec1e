"""The pipeline's hand-offs: a picklable manuscript, prepared once and pressed per profile."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from conftest import write
from pressroom.build import build, build_all, prepare, press
from pressroom.model import Variant


def test_a_manuscript_crosses_a_process_boundary(project: Path):
    manuscript = prepare(project)
    copy = pickle.loads(pickle.dumps(manuscript))
    assert copy == manuscript
    assert [s.source for s in copy.sections] == [
        "content/00-cover.md", "content/01-toc.md", "content/02-one.md", "content/03-two.md",
        "content/04-back.md"]
    assert 'data-src="content/02-one.md:' in copy.html.html


def test_one_preparation_pressed_twice_equals_two_builds(project: Path, tmp_path: Path):
    variants = (Variant("print"), Variant("screen"))
    shared = list(build_all(project, variants, None))
    assert [r.profile for r in shared] == ["print", "screen"]
    alone = [build(project, tmp_path / f"{v.profile}.pdf", profile=v) for v in variants]
    for one, other in zip(shared, alone):
        assert one.output.read_bytes() == other.output.read_bytes()
        assert one.pages == other.pages and one.findings == other.findings
        assert {r.path for r in one.reads} == {r.path for r in other.reads}


def test_press_reads_what_prepare_did_not(project: Path, tmp_path: Path):
    manuscript = prepare(project)
    report = press(manuscript, Variant("print"), tmp_path / "a.pdf")
    prepared = {r.path for r in manuscript.reads}
    assert prepared < {r.path for r in report.reads}
    assert (project / "content" / "02-one.md").resolve() in prepared
    assert any(r.path.suffix == ".css" for r in report.reads if r.path not in prepared)


def test_a_failed_press_keeps_the_last_pdf_and_leaves_no_temporary(minimal_print,
                                                                   tmp_path: Path):
    # The last good build: the session's of the minimal project, copied with its output/.
    shared, built = minimal_print
    project = shutil.copytree(shared, tmp_path / "project")
    good = project / built.output.relative_to(shared.resolve())
    before = good.read_bytes()
    write(project / "content" / "02-one.md", "# One\n\n[x](#nowhere)\n")
    from pressroom.build import PreflightFailed

    with pytest.raises(PreflightFailed):
        build(project)
    assert good.read_bytes() == before
    assert sorted(p.name for p in good.parent.iterdir()) == [good.name]


def test_fitting_and_one_page_sections_share_one_second_layout(project: Path, monkeypatch):
    import sys

    from test_fit import figure_project

    # First Part pushes its picture to a page of its own (a fit plan shrinks it back),
    # and Second Part fits on one page (its contents entry drops the range end).
    figure_project(project, 1, 1200)
    pages = sys.modules["pressroom.layout.pages"]
    calls = []
    real = pages.lay_out
    monkeypatch.setattr(pages, "lay_out", lambda html, setup, *rest: calls.append(
        (html, setup.fit)) or real(html, setup, *rest))
    build(project)
    assert len(calls) == 2  # was three: fitted, then laid out again for the contents
    (first, no_plan), (second, plan) = calls
    assert not no_plan and plan
    assert [e.single_page for e in first.toc] == [False, False]
    assert [e.single_page for e in second.toc] == [False, True]  # First Part runs on
