"""Fuzzing: generated Markdown sections end in a PDF or a located BuildError, never a crash.

A Hypothesis strategy writes section bodies that mix what authors (and
accidents) put in Markdown files: paragraphs in several scripts, emphasis,
nested lists and block quotes, fenced divs (good and bad components, bad
attributes, unclosed and stray fences), pipe tables, footnotes with and
without definitions, attribute lists, raw HTML (unclosed tags, comments,
``data:`` pictures, file references), headings, code, rules and raw Unicode.

Each example is 50 sections: every one is converted alone (``render_section``
must return HTML or raise a :class:`BuildError` at a line of that section),
then all that converted are laid out together as one document (one layout per
example, because layout is the slow stage; a located layout error drops the
sections it names and lays out the rest again, at most twice). 20 examples:
1,000 sections. Reproducible: derandomized, no example database, no shrinking
(the failing section's body is printed instead).
"""

from __future__ import annotations

import base64
import io
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from PIL import Image

from conftest import page_texts, write
from pressroom import build
from pressroom.build import output_profile
from pressroom.markup.components import Components, load_components
from pressroom.source.config import load_config
from pressroom.document.html import Templates, render_document
from pressroom.errors import BuildError, BuildErrors
from pressroom.source.gate import ReadGate
from pressroom.layout.pages import LayoutSetup, lay_out
from pressroom.markup.convert import RenderedSection, render_section
from pressroom.source.sections import Section, read_section
from pressroom.markup.templating import environment
from pressroom.source.theme import Theme

SECTIONS_PER_EXAMPLE = 50
EXAMPLES = 20
DEEP_EVERY = 10  # about one section in DEEP_EVERY nests something deeply
BREAKER_EVERY = 40  # ... and one in BREAKER_EVERY has a picture only the layout finds broken
RENDER_SECONDS = 20  # one section takes milliseconds: more is a hang
LAYOUT_SECONDS = 240  # one document of 50 sections takes a few seconds

# --- the project every example is converted in ------------------------------------------------


def png_bytes(size: tuple[int, int] = (2, 2)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


PNG_B64 = base64.b64encode(png_bytes((1, 1))).decode("ascii")
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
       '<rect width="40" height="20" fill="#2a6"/></svg>')


class Fuzz:
    """The project every example is converted in, made once per module."""

    def __init__(self, project: Path):
        self.project = project
        self.theme = Theme.for_project(project)
        self.layouts = self.theme.layouts
        self.pub = load_config(project, ReadGate(self.theme.roots()))
        # LayoutSetup's arguments but the sources
        self.setup_base = (self.pub.page, output_profile(self.pub, "screen"), None, project,
                           self.theme.font_css())

    def run(self) -> "Run":
        """A fresh gate and what is read through it, as one build has (the gate keeps state)."""
        gate = ReadGate(self.theme.roots())
        env = environment(self.theme.template_dirs, gate)
        templates = Templates(env, gate, self.theme.stylesheets())
        stylesheets = tuple((path, gate.read_text(path)) for path in templates.stylesheets)
        return Run(gate, load_components(env), templates, stylesheets)

    def __repr__(self) -> str:  # printed with every failing example
        return f"Fuzz({str(self.project)!r})"


@dataclass(frozen=True)
class Run:
    gate: ReadGate
    components: Components
    templates: Templates
    stylesheet_sources: tuple


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory) -> Fuzz:
    project = tmp_path_factory.mktemp("fuzz").resolve()
    write(project / "publication.yml", "title: Fuzz\n")
    write(project / "content" / "01-one.md", "---\ntitle: One\n---\nText.\n")
    content = project / "content"
    (content / "pic.png").write_bytes(png_bytes())
    (content / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # a header and nothing else
    (content / "logo.svg").write_text(SVG, encoding="utf-8")
    (content / "bad.svg").write_text("this is not a picture", encoding="utf-8")
    (content / "refers.svg").write_text(SVG.replace("</svg>", '\n<image href="../../x.png" '
                                                    'width="4" height="4"/>\n</svg>'),
                                        encoding="utf-8")
    (content / "notes.txt").write_text("attached notes\n", encoding="utf-8")
    (content / "style.css").write_text("p { color: #333; }\n", encoding="utf-8")
    (content / ".hidden").mkdir()
    (content / ".hidden" / "x.png").write_bytes(png_bytes())
    return Fuzz(project)


# --- text --------------------------------------------------------------------------------------

WORDS = (
    # Latin, with accents and ligatures
    "harbour", "quay", "Lorem", "ipsum", "naïve", "Ærø", "façade", "Œuvre", "straße", "ﬁnale",
    # Cyrillic
    "Гавань", "причал", "щётка", "Ёлка", "Мурманск",
    # Greek, with polytonic marks
    "λιμάνι", "Ἀθῆναι", "ψυχή", "ΣΟΦΙΑ",
    # Azerbaijani
    "gəmi", "dağ", "qış", "ışıq", "Şəki", "İçərişəhər", "Ağdərə",
    # CJK and other scripts
    "港口", "東京都", "한국어", "ひらがな", "ميناء", "נמל", "बंदरगाह", "ท่าเรือ",
    # numbers, symbols, emoji, combining marks, zero-width characters
    "1998–2026", "34,500", "6.2 km", "§ 4", "⚓", "👩‍👩‍👧", "e\u0301", "a\u200bb", "x\u00adyz",
    "\u202eevil", "\ufeffbom",
)
# Strings that collide with markers used inside Python-Markdown and pressroom.
MARKERS = ("\x02wzxhzdk:0\x03", "\x02wzxhzdk:99\x03", "\x02\x03", "\u2060@7", "\u2060@",
           "\x02qq3936677670287331zz\x03", "{{ 7 * 7 }}", "{% raw %}", "&amp;", "&bogus;",
           "&#0;", "&#x110000;", "&#x1F600;", "\\*", "\\", "<", ">", "&", "*", "_", "`",
           "[", "]", "(", ")", "|", "#", ":", "::", ":::", "{", "}", "~~~", "```", "---",
           "[^", "]:", "![", "<!--", "-->", "<div>", "</div>", "\t", "  ", "\r", "\r\n")

word = st.sampled_from(WORDS)
anything = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=10)
plain = st.lists(word, min_size=1, max_size=3).map(" ".join)
ident = st.one_of(st.sampled_from(["intro", "a--b", "x.y", "1st", "İd", "港", "dup", ""]),
                  st.from_regex(r"[A-Za-z][\w-]{0,6}", fullmatch=True))
PICTURES = ("pic.png", "logo.svg", "pic%2Epng", "./pic.png", "pic.png?v=1#frag",
            # these stop the build at their line when the section is converted
            "missing.jpg", "broken.png", "../outside.png", "/etc/passwd",
            ".hidden/x.png", "https://example.com/x.png", "file:///etc/hosts",
            f"data:image/png;base64,{PNG_B64}", "", "pic\x00.png", "a" * 300 + ".png",
            "http://[::1/x", "pic.png\n", " pic.png ", "%", "%00", "C:\\pic.png", "//host/x.png")
GOOD_PICTURES = PICTURES[:4] + (f"data:image/png;base64,{PNG_B64}",)
# Only the layout finds these unreadable, and then the whole document stops: they are
# put in about one section in BREAKER_EVERY, not drawn like the others.
LAYOUT_BREAKERS = ("![x](bad.svg)", '<img src="bad.svg">', "![x](refers.svg)", "![x](data:image/png;base64,AAAA)",
                   '<img src="data:image/png;base64,AAAA">', "![x](data:image/gif;base64,R0lG)")
picture = st.one_of(st.sampled_from(GOOD_PICTURES), st.sampled_from(PICTURES))


def attr_list() -> st.SearchStrategy[str]:
    """``{#id .class key=value}`` in its forms, sometimes broken."""
    part = st.one_of(ident.map(lambda i: f"#{i}"), ident.map(lambda i: f".{i}"),
                     st.tuples(ident, plain).map(lambda kv: f'{kv[0] or "k"}="{kv[1]}"'),
                     st.sampled_from(["key=value", "onclick=alert(1)", 'style="color:red"',
                                      'style="background:url(pic.png)"', "=", "#", "."]))
    return st.tuples(st.sampled_from(["{", "{: ", "{:"]),
                     st.lists(part, max_size=3).map(" ".join),
                     st.sampled_from(["}", "}", " }", ""])).map("".join)


inline_token = st.one_of(
    word, word, word, plain,
    plain.map(lambda t: f"**{t}**"), plain.map(lambda t: f"_{t}_"), plain.map(lambda t: f"*{t}*"),
    plain.map(lambda t: f"***{t}***"), plain.map(lambda t: f"`{t}`"),
    plain.map(lambda t: f"**{t}"), plain.map(lambda t: f"_{t}"),  # unclosed emphasis
    plain.map(lambda t: f"``a ` {t}``"),
    st.tuples(plain, ident).map(lambda t: f"[{t[0]}](#{t[1]})"),
    st.tuples(plain, st.sampled_from(["https://example.com/a?b=c&d", "mailto:a@b.c",
                                      "javascript:alert(1)", "notes.txt", "", "#"])).map(
        lambda t: f"[{t[0]}]({t[1]})"),
    st.sampled_from(["<https://example.com>", "<a@example.com>", "[ref][]", "[ref]",
                     "  \n", "<br>", "<br/>", "<wbr>", "&nbsp;", "--", "---", "...", "<<", ">>",
                     '"quoted"', "'single'", "1/2"]),
    st.sampled_from(["[^1]", "[^1]", "[^2]", "[^note]", "[^missing]", "[^]", "[^ x]"]),
    st.tuples(plain, picture).map(lambda t: f"![{t[0]}]({t[1]})"),
    st.tuples(plain, st.sampled_from(["pic.png", "logo.svg"]), attr_list()).map(
        lambda t: f"![{t[0]}]({t[1]}){t[2]}"),
    plain.map(lambda t: f'<span class="x">{t}</span>'),
    plain.map(lambda t: f"<b>{t}"), plain.map(lambda t: f"<em>{t}</em>"),
    plain.map(lambda t: f'<a href="#nowhere">{t}</a>'),
    picture.map(lambda p: f'<img src="{p}" alt="x">'),
    attr_list(),
    st.sampled_from(MARKERS),
    anything,
)
line = st.lists(inline_token, min_size=1, max_size=6).map(" ".join)
paragraph = st.lists(line, min_size=1, max_size=2).map("\n".join)


# --- blocks -----------------------------------------------------------------------------------

heading = st.one_of(
    st.tuples(st.integers(1, 7), line, st.one_of(st.just(""), attr_list().map(" ".__add__)),
              st.sampled_from(["", "", " ###", " #"])).map(
        lambda t: "#" * t[0] + " " + t[1] + t[2] + t[3]),
    st.tuples(line, st.sampled_from(["===", "---", "=", "-----------"])).map("\n".join),
    st.sampled_from(["#", "# ", "#### ⚓", "# 港口", "# ", "## {#only-attrs}", "# **" ]),
)
rule = st.sampled_from(["---", "***", "___", "- - -", "* * *", "----------"])

cell = st.one_of(plain, inline_token, st.just(""), st.just("\\|"), st.just(":::"))


@st.composite
def table(draw) -> str:
    columns = draw(st.integers(1, 3))
    rows = draw(st.integers(0, 3))
    align = st.sampled_from(["---", ":---", "---:", ":---:", "-", ":-:"])
    edge = draw(st.booleans())

    def row(cells: list[str]) -> str:
        body = " | ".join(cells)
        return f"| {body} |" if edge else body

    lines = [row(draw(st.lists(cell, min_size=columns, max_size=columns))),
             row(draw(st.lists(align, min_size=columns, max_size=columns)))]
    for _ in range(rows):
        ragged = draw(st.integers(max(1, columns - 1), columns + 1))
        lines.append(row(draw(st.lists(cell, min_size=ragged, max_size=ragged))))
    return "\n".join(lines) + draw(st.sampled_from(["", "", "\n{: .wide}", "\n[Caption]"]))


code_block = st.one_of(
    st.lists(st.one_of(line, st.just("::: aside"), st.just(":::")), min_size=1, max_size=3).map(
        lambda lines: "\n".join("    " + text for text in lines)),
    st.tuples(st.sampled_from(["```", "```python", "~~~", "````", "``` {.x}"]),
              st.lists(st.one_of(line, st.just("::: pullquote"), st.just(":::"),
                                 st.just("<div>")), max_size=3),
              st.sampled_from(["```", "~~~", "````", "", "```"])).map(
        lambda t: "\n".join([t[0], *t[1], t[2]])),
    st.just("\t::: aside\n\tTabbed.\n\t:::"),
)

footnote_definition = st.tuples(
    st.sampled_from(["1", "1", "2", "note", "unused", "missing", "^"]),
    line,
    st.sampled_from(["", "", "\n\n    A second paragraph of the note.", "\n    - a list\n    - in a note",
                     "\n\n    ::: aside\n    fenced\n    :::", " See [^1].", " ![x](pic.png)",
                     "\n\n        indented code in a note"]),
).map(lambda t: f"[^{t[0]}]: {t[1]}{t[2]}")

definition_list = st.tuples(plain, st.lists(line, min_size=1, max_size=2)).map(
    lambda t: t[0] + "\n" + "\n".join(f":   {d}" for d in t[1]))

RAW_HTML = (
    '<div class="box">{t} *not Markdown*</div>',
    "<div>\n{t}\n</div>",
    "<div>{t}",  # unclosed
    '<div class="box">\n{t}',
    "<section>{t}",
    "<blockquote>\n{t}",
    "<p>{t}",
    "</div>",  # stray
    '<div id="{i}" style="color: #c00">{t}</div>',
    '<div style="background: url(pic.png)">{t}</div>',
    '<div style="background: url(missing.png)">{t}</div>',
    "<p><b>{t}</p>",
    "<span>{t}</span>",
    "<table><tr><td>{t}</td><td>2</td></tr></table>",
    "<table><tr><td>{t}",  # unclosed table
    "<table>\n<tr><th>{t}</th></tr>\n<tr><td>*x*</td></tr>\n</table>",
    f'<img src="data:image/png;base64,{PNG_B64}" alt="{{t}}">',
    '<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%221%22/%3E">',
    '<img src="pic.png" width="10">',
    '<img src="{p}">',
    '<img src=pic.png alt={t}>',
    "<br>", "<br/>", "<hr>",
    "<!-- {t} -->",
    "<!-- unclosed comment {t}",
    "<!DOCTYPE html>",
    "<![CDATA[ {t} ]]>",
    "<?php echo 1 ?>",
    "<script>document.write('{t}')</script>",
    "<style>p {{ color: red }}</style>",
    '<style>@import "style.css"; p {{ background: url(pic.png) }}</style>',
    "<style>@import 'missing.css';</style>",
    '<link rel="stylesheet" href="style.css">',
    '<a rel="attachment" href="notes.txt">{t}</a>',
    '<a href="#{i}">{t}</a>',
    '<object data="logo.svg"></object>',
    '<svg width="10" height="10"><image href="pic.png" width="10" height="10"/></svg>',
    '<video poster="pic.png"></video>',
    '<iframe src="https://example.com"></iframe>',
    '<div markdown="1">\n{t}\n</div>',
    "<details><summary>{t}</summary>{t}</details>",
    "<ul><li>{t}<li>{t}</ul>",
    "<pre>\n::: aside\n{t}\n</pre>",
    "<{t}>",
    "<div\n",
    "<sup>1</sup><sub>2</sub><ruby>漢<rt>kan</rt></ruby>",
    '<p dir="rtl">ميناء {t}</p>',
    "<custom-element foo=bar>{t}</custom-element>",
)
raw_html = st.tuples(st.sampled_from(RAW_HTML), plain, ident, picture).map(
    lambda t: t[0].replace("{t}", t[1]).replace("{i}", t[2] or "x").replace("{p}", t[3])
    .replace("{{", "{").replace("}}", "}"))

figure = st.tuples(plain, picture, st.sampled_from(["", ' "Credit line"', ' "a \\" quote"']),
                   st.sampled_from(["", "", "{.half}", "{.full-page}", "{.full-bleed}",
                                    "{.plain}", "{.ful-page}", "{#fig .half}", "{: .plain}"])).map(
    lambda t: f"![{t[0]}]({t[1]}{t[2]}){t[3]}")

stray = st.sampled_from([":::", ":::: ", "::: ::: :::", "   :::", "::::::::", ": not a fence",
                         "::", "{: #loose}", "[^1]:", "[ref]: pic.png", "[ref]: https://x.y",
                         "*", "-", "1.", ">", "|", "||", "<", "\\", "\u2060@3", ""])

# Valid components: (name, attributes it takes, variants it accepts, kind of body)
COMPONENTS = (
    ("pullquote", ("by", "role"), ("wide",), "blocks"),
    ("callout", (), ("caps", "closing"), "blocks"),
    ("aside", ("title",), ("extra", "wide"), "blocks"),
    ("stats", (), (), "items"),
    ("timeline", (), (), "items"),
    ("facsimile", ("title", "source"), (), "blocks"),
    ("portrait-quote", ("by", "role", "date", "place"), (), "blocks"),
    ("pagebreak", (), (), "empty"),
)
REQUIRED = {"facsimile": {"title": "Notice"}, "portrait-quote": {"by": "Ruth", "image": "pic.png"}}


@st.composite
def fence_spec(draw) -> tuple[str, str]:
    """The text after the colons, and the kind of body the component wants."""
    name, attributes, variants, kind = draw(st.sampled_from(COMPONENTS))
    chosen = dict(REQUIRED.get(name, {}))
    for attribute in draw(st.lists(st.sampled_from(attributes), max_size=2, unique=True)
                          if attributes else st.just([])):
        chosen[attribute] = draw(plain)
    classes = draw(st.lists(st.sampled_from(variants), max_size=2, unique=True)
                   if variants else st.just([]))
    fence_id = draw(st.one_of(st.just(""), st.just(""), ident))
    mistake = draw(st.integers(0, 24))  # a few in 25 fences are wrong on purpose
    if mistake == 1:
        name = draw(st.sampled_from(["pulquote", "Aside", "figure", "unknown", "stat", "_x",
                                     "港口", "a b"]))
    elif mistake == 2:
        chosen[draw(st.sampled_from(["bye", "image", "src", "class", "title"]))] = draw(plain)
    elif mistake == 3:
        classes.append(draw(st.sampled_from(["loud", "ful-page", "", "x y"])))
    elif mistake == 4:
        chosen.pop(draw(st.sampled_from(["title", "by", "image"])), None)
    elif mistake == 5:
        chosen["image"] = draw(picture)
    if not chosen and not classes and not fence_id and draw(st.booleans()):
        return name, kind
    if mistake == 6:
        return draw(st.sampled_from(["{}", "{.aside", '{.aside "loose words"}',
                                     "{.aside title='unterminated}", "{#only-id}",
                                     "aside {.x} trailing", "{.aside key=}", "{.aside =x}",
                                     "{{.aside}}", "aside}", "{.aside title=\"a\" title=\"b\"}",
                                     "{ .aside }:::"])), kind
    parts = [f".{name}", *(f".{c}" for c in classes)]
    if fence_id:
        parts.append(f"#{fence_id}")
    parts += [f'{key}="{value}"' for key, value in chosen.items()]
    if draw(st.booleans()) and not name.startswith("{"):
        return name + " {" + " ".join(parts[1:]) + "}" if len(parts) > 1 else name, kind
    return "{" + " ".join(parts) + "}", kind


item = st.one_of(
    st.tuples(st.sampled_from(["12", "34,500", "6.2 km", "04.10.2020", "2021", "½", "港口",
                               "Ağdərə", "**", "x *y*"]), line).map(lambda t: f"- **{t[0]}** {t[1]}"),
    st.tuples(st.sampled_from(["12", "1998"]), line).map(lambda t: f"1. **{t[0]}** {t[1]}"),
    st.just("- **7**"),
    st.just("- **8** with\n    - a nested list"),
    st.just("- **9** with\n\n    a second paragraph"),
    line.map(lambda t: f"- {t}"),  # no bold lead: an error
)


@lru_cache(maxsize=None)
def block(depth: int) -> st.SearchStrategy[str]:
    """One Markdown block; containers nest up to a few levels below *depth*."""
    leaves = [paragraph, paragraph, paragraph, heading, rule, table(), code_block,
              footnote_definition, definition_list, raw_html, raw_html, figure, stray, line]
    if depth >= 2:
        return st.one_of(*leaves)
    inner = st.lists(block(depth + 1), min_size=1, max_size=2)
    return st.one_of(*leaves, fenced_div(depth, inner), bullet_list(depth, inner),
                     quote(inner))


def fenced_div(depth: int, inner) -> st.SearchStrategy[str]:
    @st.composite
    def strategy(draw) -> str:
        spec, kind = draw(fence_spec())
        colons = ":" * draw(st.integers(3, 3 + 3 - depth))
        if kind == "items":
            body = [draw(st.one_of(st.just(""), paragraph)),
                    "\n".join(draw(st.lists(item, min_size=1, max_size=4)))]
        elif kind == "empty":
            body = draw(st.sampled_from([[], [], [""], ["Not empty."]]))
        else:
            body = draw(inner)
        opening = draw(st.sampled_from(["", "", " ", "   "])) + f"{colons} {spec}"
        closing = draw(st.sampled_from([colons, colons, ":::", colons + " ", ":::::::", "",
                                        f"{colons} {spec}"]))
        joiner = draw(st.sampled_from(["\n\n", "\n\n", "\n"]))
        return joiner.join([opening, *body, closing])
    return strategy()


def bullet_list(depth: int, inner) -> st.SearchStrategy[str]:
    @st.composite
    def strategy(draw) -> str:
        marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)", "10."]))
        items = []
        for _ in range(draw(st.integers(1, 3))):
            text = f"{marker} {draw(line)}"
            extra = draw(st.integers(0, 5))
            if extra == 1:  # a nested list
                sub = draw(st.sampled_from(["-", "1."]))
                indent = draw(st.sampled_from(["    ", "  ", "\t"]))
                text += "".join(f"\n{indent}{sub} {draw(line)}" for _ in range(draw(st.integers(1, 3))))
            elif extra == 2:  # more blocks in the item
                text += "\n\n" + "\n".join("    " + row for row in
                                           "\n\n".join(draw(inner)).split("\n"))
            elif extra == 3:  # a lazy continuation line
                text += "\n" + draw(line)
            items.append(text)
        return draw(st.sampled_from(["\n", "\n\n"])).join(items)
    return strategy()


def quote(inner) -> st.SearchStrategy[str]:
    @st.composite
    def strategy(draw) -> str:
        marks = draw(st.sampled_from([">", "> >", ">>", "> > >", ">  "]))
        text = "\n\n".join(draw(inner))
        lazy = draw(st.booleans())
        return "\n".join(f"{marks} {row}" if (not lazy or i == 0) else row
                         for i, row in enumerate(text.split("\n")))
    return strategy()


# Nesting levels: mostly what people write, sometimes what a script or a paste produces.
levels = st.one_of(st.integers(1, 16), st.integers(1, 16), st.integers(1, 16), st.integers(17, 300))


def deep_list() -> st.SearchStrategy[str]:
    # Every level indents the text: 70 levels take 28 pages and seconds to lay out.
    return st.tuples(st.integers(1, 40), plain).map(
        lambda t: "\n".join("    " * level + f"- {t[1]} {level}" for level in range(t[0])))


def deep_quote() -> st.SearchStrategy[str]:
    """Block quotes (and lists in quotes) nested on one line, past the limit of 16 too."""
    return st.tuples(levels, plain, st.sampled_from(["> ", ">", "> - ", "- > ", "> 1. "])
                     ).map(lambda t: t[2] * t[0] + t[1])


def deep_html() -> st.SearchStrategy[str]:
    return st.tuples(levels, st.sampled_from(["div", "span", "blockquote", "b", "table"]),
                     plain, st.booleans()).map(
        lambda t: f"<{t[1]}>" * t[0] + t[2] + (f"</{t[1]}>" * t[0] if t[3] else ""))


def one_in(draw, n: int) -> bool:
    """True about once in *n* draws (a middle value: Hypothesis favours the ends of a range)."""
    return draw(st.integers(0, n - 1)) == n // 2


@st.composite
def section_body(draw) -> str:
    blocks = draw(st.lists(block(0), min_size=1, max_size=4))
    if one_in(draw, DEEP_EVERY):
        blocks.insert(draw(st.integers(0, len(blocks))),
                      draw(st.one_of(deep_list(), deep_quote(), deep_html())))
    if one_in(draw, BREAKER_EVERY):
        blocks.insert(draw(st.integers(0, len(blocks))), draw(st.sampled_from(LAYOUT_BREAKERS)))
    body = draw(st.sampled_from(["\n\n", "\n\n", "\n"])).join(blocks)
    return body + draw(st.sampled_from(["\n", "\n", "", "\n\n\n", "\r\n"]))


# --- checking ---------------------------------------------------------------------------------


class Hang(Exception):
    """A stage ran far longer than it ever should."""


@contextmanager
def time_limit(seconds: int, what: str):
    """Raise :class:`Hang` in the main thread after *seconds* (POSIX; elsewhere no limit)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum, frame):
        raise Hang(f"{what} ran for more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def line_count(text: str) -> int:
    return max(len(text.splitlines()), text.count("\n") + 1)


def problems(error: BuildError) -> tuple[BuildError, ...]:
    return error.errors if isinstance(error, BuildErrors) else (error,)


def assert_located(error: BuildError, files: dict[Path, str], stage: str) -> None:
    """*error* names one of *files* and a line of it (every one, for :class:`BuildErrors`)."""
    for one in problems(error):
        if one.path not in files:
            pytest.fail(f"{stage}: BuildError without a location: path {one.path} is not an "
                        f"input file (line {one.line}): {one.message}")
        if not 1 <= one.line <= line_count(files[one.path]):
            pytest.fail(f"{stage}: BuildError without a location: line {one.line} is not a line "
                        f"of {one.path.name}: {one.message}")


def section_text(number: int, body: str) -> str:
    return f"---\ntitle: Section {number}\n---\n{body}"


def make_section(fuzz: Fuzz, run: Run, number: int, text: str) -> Section:
    """Write the section file and read it back through the gate, as a build does."""
    path = fuzz.project / "content" / f"{number:02d}-s{number}.md"
    path.write_bytes(text.encode("utf-8"))
    return read_section(path, number, fuzz.layouts, run.gate.read_text(path))


def layout_setup(fuzz: Fuzz) -> LayoutSetup:
    """LayoutSetup for the screen profile."""
    return LayoutSetup(*fuzz.setup_base)


def read_files(gate: ReadGate) -> dict[Path, str]:
    """The text files *gate* has read: a layout error may point at any of them."""
    return {read.path: gate.read_bytes(read.path).decode("utf-8", "replace")
            for read in gate.reads if read.path.suffix.lower() in (".md", ".css", ".svg", ".html")}


def render(run: Run, section: Section, text: str) -> RenderedSection | None:
    """The converted section, or None after a located BuildError; anything else fails."""
    try:
        with time_limit(RENDER_SECONDS, f"render_section of {section.path.name}"):
            return render_section(section, run.gate, run.components)
    except BuildError as error:
        assert_located(error, {section.path: text}, "render_section")
        return None
    except BaseException:
        note(f"render_section failed on this body: {section.body!r}")
        raise


def lay_out_together(fuzz: Fuzz, rendered: list[RenderedSection], texts: dict[Path, str]) -> None:
    """Lay the sections out as one document; it has pages or a located error.

    After a located error in some sections they are left out and the rest is
    laid out again (twice at most), so one bad picture does not hide 49 sections.
    """
    for _ in range(3):
        run = fuzz.run()
        sources = (*run.stylesheet_sources,
                   *((r.section.path, run.gate.read_text(r.section.path)) for r in rendered))
        try:
            with time_limit(LAYOUT_SECONDS, f"layout of {len(rendered)} sections"):
                html = render_document(fuzz.pub, tuple(rendered), run.templates)
                layout = lay_out(html, layout_setup(fuzz), run.gate)
        except BuildError as error:
            assert_located(error, {**dict(sources), **read_files(run.gate)}, "layout")
            blamed = {one.path for one in problems(error)}
            rendered = [r for r in rendered if r.section.path not in blamed]
            if not rendered or not blamed & set(texts):
                return
            continue
        except BaseException:
            note("layout failed on these bodies:\n"
                 + "\n".join(repr(r.section.body) for r in rendered))
            raise
        # A bound: generated sections run to any length, but each starts a page.
        assert layout.page_count >= len(rendered)
        return


# No shrinking: each smaller example it tries is laid out again (minutes, not seconds);
# the body that failed is printed with the example instead.
@pytest.mark.filterwarnings("ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning")
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate], print_blob=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example, HealthCheck.filter_too_much])
@given(bodies=st.lists(section_body(), min_size=SECTIONS_PER_EXAMPLE,
                       max_size=SECTIONS_PER_EXAMPLE))
def test_generated_sections_end_in_pages_or_located_errors(fuzz: Fuzz, bodies: list[str]):
    texts: dict[Path, str] = {}
    rendered = []
    run = fuzz.run()
    for number, body in enumerate(bodies, start=1):
        text = section_text(number, body)
        section = make_section(fuzz, run, number, text)
        texts[section.path] = text
        if (result := render(run, section, text)) is not None:
            rendered.append(result)
    if rendered:
        lay_out_together(fuzz, rendered, texts)


# --- one full build of everything at once -------------------------------------------------------

NASTY_BODY = f"""\
Intro in **Latin** _and_ `code`, Кириллица **Гавань**, Ελληνικά *λιμάνι*, \
Azərbaycan dili gəmi dağ qış ışıq.[^1] A note without definition[^9].

## Heading with attributes {{#heading-one .wide lang=az}}

1. First **bold** item
    - nested _Ellinika_ item
        - deeper with [a link](#heading-one)
2. Second item

> Quoted Quayside
> > nested quote with **emphasis**
> > > three levels deep

:::: {{.aside title="Aside Title"}}
Text in the aside.

::: {{.callout .caps}}
Callout inside the aside.
:::

::: pullquote
Pullquote Words here.
:::
::::

::: stats
- **34,500** families resettled
- **6.2 km** of waterfront
:::

::: timeline
- **1998** Tidewater plan
- **2021** Ferry terminal opens
:::

::: {{.facsimile title="Notice Seven" source="City Archive"}}
1. The lock will be closed.
:::

| Year | Tonnage | Note |
|:-----|--------:|:----:|
| 1998 | 1,200 | `low` |
| 2026 | 34,500 | **high** |

Term
:   Definition text.

<div class="box">Raw <span style="color: #c00">HTML</span> block<br>with a break</div>

<!-- a comment that is not printed -->

<img src="data:image/png;base64,{PNG_B64}" alt="dot" width="1">

    indented code ::: not a fence

![Logo caption with *emphasis*](logo.svg "Credit"){{.plain}}

::: pagebreak
:::

Closing Paragraph with unicode “quotes” — dashes… and § 4.

[^1]: Footnote Text with _emphasis_.
"""


def test_build_of_a_nasty_document_makes_a_pdf(tmp_path: Path):
    write(tmp_path / "publication.yml", "title: Fuzz\n")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "logo.svg").write_text(SVG, encoding="utf-8")
    (tmp_path / "content" / "01-nasty.md").write_text(section_text(1, NASTY_BODY), encoding="utf-8")
    report = build(tmp_path, tmp_path / "out.pdf", profile="screen")
    assert report.output.is_file() and report.pages == 4 and report.warnings == ()
    # Small capitals and letter-spaced labels come out of the PDF as capitals.
    text = " ".join(" ".join(page_texts(report.output)).split()).casefold()
    for expected in ("Гавань", "λιμάνι", "gəmi", "ışıq", "Quayside", "Text in the aside",
                     "Pullquote Words", "34,500", "Tidewater", "The lock will be closed",
                     "Tonnage", "Raw HTML block", "Footnote Text", "Closing Paragraph"):
        assert expected.casefold() in text, expected
