"""Jinja for themes and projects: sandboxed, strict, read through the gate.

Templates come from a project a stranger may have written, so every one
runs in Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` (no
``__globals__``, no ``__init__``, no unsafe methods), sees only plain data
(views without paths or live objects), and is read through the
:class:`~pressroom.gate.ReadGate` like any other file. Undefined names are
errors (:class:`~jinja2.StrictUndefined`), reported at the template line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable

import jinja2
import pyphen
from jinja2.loaders import split_template_path
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import BuildError
from ..source.gate import ReadGate
from .titles import inline


class GateLoader(jinja2.BaseLoader):
    """Find ``NAME`` in the first of *directories* that has it; read it through *gate*."""

    def __init__(self, directories: tuple[Path, ...], gate: ReadGate):
        self.directories, self.gate = directories, gate

    def get_source(self, environment: jinja2.Environment, template: str):
        pieces = split_template_path(template)  # refuses ".." pieces
        for directory in self.directories:
            path = directory.joinpath(*pieces)
            if os.path.lexists(path):
                source = self.gate.read_text(path)
                return source, str(path), lambda: True
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        found = set()
        for directory in self.directories:
            for path in directory.rglob("*.html"):
                relative = path.relative_to(directory)
                if not any(part.startswith(".") for part in relative.parts):
                    found.add(relative.as_posix())
        return sorted(found)


class PressroomSandbox(SandboxedEnvironment):
    """The sandbox, also bounding ``*`` and ``**``: ``'a' * 10**9`` would fill the memory.

    Intercepted operators are also kept from being folded at compile time.
    """

    intercepted_binops = frozenset({"*", "**"})
    MAX_SIZE = 1_000_000  # characters or items a template may make with one operator

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)) \
                and abs(right) > 64 and abs(left) > 1:
            raise SecurityError(f"{left!r} ** {right!r} is too large a number for a template")
        if operator == "*":
            for times, other in ((left, right), (right, left)):
                if isinstance(times, int) and hasattr(other, "__len__") \
                        and times * len(other) > self.MAX_SIZE:
                    raise SecurityError("a template may not repeat text or lists past "
                                        f"{self.MAX_SIZE:,} items")
        return super().call_binop(context, operator, left, right)


def environment(directories: tuple[Path, ...], gate: ReadGate) -> jinja2.Environment:
    """The sandboxed Jinja environment over *directories* (project first, then theme).

    Templates get one test of their own, ``LANG is hyphenated``: whether
    WeasyPrint's hyphenation (pyphen) has a dictionary for a language; and one
    filter, ``TEXT | inline``: a front-matter text set as titles are (inline
    Markdown, smart quotes, typographic ties).
    """
    env = PressroomSandbox(
        loader=GateLoader(directories, gate), autoescape=True, trim_blocks=True,
        lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.tests["hyphenated"] = hyphenated
    env.filters["inline"] = inline
    return env


def hyphenated(lang: Any) -> bool:
    """Whether pyphen hyphenates *lang* ("ru", "en-GB": yes; "az", "tr": no dictionary)."""
    return bool(lang) and pyphen.language_fallback(str(lang).replace("-", "_")) is not None


def get_template(env: jinja2.Environment, name: str) -> jinja2.Template:
    """The compiled template *name*; raises :class:`BuildError` at the template line."""
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(exc.filename or name, exc.lineno, f"template error: {exc.message}") \
            from None
    except jinja2.TemplateNotFound:
        raise BuildError(Path("templates") / name, 1, "template not found in the theme") from None


def run_template(render: Callable[..., str], **context: Any) -> str:
    """Call a template's render; turn runtime errors into ``template:line`` errors."""
    try:
        return render(**context)
    except BuildError:
        raise
    except RecursionError:
        path, line = _template_frame(sys.exc_info()[1])
        raise BuildError(path, line, "template error: the template calls itself without end") \
            from None
    except jinja2.UndefinedError as exc:
        path, line = _template_frame(exc)
        raise BuildError(path, line, f"template error: {exc.message} — define it, or test it "
                                     "with 'is defined' or .get()") from None
    except Exception as exc:  # noqa: BLE001 - any template runtime error is the template's
        path, line = _template_frame(exc)
        raise BuildError(path, line, f"template error: {exc}") from None


def _template_frame(exc: BaseException) -> tuple[str, int]:
    """The innermost traceback frame that belongs to a template file."""
    found = ("templates", 1)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
