"""Typographic ties on finished HTML: ranges keep together, display lines end in two words.

WeasyPrint breaks a line after an en dash, so "1998–2026" can end one line
with "1998–"; and it has no ``text-wrap: balance``, so a heading may leave
one short word alone on its last line. Both are fixed in the markup, where
the text is known, and never inside code or a tag:

- a number range (digits, en dash, digits) is wrapped in
  ``<span class="range">``, which the theme sets ``white-space: nowrap``;
- in display text (headings, captions, pull quotes, titles, leads) the
  last space before a short last word becomes a no-break space.
"""

from __future__ import annotations

import re

from markdown.postprocessors import Postprocessor

# Digits, an en dash (typed, or as smarty's entity) and digits: 1998–2026, 2–4, 1,200–1,500.
NUMBER = r"\d(?:[\d.,]*\d)?"
RANGE = re.compile(rf"(?<![\w.,])({NUMBER}[ \u202f]?(?:–|&ndash;|&#8211;)[ \u202f]?{NUMBER}%?)")
TAGS = re.compile(r"(<[^>]*>)")
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style"}
SHORT_WORD = 8  # a last word up to this long is tied to the one before it
# Elements whose text is display text, in the HTML of a section body.
DISPLAY = (re.compile(r"(<(h[1-6]|blockquote)\b[^>]*>)(.*?)(</\2>)", re.DOTALL),
           re.compile(r'(<(span) class="figure-caption">)(.*?)(</span>)', re.DOTALL))
PRIORITY = 5  # after raw HTML (30) and entities (20) are restored


def typeset(html: str, display: bool = False) -> str:
    """*html* with number ranges tied; with *display*, its last short word too."""
    chunks = TAGS.split(html)
    verbatim = 0
    for index, chunk in enumerate(chunks):
        if index % 2:  # a tag
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", chunk)
            if name and name[1].lower() in VERBATIM and not chunk.endswith("/>"):
                verbatim += -1 if chunk.startswith("</") else 1
        elif not verbatim and chunk:
            chunks[index] = RANGE.sub(r'<span class="range">\1</span>', chunk)
    html = "".join(chunks)
    return tie_last_word(html) if display else html


def tie_last_word(html: str) -> str:
    """Replace the space before *html*'s last word by a no-break space, if that word is short.

    Only text of three words or more is tied (two words may need the break);
    a space inside a tag is never touched. Scans the text runs backwards: the
    first space after the last word's letters is the one to tie.
    """
    chunks = TAGS.split(html)
    words = " ".join(chunks[0::2]).split()
    if len(words) < 3 or len(words[-1].strip(".,;:!?…»”’)")) > SHORT_WORD:
        return html
    seen_word = False
    for index in range(len(chunks) - 1, -1, -2):  # text runs sit at even indices
        chunk = chunks[index]
        for position in range(len(chunk) - 1, -1, -1):
            if not chunk[position].isspace():
                seen_word = True
            elif seen_word:
                chunks[index] = chunk[:position] + "&nbsp;" + chunk[position + 1:]
                return "".join(chunks)
    return html


class TypesetPostprocessor(Postprocessor):
    """Ties on a section's finished HTML: ranges everywhere, last words in display text."""

    def run(self, text: str) -> str:
        for display in DISPLAY:
            text = display.sub(lambda m: m[1] + tie_last_word(m[3]) + m[4], text)
        return typeset(text)
