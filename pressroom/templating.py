"""Jinja helpers: template errors become ``template:line`` build errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import jinja2

from .errors import BuildError


def get_template(env: jinja2.Environment, name: str) -> jinja2.Template:
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
    except Exception as exc:  # noqa: BLE001 - any template runtime error is the template's
        path, line = _template_frame(exc)
        raise BuildError(path, line, f"template error: {exc}") from None


def _template_frame(exc: BaseException) -> tuple[str, int]:
    """The innermost traceback frame that belongs to a template file."""
    found = ("templates", 1)
    tb = exc.__traceback__ or sys.exc_info()[2]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
