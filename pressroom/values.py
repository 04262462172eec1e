"""Value parsers shared by the config schemas: each returns the typed value or raises Invalid."""

from __future__ import annotations

import re
from typing import Any

LENGTH = re.compile(r"^(0|\d+(\.\d+)?(mm|cm|in|pt|pc|px|q))$", re.IGNORECASE)


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
