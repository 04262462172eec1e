"""Fonts subset once, at C speed, on every machine.

WeasyPrint 70 subsets each embedded face with the system's libharfbuzz-subset
when it finds one, and otherwise with fontTools — about 1.6 s a face for the
theme's variable fonts, most of a build. It has no option to choose the
subsetter, so :func:`install` replaces two methods of its ``Font`` class
(pinned version, checked by :func:`install`):

- ``Font.subset`` runs HarfBuzz's subsetter from the ``uharfbuzz`` wheel with
  the flags WeasyPrint passes to the system library: the same result on a
  machine with or without libharfbuzz-subset, and the same bytes on both;
- ``Font.clean`` (subset, then a static instance of a variable font at the
  weight, optical size and slant WeasyPrint chose) does both in one HarfBuzz
  call, pinning the axes while subsetting — fontTools' instancer took 0.1 s a
  face — and is remembered by everything its result depends on (the font's
  bytes, the glyphs kept, the instance and the options), so a second
  profile, a watch rebuild or a test building the same pages reuses the
  face. Colour fonts (emoji) keep WeasyPrint's own path.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

import uharfbuzz as hb
from weasyprint.pdf import fonts as weasyprint_fonts

# WeasyPrint's own list (pdf/fonts.py, _harfbuzz_subset): tables a PDF never reads.
DROPPED_TABLES = ("BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH",
                  "PCLT", "SVG ")
CACHE_SIZE = 256  # cleaned faces kept; a face is a few kB to a few hundred kB

_cleaned: OrderedDict[tuple, tuple[bytes, tuple]] = OrderedDict()
_lock = threading.Lock()
_weasyprint_clean = weasyprint_fonts.Font.clean


def subset_font(data: bytes, index: int, glyphs: list[int], hinting: bool,
                notdef: bool, location: dict[str, float] | None = None) -> bytes | None:
    """The face *index* of font file *data* cut to *glyphs* (glyph ids, sorted).

    Glyph ids are kept (the PDF's text refers to them); glyphs after the last
    one used are dropped. A variable font becomes the static instance at
    *location* (axis tag → value; every axis of the font must be given).
    Returns None when HarfBuzz cannot subset the font.
    """
    face = hb.Face(hb.Blob(data), index)
    first = _input(glyphs, hb.SubsetFlags.RETAIN_GIDS, notdef)
    for tag, value in (location or {}).items():
        first.pin_axis_location(face, tag, value)
    face = hb.subset(face, first)
    if face is None:
        return None
    # Second pass, as WeasyPrint does: the kept ids are now 0…max, so the
    # empty glyphs after the last used one can go (and hints, unless asked).
    flags = hb.SubsetFlags.DEFAULT if hinting else hb.SubsetFlags.NO_HINTING
    face = hb.subset(face, _input(range(max(glyphs) + 1), flags, notdef))
    return face.blob.data if face is not None and face.blob.data else None


def _input(glyphs, flags: int, notdef: bool) -> hb.SubsetInput:
    subset = hb.SubsetInput()
    subset.glyph_set.update(glyphs)
    flags |= hb.SubsetFlags.PASSTHROUGH_UNRECOGNIZED | hb.SubsetFlags.DESUBROUTINIZE
    if notdef:
        flags |= hb.SubsetFlags.NOTDEF_OUTLINE
    subset.flags = flags
    subset.drop_table_tag_set.update(hb_tag(name) for name in DROPPED_TABLES)
    return subset


def hb_tag(name: str) -> int:
    """A four-letter OpenType table tag as HarfBuzz's integer."""
    return int.from_bytes(name.encode("ascii"), "big")


def _subset(font, to_unicode: dict, hinting: bool) -> None:
    """``Font.subset``: HarfBuzz from the wheel (WeasyPrint warns and keeps the font on failure)."""
    if not to_unicode:
        return
    data = subset_font(font.file_content, font.index, sorted(to_unicode), hinting,
                       bool(font.missing))
    if data is None:
        weasyprint_fonts.LOGGER.warning('Unable to subset "%s" with HarfBuzz', font.family)
        return
    font.file_content = data


def _clean(font, to_unicode: dict, hinting: bool) -> None:
    """``Font.clean``, remembered by everything its result depends on."""
    key = (hashlib.sha256(font.file_content).digest(), font.index, tuple(sorted(to_unicode)),
           bool(hinting), bool(font.missing), tuple(sorted(font.variations.items())),
           font.weight, font.font_size, font.style, font.png, font.svg, font.colr)
    with _lock:
        hit = _cleaned.get(key)
        if hit is not None:
            _cleaned.move_to_end(key)
    if hit is None:
        _clean_now(font, to_unicode, hinting)
        hit = (font.file_content, tuple(font.variations.items()))
        with _lock:
            _cleaned[key] = hit
            while len(_cleaned) > CACHE_SIZE:
                _cleaned.popitem(last=False)
    font.file_content, font.variations = hit[0], dict(hit[1])


def _clean_now(font, to_unicode: dict, hinting: bool) -> None:
    """Subset and instance *font* in one HarfBuzz call (WeasyPrint's clean for colour fonts)."""
    if font.png or font.svg or font.colr or not to_unicode:
        _weasyprint_clean(font, to_unicode, hinting)
        return
    location = instance_location(font)
    data = subset_font(font.file_content, font.index, sorted(to_unicode), hinting,
                       bool(font.missing), location)
    if data is None:  # WeasyPrint warns and goes on with the whole font
        _weasyprint_clean(font, to_unicode, hinting)
        return
    font.file_content = data
    font.variations.update(location)


def instance_location(font) -> dict[str, float]:
    """Where on each axis of a variable *font* its static instance lies ({} for a static font).

    WeasyPrint's choice (pdf/fonts.py, ``Font.clean``): the variations Pango
    asked for, else the face's weight, its size as optical size, a slant for
    oblique and ``ital`` for italic; any other axis at its default; all
    clamped to the axis's range.
    """
    axes = {axis.tag: axis for axis in hb.Face(hb.Blob(font.file_content), font.index).axis_infos}
    chosen = dict(font.variations)
    if "wght" in axes:
        chosen.setdefault("wght", font.weight)
    if "opsz" in axes:
        chosen.setdefault("opsz", font.font_size)
    if "slnt" in axes and font.style == 1:
        slnt = axes["slnt"]
        chosen.setdefault("slnt", slnt.min_value if slnt.max_value == 0 else slnt.max_value)
    if "ital" in axes:
        chosen.setdefault("ital", int(font.style == 2))
    return {tag: min(max(float(chosen.get(tag, axis.default_value)), axis.min_value),
                     axis.max_value)
            for tag, axis in axes.items()}


def install() -> None:
    """Make WeasyPrint subset with :func:`subset_font` and remember cleaned faces.

    Idempotent. Raises RuntimeError if WeasyPrint's ``Font`` no longer has
    the two methods replaced here (a WeasyPrint upgrade must be looked at).
    """
    font_class = weasyprint_fonts.Font
    if not all(callable(getattr(font_class, name, None)) for name in ("clean", "subset")):
        raise RuntimeError("weasyprint.pdf.fonts.Font has no clean/subset: "
                           "pressroom.layout.subsetting needs updating")
    font_class.subset = _subset
    font_class.clean = _clean


def cached_faces() -> int:
    """How many cleaned faces are remembered (for tests and the benchmark)."""
    return len(_cleaned)


def forget() -> None:
    """Drop every remembered face (tests start from a cold cache)."""
    with _lock:
        _cleaned.clear()
