"""Raw HTML written in a section: its file references follow the Markdown rule.

A Markdown image is relative to the section file; so is ``<img src>`` in raw
HTML, ``<link href>``, ``<object data>``, SVG ``<image href>``, a ``style``
attribute's ``url()`` and the rest of :data:`URL_ATTRIBUTES`. Every such
reference is checked by the gate when the section is converted (so a bad one
stops the build at its line) and replaced by the checked file's URI; ids
get the section prefix like every other id. Plain ``<a href>`` links are
not fetched and are left alone, except ``rel="attachment"``, which embeds
the file.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Callable

# tag → attributes that make WeasyPrint fetch a file ("*": any tag)
URL_ATTRIBUTES = {
    "*": ("src", "poster", "data", "background", "xlink:href"),
    "link": ("href",), "image": ("href",), "use": ("href",), "feimage": ("href",),
    "a": (),  # only with rel="attachment": see _url_attributes
}
CSS_URL = re.compile(r"""(url\(\s*)(["']?)([^"')]*)\2(\s*\))|(@import\s+)(["'])([^"']*)\6""",
                     re.IGNORECASE)

Resolve = Callable[[str], str]  # reference as written → checked URI (raises BuildError)


def rewrite_css_urls(css: str, resolve: Resolve) -> str:
    """Every ``url(…)`` and ``@import "…"`` in *css* through *resolve*."""
    def replace(match: re.Match) -> str:
        if match[1] is not None:
            return f'{match[1]}"{_resolved(match[3], resolve)}"{match[4]}'
        return f'{match[5]}"{_resolved(match[7], resolve)}"'
    return CSS_URL.sub(replace, css)


# Elements open inside each other past this are refused: WeasyPrint lays
# boxes out recursively, and a few hundred levels exhaust Python's stack.
MAX_OPEN = 64
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "image", "use", "path", "rect", "circle", "line", "stop"}


class TooDeep(ValueError):
    """Raw HTML whose elements nest past :data:`MAX_OPEN`."""


def rewrite_html(fragment: str, resolve: Resolve, prefix: Callable[[str], str]) -> str:
    """*fragment* with its file references resolved and its ids prefixed by *prefix*.

    Raises :class:`TooDeep` for elements nested past :data:`MAX_OPEN`.
    """
    rewriter = _Rewriter(resolve, prefix)
    rewriter.feed(fragment)
    rewriter.close()
    return "".join(rewriter.out)


def _resolved(reference: str, resolve: Resolve) -> str:
    reference = reference.strip()
    if not reference or reference.startswith(("#", "data:")):
        return reference  # in-document fragments and inline data are not files
    return resolve(reference)


def _url_attributes(tag: str, attrs: dict[str, str | None]) -> tuple[str, ...]:
    names = (*URL_ATTRIBUTES["*"], *URL_ATTRIBUTES.get(tag, ()))
    if tag == "a" and "attachment" in (attrs.get("rel") or "").lower().split():
        names = (*names, "href")
    return names


class _Rewriter(HTMLParser):
    """Re-emits the fragment unchanged except for the attributes it rewrites."""

    def __init__(self, resolve: Resolve, prefix: Callable[[str], str]):
        super().__init__(convert_charrefs=False)
        self.resolve, self.prefix, self.out = resolve, prefix, []
        self.in_style = False
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.out.append(self._tag(tag, attrs, "") or self.get_starttag_text())
        self.in_style = tag == "style"
        if tag not in VOID:
            self.depth += 1
            if self.depth > MAX_OPEN:
                raise TooDeep(f"HTML elements nested more than {MAX_OPEN} deep")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.out.append(self._tag(tag, attrs, " /") or self.get_starttag_text())

    def _tag(self, tag: str, attrs: list, end: str) -> str | None:
        """The rebuilt start tag, or None when nothing in it needs rewriting."""
        values = dict(attrs)
        urls = _url_attributes(tag, values)
        changed, parts = False, []
        for name, value in attrs:
            new = value
            if value is not None and name in urls:
                new = _resolved(value, self.resolve)
            elif value is not None and name == "style":
                new = rewrite_css_urls(value, self.resolve)
            elif value is not None and name == "id":
                new = self.prefix(value)
            elif value is not None and name == "href" and value.startswith("#"):
                new = "#" + self.prefix(value[1:])
            changed |= new != value
            parts.append(name if new is None else f'{name}="{html.escape(new)}"')
        if not changed:
            return None
        return "<" + " ".join([tag, *parts]) + end + ">"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False
        self.depth = max(0, self.depth - 1)
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(rewrite_css_urls(data, self.resolve) if self.in_style else data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")
