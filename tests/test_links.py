"""Links between sections: ``#SECTION`` reaches another section's opening page."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from conftest import build_clean, make_minimal, section, write


def test_a_link_to_another_section_by_its_id_reaches_it(tmp_path: Path):
    project = make_minimal(tmp_path)
    write(project / "content" / "02-one.md",
          section("First Part", "See [the second part](#two) and [this note](#here).\n\n"
                                "## Here {#here}\n\nText.\n"))
    report = build_clean(project, tmp_path / "out.pdf")
    assert not [f for f in report.findings if f.check == "links"]
    with pikepdf.open(report.output) as pdf:
        names = {}
        dests = pdf.Root.Names.Dests.Names
        for i in range(0, len(dests), 2):
            names[str(dests[i])] = dests[i + 1]
        pages = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        targets = [str(a.Dest) for page in pdf.pages for a in page.get("/Annots", [])
                   if "/Dest" in a]
    assert "two" in targets and "one--here" in targets
    assert pages[names["two"][0].objgen] == 4  # the second part opens on page 4
