"""The build cache (pressroom/cache.py): reused by content, never stale, never outside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from conftest import drawn_images, section, write
from pressroom import build
from pressroom.cache import FOLDER, Cache, forget, key_of
from pressroom.cli import main
from pressroom.layout import subsetting


def cold(project: Path, output: Path) -> bytes:
    """A build that finds nothing kept: no memory, no disk, no remembered font."""
    forget()
    subsetting.forget()
    return build(project, output, cache=False).output.read_bytes()


@pytest.fixture
def pictured(project: Path) -> Path:
    Image.new("RGB", (900, 600), "#2a7f62").save(project / "content" / "photo.jpg")
    write(project / "content" / "02-one.md",
          section("First Part", "Alpha text.\n\n![A green field](photo.jpg)\n"))
    return project


def test_keys_differ_with_any_part_and_with_where_parts_split():
    assert key_of(b"ab", "c") != key_of(b"a", "bc")
    assert key_of("x") == key_of(b"x") != key_of("y")


def test_a_second_build_reuses_the_converted_picture(pictured: Path, tmp_path: Path):
    forget()
    first = build(pictured, tmp_path / "a.pdf")
    kept = sorted((pictured / FOLDER / "cmyk").iterdir())
    assert len(kept) == 2  # the photo and the theme's cover shade, each converted once
    stamps = [p.stat().st_mtime_ns for p in kept]
    forget()  # a new process: only the disk copy is left
    second = build(pictured, tmp_path / "b.pdf")
    assert [p.stat().st_mtime_ns for p in sorted((pictured / FOLDER / "cmyk").iterdir())] == stamps
    assert second.output.read_bytes() == first.output.read_bytes()


EDITS = {
    "section": lambda p: write(p / "content" / "03-two.md",
                               section("Second Part", "Beta text, now longer.\n")),
    "picture": lambda p: Image.new("RGB", (900, 600), "#c0392b").save(
        p / "content" / "photo.jpg"),
    "stylesheet": lambda p: write(p / "styles" / "20-type.css",
                                  (Path(__file__).parent.parent / "styles" / "20-type.css")
                                  .read_text(encoding="utf-8") + "\nbody { color: #335; }\n"),
    "template": lambda p: write(p / "templates" / "layouts" / "back.html",
                                (Path(__file__).parent.parent / "templates" / "layouts" /
                                 "back.html").read_text(encoding="utf-8")
                                + '<p class="back-note">Printed on paper.</p>\n'),
    "font setting": lambda p: write(p / "styles" / "90-weight.css",
                                    "p { font-weight: 600; font-style: italic; }\n"),
    "publication.yml": lambda p: write(p / "publication.yml",
                                       "title: Test Booklet\ndate: 2026-01-02\n"
                                       "author: Another Author\nlang: en\n"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_warm_build_after_an_edit_equals_a_cold_one(pictured: Path, tmp_path: Path, edit):
    before = build(pictured, tmp_path / "before.pdf").output.read_bytes()
    EDITS[edit](pictured)
    warm = build(pictured, tmp_path / "warm.pdf").output.read_bytes()
    assert warm != before  # the edit shows in the PDF
    assert warm == cold(pictured, tmp_path / "cold.pdf")


def test_no_cache_neither_reads_nor_writes(pictured: Path, tmp_path: Path, capsys):
    assert main(["build", str(pictured), "-q", "--no-cache"]) == 0
    assert not (pictured / FOLDER).exists()
    assert main(["build", str(pictured), "-q"]) == 0
    assert (pictured / FOLDER / "cmyk").is_dir()


def test_a_cache_folder_linked_out_of_the_project_is_refused(pictured: Path, tmp_path: Path,
                                                             capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, pictured / FOLDER)
    assert main(["build", str(pictured), "-q"]) == 1
    assert capsys.readouterr().err == (
        f"{pictured}/{FOLDER}: is a link or a file, not the build cache's folder — remove it "
        "(or build with --no-cache)\n")
    assert list(outside.iterdir()) == []


def test_a_linked_kind_folder_is_neither_written_nor_read(pictured: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (pictured / FOLDER).mkdir()
    os.symlink(outside, pictured / FOLDER / "cmyk")
    forget()
    first = build(pictured, tmp_path / "a.pdf").output.read_bytes()
    assert list(outside.iterdir()) == []  # nothing written through the link
    cache = Cache.for_project(pictured)
    key = key_of("planted")
    (outside / key).write_bytes(b"MARKER-OUTSIDE")
    assert cache.get("cmyk", key) is None  # nor read through it
    forget()
    assert build(pictured, tmp_path / "b.pdf").output.read_bytes() == first


@pytest.fixture
def photographed(project: Path) -> Path:
    """Two camera-size pictures placed small: a JPEG and a PNG with transparency (shrunk on write)."""
    noise = Image.effect_noise((2400, 1600), 60).convert("RGB")
    noise.save(project / "content" / "camera.jpg", quality=90)
    Image.merge("RGBA", (*noise.split(), noise.getchannel(0))).save(project / "content" / "cut.png")
    write(project / "content" / "02-one.md",
          section("First Part", "Alpha text.\n\n![A noisy field](camera.jpg){width=40%}\n\n"
                                "![A cut-out](cut.png){width=30%}\n"))
    return project


def test_pictures_shrunk_once_give_the_bytes_of_a_cold_build(photographed: Path, tmp_path: Path):
    """press/thumbnails.py: kept by content and size; a hit, a miss and --no-cache agree."""
    expected = cold(photographed, tmp_path / "cold.pdf")
    assert not (photographed / FOLDER).exists()
    forget()
    assert build(photographed, tmp_path / "a.pdf").output.read_bytes() == expected
    kept = sorted((photographed / FOLDER / "thumbnails").iterdir())
    assert len(kept) == 2
    stamps = [p.stat().st_mtime_ns for p in kept]
    forget()  # a new process: only the disk copy is left
    assert build(photographed, tmp_path / "b.pdf").output.read_bytes() == expected
    assert [p.stat().st_mtime_ns for p in kept] == stamps
    placed = [size for page in drawn_images(tmp_path / "b.pdf") for size in page]
    assert all(width < 2400 for width, _ in placed) and len(placed) >= 2  # really shrunk


def test_a_shrunk_picture_follows_an_edit_of_its_source(photographed: Path, tmp_path: Path):
    forget()
    before = build(photographed, tmp_path / "a.pdf").output.read_bytes()
    Image.effect_noise((2400, 1600), 20).convert("RGB").save(
        photographed / "content" / "camera.jpg", quality=90)
    warm = build(photographed, tmp_path / "b.pdf").output.read_bytes()
    assert warm != before
    assert warm == cold(photographed, tmp_path / "cold.pdf")
