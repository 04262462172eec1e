"""Value parsers shared by the config schemas: each returns the typed value or raises Invalid."""

from __future__ import annotations

import re
from typing import Any

LENGTH = re.compile(r"^(0|\d+(\.\d+)?(mm|cm|in|pt|pc|px|q))$", re.IGNORECASE)
MM_PER_UNIT = {"mm": 1, "cm": 10, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6, "px": 25.4 / 96,
               "q": 0.25}


class Invalid(ValueError):
    """A value that does not fit its key; the message says what was expected."""


def text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Invalid(f"expected text, got {type(value).__name__}")
    value = str(value).strip()
    if not value:
        raise Invalid("must not be empty")
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {value!r}")
    return value


def length(value: Any) -> str:
    value = str(value).strip()
    if not LENGTH.match(value):
        raise Invalid(f"expected a length such as '3mm', got {value!r}")
    return value


def millimetres(value: str) -> float:
    """A CSS length that :data:`LENGTH` accepts ("0.1mm", "3pt", "0") in millimetres."""
    value = value.strip().lower()
    number = value.rstrip("abcdefghijklmnopqrstuvwxyz")
    return float(number) * MM_PER_UNIT.get(value[len(number):], 1) if number else 0.0


def length_between(low_mm: float, high_mm: float):
    """A parser for lengths from *low_mm* to *high_mm* (inclusive)."""
    def parse(value: Any) -> str:
        value = length(value)
        if not low_mm <= millimetres(value) <= high_mm:
            raise Invalid(f"expected a length from {low_mm:g}mm to {high_mm:g}mm, got {value!r}")
        return value
    return parse


# Trim sizes of the page names publication.yml accepts, portrait, in mm.
PAGE_SIZES_MM = {"a3": (297, 420), "a4": (210, 297), "a5": (148, 210), "a6": (105, 148),
                 "b4": (250, 353), "b5": (176, 250), "letter": (215.9, 279.4),
                 "legal": (215.9, 355.6), "ledger": (279.4, 431.8)}


def page_size_mm(size: str) -> tuple[float, float]:
    """Trim (width, height) of a validated ``page.size`` ("A5", "A4 landscape", "148mm 210mm")."""
    words = size.lower().split()
    if words[0] in PAGE_SIZES_MM:
        width, height = PAGE_SIZES_MM[words[0]]
        return (height, width) if words[1:] == ["landscape"] else (width, height)
    width = millimetres(words[0])
    return width, millimetres(words[1]) if len(words) > 1 else width


def page_width_mm(size: str) -> float:
    """Trim width of a validated ``page.size``."""
    return page_size_mm(size)[0]


def page_class(size: str) -> str:
    """The ``<html>`` class that scales the theme to the page: small pages get smaller display type."""
    width = page_width_mm(size)
    return "page-small" if width < 160 else "page-medium" if width < 205 else "page-large"


class FrozenDict(dict):
    """A dict that cannot be changed, and (unlike ``MappingProxyType``) can be pickled.

    Records of the pipeline hold their mappings as these, so a manuscript can
    be sent to another process or cached.
    """

    def _refuse(self, *args, **kwargs):
        raise TypeError("a FrozenDict cannot be changed")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __reduce__(self):
        return FrozenDict, (dict(self),)
