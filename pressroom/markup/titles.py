"""Titles as authors write them: inline Markdown, set as HTML and as plain text.

A title (front matter ``title:`` or a file's first ``# heading``) may carry
emphasis or code — ``What *Is* JavaScript?``. The opener and the contents
page set it as HTML; the running head, the PDF outline and the document's
metadata need plain text, without the asterisks. Every text of the front
matter set on a page (leads, subtitles) goes through the same rendering: the
same smart quotes as the body, ranges kept whole, no lone last word.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import markdown
from markupsafe import Markup

from .typeset import typeset

TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Title:
    """A title rendered: ``html`` (inline markup, escaped) and ``text`` (plain)."""

    html: str
    text: str


def render_title(source: str) -> Title:
    """Inline Markdown of *source* → :class:`Title`.

    Raw HTML is not markup in a title: ``<div>`` is printed as written (a
    title is also an attribute value and a bookmark, where tags mean nothing).
    """
    md = markdown.Markdown(extensions=["smarty"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    rendered = md.convert(source.strip())
    # One paragraph in, one out; anything else (a title "1. Intro" reads as a
    # list) is set as the plain words the author typed.
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, re.DOTALL)
    markup = inner.group(1) if inner else html.escape(source.strip(), quote=False)
    text = " ".join(html.unescape(TAG.sub("", markup)).split())
    return Title(typeset(markup, display=True), text)


def inline(value: object) -> Markup:
    """A front-matter text (lead, subtitle, kicker) set as a title is: Jinja's ``inline`` filter."""
    return Markup(render_title(str(value)).html)
