"""Preflight finds each defect of tests/fixtures/broken and is clean on the sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, plant_machine_font
from pressroom.build import Gate, PreflightFailed, build
from pressroom.cli import main

BROKEN = Path(__file__).parent / "fixtures" / "broken"
DEFECTS = "tests/fixtures/broken/content/02-defects.md"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    # A machine font that has the fixture's G clef (U+1D11E), which no theme
    # font has: the fallback the fonts check must catch, on every machine.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FONTCONFIG_FILE", str(plant_machine_font(tmp_path_factory.mktemp("fc"))))
        return build(BROKEN, tmp_path_factory.mktemp("broken") / "broken.pdf",
                     gate=Gate(enabled=False))


def find(report, check: str):
    return [f for f in report.findings if f.check == check]


def test_each_defect_is_found_with_page_and_source(report, monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = {  # check → (severity, page, source line or None, words in the message)
        "image-resolution": ("error", 3, 6, "tiny.png is placed at 14 ppi (needs 150)"),
        "links": ("error", 4, 12, "link to a missing anchor #nowhere"),
        "overflow": ("error", 4, 14, "text runs past the page margin"),
        "stranded-heading": ("warning", 4, 16, "heading 'Heading left behind' is stranded"),
        "figure-gap": ("warning", 5, 31, "a figure moved to page 6"),
        "full-bleed": ("error", 7, 33, "does not reach the bleed edge"),
        "underfilled-page": ("warning", 8, 35, "page 8 is 9 % filled"),
        "contents": ("error", 3, None, "contents says 41 for 'Defects', the section runs 3–8"),
        "page-count": ("error", 0, None, "9 pages: saddle stitching needs a multiple of 4"),
        "rgb": ("error", 3, None, "RGB gradient"),
        "fonts": ("error", 4, None, "font Noto-Music stands in for glyphs the theme fonts lack"),
    }
    for check, (severity, page, line, words) in expected.items():
        found = [f for f in find(report, check) if words in f.message]
        assert found, f"{check}: nothing matching {words!r} in {find(report, check)}"
        finding = found[0]
        assert (finding.severity, finding.page) == (severity, page), finding
        if line is not None:
            assert finding.source.endswith(f"02-defects.md:{line}"), finding
    # And nothing else: every finding of the fixture, in the report's order.
    assert [(f.severity, f.check, f.page) for f in report.findings] == FINDINGS


FINDINGS = [  # (severity, check, page) of every finding of the broken fixture
    ("error", "page-count", 0), ("error", "contents", 3), ("error", "image-resolution", 3),
    ("error", "rgb", 3), ("error", "fonts", 4), ("error", "links", 4), ("error", "overflow", 4),
    ("warning", "image-resolution", 4), ("warning", "stranded-heading", 4),
    ("warning", "figure-gap", 5), ("warning", "image-resolution", 6), ("error", "full-bleed", 7),
    ("warning", "image-resolution", 7), ("warning", "underfilled-page", 8),
]


def test_a_medium_resolution_picture_is_only_a_warning(report):
    medium = [f for f in find(report, "image-resolution") if "medium.png" in f.message]
    assert [(f.severity, f.page) for f in medium] == [("warning", 4)]
    assert "209 ppi (wants 300)" in medium[0].message


def test_build_is_gated_and_keeps_the_last_good_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("FONTCONFIG_FILE", str(plant_machine_font(tmp_path)))  # as everywhere
    target = tmp_path / "broken.pdf"
    target.write_bytes(b"last good")
    with pytest.raises(PreflightFailed) as failure:
        build(BROKEN, target)
    assert target.read_bytes() == b"last good"
    assert [(f.severity, f.check, f.page) for f in failure.value.findings] == FINDINGS
    assert not list(tmp_path.glob(".broken.pdf.*"))


def test_check_command_json_and_exit_codes(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("FONTCONFIG_FILE", str(plant_machine_font(tmp_path)))
    assert main(["check", str(BROKEN), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["profile"] == "print" and data["errors"] == 8 and data["warnings"] == 6
    # (Notes are about the machine, such as which library subsets the fonts.)
    assert [(f["severity"], f["check"], f["page"]) for f in data["findings"]
            if f["severity"] != "note"] == FINDINGS


def test_sample_is_clean_in_print_and_screen(sample_checked):
    # The print check is the session's (conftest.sample_checked): main(["check", ROOT, "--strict"]).
    assert sample_checked.code == 0
    assert sample_checked.out.strip().endswith("0 errors, 0 warnings")
    assert main(["check", str(ROOT), "--output", "screen", "--strict"]) == 0


def test_no_contents_page_means_no_contents_check(project):
    (project / "content" / "01-toc.md").unlink()
    report = build(project)
    assert [f for f in report.findings if f.check == "contents"] == []
