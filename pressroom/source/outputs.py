"""Output profiles: ``print`` and ``screen`` ship with the theme; projects adjust or add.

``publication.yml``::

    outputs:
      print: {dpi: 400}                    # override one setting of a shipped profile
      proof: {base: screen, dpi: 100}      # a new profile starting from a shipped one

Without ``outputs`` a project builds ``print``; with it, the profiles it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any, Callable

from ..errors import BuildError
from .values import Invalid, boolean, length, text

# PDF/UA-1 rather than -2: it is the part validators (veraPDF, PAC) and screen readers
# have the longest record with, and -2 needs PDF 2.0, which many readers still open as 1.7.
VARIANTS = (None, "pdf/x-4", "pdf/ua-1")
COLORS = ("cmyk", "rgb")
BINDINGS = ("none", "saddle-stitch")
ICC_DEFAULT = "styles/icc/pressroom-fogra39.icc"
# A profile name becomes part of a file name (<slug>-<name>.pdf): no slashes, no dots.
PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class OutputProfile:
    """How one PDF is produced from the laid-out publication."""

    name: str
    pdf_variant: str | None  # "pdf/x-4", "pdf/ua-1" or None
    color: str  # "cmyk" or "rgb"
    bleed: bool  # use page.bleed (else no bleed)
    marks: bool  # use page.marks (else none)
    dpi: int  # images are downsampled to this at their placed size
    min_dpi_warning: int  # preflight: below this a placed image is a warning
    min_dpi_error: int  # preflight: below this it is an error
    icc: str  # CMYK output profile, relative to the project or the theme
    binding: str  # "none" or "saddle-stitch"
    pad: bool  # add blank pages to reach a multiple of 4 for saddle-stitch
    creep: str  # imposition creep per sheet, e.g. "0.1mm"
    accessible: bool = False  # tagged for screen readers (PDF/UA-1); alt text required

    @property
    def written_variant(self) -> str | None:
        """What WeasyPrint writes: an accessible profile without a variant is PDF/UA-1."""
        return self.pdf_variant or ("pdf/ua-1" if self.accessible else None)

    @property
    def cmyk(self) -> bool:
        return self.color == "cmyk"

    def file_name(self, slug: str) -> str:
        """``print`` keeps the plain ``<slug>.pdf``; others add their name."""
        return f"{slug}.pdf" if self.name == "print" else f"{slug}-{self.name}.pdf"


DEFAULT_OUTPUTS = {
    "print": OutputProfile("print", "pdf/x-4", "cmyk", True, True, 300, 300, 150, ICC_DEFAULT,
                           "none", False, "0mm"),
    "screen": OutputProfile("screen", None, "rgb", False, False, 150, 96, 72, ICC_DEFAULT,
                            "none", False, "0mm", accessible=True),
}


def _choice(options: tuple) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        value = None if value in ("none", None) and None in options else value
        if value not in options:
            shown = ", ".join("none" if o is None else str(o) for o in options)
            raise Invalid(f"expected one of {shown}, got {value!r}")
        return value
    return parse


def _dpi(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 36 <= value <= 2400:
        raise Invalid(f"expected a resolution in ppi between 36 and 2400, got {value!r}")
    return value


def _icc(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected a path to an ICC profile, got {value!r}")
    return text(value)


SETTINGS: dict[str, Callable[[Any], Any]] = {
    "pdf_variant": _choice(VARIANTS), "color": _choice(COLORS), "bleed": boolean,
    "marks": boolean, "dpi": _dpi, "min_dpi_warning": _dpi, "min_dpi_error": _dpi,
    "icc": _icc, "binding": _choice(BINDINGS), "pad": boolean, "creep": length,
    "accessible": boolean,
}
assert set(SETTINGS) == {f.name for f in fields(OutputProfile)} - {"name"}


def parse_outputs(raw: Any, error: Callable[[tuple, str], BuildError]) -> tuple[dict, list]:
    """Validate the ``outputs:`` mapping.

    *error(key_path, message)* builds a located error. Returns the profiles by
    name (shipped ones merged with the project's) and the list of errors.
    """
    profiles, errors = dict(DEFAULT_OUTPUTS), []
    if not isinstance(raw, dict) or not raw:
        return profiles, [error(("outputs",), "outputs: expected a mapping of profile names")]
    for name, settings in raw.items():
        settings = settings or {}
        if not PROFILE_NAME.match(name):
            errors.append(error(("outputs", name), f"outputs: profile name {name!r} must be "
                                                   "lowercase letters, digits, '-' or '_'"))
            continue
        if not isinstance(settings, dict):
            errors.append(error(("outputs", name), f"outputs.{name}: expected a mapping"))
            continue
        base_name = settings.get("base", name if name in DEFAULT_OUTPUTS else "print")
        if not isinstance(base_name, str) or base_name not in DEFAULT_OUTPUTS:
            errors.append(error(("outputs", name, "base"),
                                f"outputs.{name}.base: expected print or screen, got {base_name!r}"))
            continue
        values = {}
        for key, value in settings.items():
            if key == "base":
                continue
            parse = SETTINGS.get(key)
            if parse is None:
                errors.append(error(("outputs", name, key), f"unknown key 'outputs.{name}.{key}' "
                                                             f"(known: base, {', '.join(SETTINGS)})"))
                continue
            try:
                values[key] = parse(value)
            except Invalid as exc:
                errors.append(error(("outputs", name, key), f"outputs.{name}.{key}: {exc}"))
        profile = replace(DEFAULT_OUTPUTS[base_name], name=name, **values)
        if profile.pdf_variant == "pdf/ua-1":  # asking for PDF/UA by name is asking for all of it
            profile = replace(profile, accessible=True)
        if profile.accessible and profile.pdf_variant == "pdf/x-4":
            errors.append(error(("outputs", name, "accessible"), f"outputs.{name}: a PDF is "
                                "either PDF/X-4 or PDF/UA-1 here — set pdf_variant: none for an "
                                "accessible PDF, or accessible: false for the print shop"))
        profiles[name] = profile
    return profiles, errors
