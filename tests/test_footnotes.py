"""Footnotes land on the page of their call (WeasyPrint's footnote-area check, float noise aside)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_clean, make_minimal, page_texts, section, write


def test_a_footnote_that_fits_is_set_on_the_page_of_its_call(tmp_path: Path):
    project = make_minimal(tmp_path)
    write(project / "content" / "02-one.md",
          section("First Part", "A sentence with a note.[^1]\n\n[^1]: The note itself.\n"))
    texts = page_texts(build_clean(project, tmp_path / "out.pdf").output)
    call = next(n for n, text in enumerate(texts) if "sentence with" in text.lower())
    note = next(n for n, text in enumerate(texts) if "The note itself." in text)
    assert note == call


def test_the_samples_footnotes_sit_with_their_calls(sample_print):
    texts = page_texts(sample_print.output)
    pairs = [("collectively as the Bonded Stores", "Goods held"),
             ("took on her cargo", "was broken up in 2002")]
    for call, note in pairs:
        called = [n for n, text in enumerate(texts) if call in " ".join(text.split())]
        noted = [n for n, text in enumerate(texts) if note in " ".join(text.split())]
        assert called and called == noted, (call, called, noted)
