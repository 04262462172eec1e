"""Components: fenced divs and figures rendered through ``templates/components/``.

A component is declared by its template alone. A Jinja comment at the top
says what it accepts, so a project adds or restyles one without Python::

    {#- component
    attributes: {by: optional, role: optional, image: required image}
    variants: [caps, closing]      # omit to allow any variant class
    items: bold-lead               # content must be a list of "**lead** text" items
    empty: true                    # content must be empty
    -#}

The template receives ``content`` (inner HTML), ``attrs``, ``variants``,
``classes``, ``id``, ``items`` (for ``items: bold-lead``) and ``name``.
"""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import jinja2
import yaml
from markdown.serializers import to_html_string
from markupsafe import Markup

from ..errors import BuildError
from .fences import Fence
from .sourcemap import ATTRIBUTE as SOURCE, stamp_html
from .templating import get_template, run_template

HEADER = re.compile(r"^\s*\{#-?\s*component\b(.*?)-?#\}", re.DOTALL)
KINDS = {"optional": (False, "text"), "required": (True, "text"),
         "optional image": (False, "image"), "required image": (True, "image")}
ITEMS_EXAMPLE = "'- **34,500** families resettled'"


@dataclass(frozen=True)
class ComponentSpec:
    """What one ``templates/components/NAME.html`` declares."""

    name: str
    template: str
    attributes: Mapping[str, tuple[bool, str]]  # name → (required, "text" | "image")
    variants: tuple[str, ...] | None
    items: bool
    empty: bool


@dataclass(frozen=True)
class Item:
    """One ``- **lead** text`` list item of a stats or timeline block."""

    lead: Markup
    html: Markup


class Components:
    """The component specs of a theme and the Jinja environment to render them."""

    def __init__(self, env: jinja2.Environment, specs: dict[str, ComponentSpec]):
        self.env, self.specs = env, specs

    def spec(self, fence: Fence, path: Path) -> ComponentSpec:
        """The spec for *fence*; raises :class:`BuildError` naming the closest known name."""
        spec = self.specs.get(fence.name)
        if spec is None:
            raise BuildError(path, fence.line, f"unknown component '{fence.name}'"
                             + _suggest(fence.name, self.specs))
        for attribute in fence.attributes:
            if attribute not in spec.attributes:
                known = ", ".join(spec.attributes) or "none"
                raise BuildError(path, fence.line,
                                 f"unknown attribute '{attribute}' for {spec.name} (known: {known})"
                                 + _suggest(attribute, spec.attributes))
        for attribute, (required, _) in spec.attributes.items():
            if required and not fence.attributes.get(attribute):
                raise BuildError(path, fence.line,
                                 f"{spec.name} needs the attribute {attribute}=\"…\"")
        for variant in fence.variants:
            if spec.variants is not None and variant not in spec.variants:
                known = ", ".join(spec.variants) or "none"
                raise BuildError(path, fence.line,
                                 f"unknown variant '.{variant}' for {spec.name} (known: {known})"
                                 + _suggest(variant, spec.variants))
        return spec

    def render(self, spec: ComponentSpec, context: dict[str, Any]) -> str:
        template = get_template(self.env, spec.template)
        return run_template(template.render, name=spec.name, **context)


def load_components(env: jinja2.Environment) -> Components:
    """Read the declaration header of every ``components/*.html`` the loader can see."""
    specs = {}
    for name in sorted(env.list_templates(filter_func=_is_component)):
        source, filename, _ = env.loader.get_source(env, name)
        specs[Path(name).stem] = _parse_header(Path(name).stem, name, source, Path(filename))
    return Components(env, specs)


def _is_component(name: str) -> bool:
    return name.startswith("components/") and name.endswith(".html") and name.count("/") == 1


def _parse_header(name: str, template: str, source: str, path: Path) -> ComponentSpec:
    match = HEADER.match(source)
    try:
        header = yaml.safe_load(match[1]) if match else {}
    except yaml.YAMLError as exc:
        raise BuildError(path, 1, f"component header is not YAML: {exc}") from None
    header = header or {}
    if not isinstance(header, dict) or not isinstance(header.get("attributes") or {}, dict) \
            or not isinstance(header.get("variants") or [], list):
        raise BuildError(path, 1, "component header: expected 'attributes:' as a mapping and "
                                  "'variants:' as a list (see README, Your own components)")
    attributes = {}
    for attribute, kind in (header.get("attributes") or {}).items():
        if kind not in KINDS:
            raise BuildError(path, 1, f"attribute '{attribute}': expected one of "
                                      f"{', '.join(KINDS)}, got {kind!r}")
        attributes[attribute] = KINDS[kind]
    variants = header.get("variants")
    return ComponentSpec(name, template, attributes,
                         tuple(variants) if variants is not None else None,
                         header.get("items") == "bold-lead", bool(header.get("empty")))


def _suggest(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


# --- rendering inside the Markdown tree -------------------------------------

Resolve = Callable[[str, int], str]  # (relative path, line) → file URI


@dataclass(frozen=True)
class Placement:
    """Where a component sits: its section file (path and lines) and the stash to put HTML in."""

    path: Path
    store: Callable[[str], str]
    resolve: Resolve
    lines: tuple[str, ...] = ()  # the file's lines, 1-based: lines[0] is line 1


def render_component(element: etree.Element, fence: Fence, spec: ComponentSpec,
                     components: Components, where: Placement) -> etree.Element:
    """Render the fenced ``<div>`` *element* and return a placeholder ``<p>`` for it.

    ``fence.id`` is used as given: the caller makes it unique in the document.
    Raises :class:`BuildError` at the fence line for a bad image attribute,
    a list that items components cannot read, or content where none is allowed.
    """
    # Every declared attribute is there (empty when not given): templates are strict.
    attrs = {name: "" for name in spec.attributes} | dict(fence.attributes)
    for attribute, (_, kind) in spec.attributes.items():
        if kind == "image" and attrs.get(attribute):
            attrs[attribute] = where.resolve(attrs[attribute], fence.line)
    items = _items(element, spec, fence, where) if spec.items else []
    content = inner_html(element)
    if spec.empty and content.strip():
        raise BuildError(where.path, fence.line, f"{spec.name} takes no content")
    context = {
        "content": Markup(content), "attrs": attrs, "variants": list(fence.variants),
        "classes": " ".join([spec.name, *fence.variants]), "items": items,
        "id": fence.id,
    }
    placeholder = etree.Element("p")
    placeholder.text = where.store(stamp_html(components.render(spec, context),
                                              element.get(SOURCE, "")))
    return placeholder


def inner_html(element: etree.Element) -> str:
    """The serialized children (and text) of *element*, without its own tag."""
    html = to_html_string(element)
    return html[html.index(">") + 1: html.rindex("</")]


def _items(element: etree.Element, spec: ComponentSpec, fence: Fence,
           where: Placement) -> list[Item]:
    """Split the component's list into bold leads and the rest; the list is removed."""
    path = where.path
    lists = [child for child in element if child.tag in ("ul", "ol")]
    error = BuildError(path, fence.line, f"{spec.name}: write a list whose items start with a "
                                         f"bold value, e.g. {ITEMS_EXAMPLE}")
    if not lists:
        raise error
    items = []
    for li in lists[0]:
        holder = li[0] if len(li) and li[0].tag == "p" and not (li.text or "").strip() else li
        lead = holder[0] if len(holder) else None
        if lead is None or lead.tag != "strong" or (holder.text or "").strip():
            raise BuildError(path, _line_after(where.lines, fence.line, "".join(li.itertext())),
                             error.message)
        holder.remove(lead)
        holder.text = (lead.tail or "").lstrip()
        lead.tail = None
        items.append(Item(Markup(inner_html(lead)), Markup(inner_html(li).strip())))
    element.remove(lists[0])
    return items


def _line_after(lines: tuple[str, ...], start: int, text: str) -> int:
    """The first line from *start* on that holds the beginning of *text* (else *start*)."""
    needle = " ".join(text.split())[:24]
    for number in range(start, len(lines) + 1):
        if needle and needle in " ".join(lines[number - 1].split()):
            return number
    return start
