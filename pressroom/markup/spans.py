"""Bracketed spans: ``[words]{lang=ru}`` → ``<span lang="ru">words</span>``.

Pandoc's syntax for a run of text with attributes. Python-Markdown's
attr_list can only decorate an element that already exists (``*word*{lang=ru}``);
a plain span is what a word in another language needs, so that it hyphenates
and is read aloud by the rules of its own language.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.inlinepatterns import InlineProcessor

# No nested brackets, no line breaks: "[see]{.x}" but not a link "[a](b)".
SPAN = r"\[(?P<text>[^\[\]\n]+)\]\{:?(?P<attrs>[^{}\n]+)\}"
PRIORITY = 175  # after code spans (190) and escapes (180), before links (160)


class SpanProcessor(InlineProcessor):
    """Turns a bracketed span into ``<span>``; its words are still Markdown."""

    def handleMatch(self, m: re.Match, data: str):
        attrs, rest = get_attrs_and_remainder(m.group("attrs"))
        # "[a]{some words}" is not an attribute list: the text stays as written.
        if rest.strip() or not attrs or any(value is None for _, value in attrs):
            return None, None, None
        span = etree.Element("span")
        span.text = m.group("text")
        for key, value in attrs:
            if key == ".":
                span.set("class", f"{span.get('class', '')} {value}".strip())
            else:
                span.set(key, value or "")
        return span, m.start(0), m.end(0)
