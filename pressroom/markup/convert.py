"""Stage 3: each :class:`Section`'s Markdown → HTML, one section at a time.

Python-Markdown with tables, footnotes, attribute lists, definition lists,
smart quotes and unicode heading ids, plus Pandoc fenced divs
(:mod:`fences`). :class:`SectionTreeprocessor` then makes the HTML safe to
combine into one document: footnotes become ``<span class="footnote">``,
ids get the section id as prefix, images are checked and resolved against
the section file, and figures and fenced divs are rendered through their
component templates (:mod:`components`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .captions import CAPTION, PRIORITY as CAPTIONS_PRIORITY, CaptionTreeprocessor
from .cellbreaks import PRIORITY as BREAKS_PRIORITY, CellBreaksTreeprocessor
from .components import Components, Placement, render_component
from ..errors import BuildError
from .fences import MAX_DEPTH, TAG, TAGGED, Fence, FenceBlockProcessor, FencePreprocessor
from .footnotes import float_footnotes
from ..source.gate import ReadGate, Refused
from ..source.images import image_problem, reversed_picture
from .rawhtml import TooDeep, rewrite_css_urls, rewrite_html
from ..source.sections import Section
from .tasks import PRIORITY as TASKS_PRIORITY, TaskListTreeprocessor
from .titles import Title, render_title
from .typeset import PRIORITY as TYPESET_PRIORITY, TypesetPostprocessor
from .spans import PRIORITY as SPAN_PRIORITY, SPAN, SpanProcessor
from .sourcemap import (ATTRIBUTE as SOURCE, BLOCK_PRIORITY as SOURCE_BLOCK,
                        PREPROCESSOR_PRIORITY as SOURCE_PRE, TREE_PRIORITY as SOURCE_TREE,
                        SourceLineBlockProcessor, SourceLinePreprocessor, SourceMapTreeprocessor,
                        stamp_line, stamped_lines, strip_marks)
from .tablecols import PRIORITY as COLUMNS_PRIORITY, TableColumnsTreeprocessor

LOOSE_FENCE = re.compile(r"^\s*:{3,}")
MAX_BRACKETS = 2_000
ANY_TAG = re.compile(rf"{TAG}(\d+)")  # a tagged fence line anywhere in a raw HTML block
# Block containers opening a line: "> ", "- ", "* ", "+ ", "1. ", "1) ".
CONTAINERS = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+")
CONTAINER = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
EXTENSIONS = ("tables", "footnotes", "attr_list", "def_list", "smarty", "fenced_code",
              "codehilite", "sane_lists")
# Pygments marks tokens with classes (styles/75-code.css colours them); a block
# without a language is left plain rather than guessed.
CODEHILITE = {"css_class": "code", "guess_lang": False, "wrapcode": True}


@dataclass(frozen=True)
class RenderedSection:
    """A section with its body as an HTML fragment (ids unique in the document)."""

    section: Section
    html: str
    title: Title  # the title's inline Markdown as HTML and as plain text


def render_sections(sections: tuple[Section, ...], gate: ReadGate,
                    components: Components) -> tuple[RenderedSection, ...]:
    """Convert every section; every file they name is checked and read by *gate*."""
    return tuple(render_section(section, gate, components) for section in sections)


def render_section(section: Section, gate: ReadGate, components: Components) -> RenderedSection:
    """Markdown → HTML for one section; raises :class:`BuildError` at the offending line."""
    check_nesting(section)
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, "toc", SectionExtension(section, gate, components)],
        extension_configs={"toc": {"slugify": slugify_unicode, "permalink": False},
                           "footnotes": {"BACKLINK_TEXT": ""}, "codehilite": CODEHILITE},
        output_format="html",
    )
    try:
        return RenderedSection(section, md.convert(section.body), render_title(section.title))
    except RecursionError:
        raise BuildError(section.path, section.body_line,
                         "this section nests lists, quotes or HTML too deeply to typeset — "
                         f"keep nesting under {MAX_DEPTH} levels") from None


def check_nesting(section: Section) -> None:
    """Refuse what Python-Markdown would recurse or backtrack on for minutes, at its line.

    Block quotes nested past :data:`MAX_DEPTH`, and paragraphs with more than
    :data:`MAX_BRACKETS` ``[`` (its link parser is quadratic in them).
    """
    brackets, start = 0, section.body_line
    for offset, line in enumerate(section.body.splitlines()):
        # One past the match: the last marker's lookahead needs the space after it.
        opened = CONTAINERS.match(line)
        markers = CONTAINER.findall(line[:opened.end() + 1]) if opened else []
        if len(markers) > MAX_DEPTH:
            what = "block quotes" if set(markers) == {">"} else "lists and quotes"
            where = "" if what == "block quotes" else " on one line"
            raise BuildError(section.path, section.body_line + offset,
                             f"{what} nested {len(markers)} deep{where} — keep nesting "
                             f"under {MAX_DEPTH} levels")
        if not line.strip():
            brackets, start = 0, section.body_line + offset + 1
        brackets += line.count("[")
        if brackets > MAX_BRACKETS:
            raise BuildError(section.path, start, f"more than {MAX_BRACKETS:,} '[' in one "
                                                  "paragraph — split it, or write them as \\[")


def resolve_asset(reference: str, where: Path, line: int, gate: ReadGate) -> Path:
    """The checked real path of *reference*, written in the file *where* at *line*.

    Relative to *where*'s folder, percent-decoded once. Raster images are
    also checked to be whole and of a sane size. Raises :class:`BuildError`
    at *line* for remote URLs, paths leaving the project, missing files and
    broken pictures.
    """
    try:
        path = gate.reference(reference, where)
    except Refused as exc:
        raise BuildError(where, line, _refusal(reference, exc)) from None
    if problem := image_problem(path, gate):
        raise BuildError(where, line, f"{reference}: {problem}")
    return path


def _refusal(reference: str, refused: Refused) -> str:
    """The message for *reference*, worded by the rule that refused it."""
    if refused.kind == "missing":
        return f"file '{reference}' not found"
    if refused.kind == "remote":
        return (f"remote or absolute URL '{reference}' is not allowed: "
                "copy the file into the project and use a relative path")
    if refused.kind == "outside":
        return f"'{reference}' is outside the project directory"
    return f"'{reference}': {refused}"


class SectionExtension(Extension):
    def __init__(self, section: Section, gate: ReadGate, components: Components):
        super().__init__()
        self.section, self.gate, self.components = section, gate, components

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        places = SourceLineBlockProcessor(md.parser)
        md.preprocessors.register(SourceLinePreprocessor(md, self.section.path,
                                                         self.section.body_line),
                                  "source-lines", SOURCE_PRE)
        md.parser.blockprocessors.register(places, "source-lines", SOURCE_BLOCK)
        md.treeprocessors.register(SourceMapTreeprocessor(md, self.section.source_name, places),
                                   "source-map", SOURCE_TREE)
        # After whitespace normalisation (30), before raw HTML is stashed (20).
        md.preprocessors.register(
            FencePreprocessor(md, self.section.path, self.section.body_line), "fences", 25)
        fences = FenceBlockProcessor(md.parser, self.section.path)
        md.parser.blockprocessors.register(fences, "fences", 105)
        md.inlinePatterns.register(SpanProcessor(SPAN, md), "spans", SPAN_PRIORITY)
        md.treeprocessors.register(CaptionTreeprocessor(md), "captions", CAPTIONS_PRIORITY)
        md.treeprocessors.register(TaskListTreeprocessor(md), "tasks", TASKS_PRIORITY)
        md.treeprocessors.register(CellBreaksTreeprocessor(md), "cell-breaks", BREAKS_PRIORITY)
        md.treeprocessors.register(TableColumnsTreeprocessor(md), "table-columns", COLUMNS_PRIORITY)
        md.postprocessors.register(TypesetPostprocessor(md), "typeset", TYPESET_PRIORITY)
        # Priority 1: after inline patterns (20), attr_list (8) and toc (5), so
        # every id, image and footnote exists by the time we rewrite them.
        md.treeprocessors.register(
            SectionTreeprocessor(md, self.section, self.gate, self.components, fences),
            "pressroom-section", 1)


class SectionTreeprocessor(Treeprocessor):
    def __init__(self, md, section: Section, gate: ReadGate, components: Components,
                 fences: FenceBlockProcessor):
        super().__init__(md)
        self.section, self.gate, self.components, self.fences = section, gate, components, fences
        self.figures = 0
        lines = ("",) * (section.body_line - 1) + tuple(section.body.splitlines())
        self.placement = Placement(section.path, md.htmlStash.store,
                                   lambda ref, line: self.resolve(ref, line).as_uri(), lines)

    def run(self, root: etree.Element) -> None:
        # Only the author's raw HTML is in the stash yet; components are stored later.
        self.rewrite_raw_html()
        float_footnotes(root)
        local = {element.get("id") for element in root.iter() if "id" in element.attrib}
        for element, start in stamped_lines(root):
            self.check_leftover_fence(element)
            if element.tag == "img":
                self.resolve_image(element, start)
            if "id" in element.attrib:
                element.set("id", self.prefixed(element.get("id")))
            href = element.get("href", "")
            if href.startswith("#") and self.is_local(href[1:], local):
                element.set("href", "#" + self.prefixed(href[1:]))
            elif element.tag == "a" and "attachment" in element.get("rel", "").split():
                element.set("href", self.raw_reference(href, start))  # embedded: a read
            if "style" in element.attrib:
                element.set("style", rewrite_css_urls(
                    element.get("style"), lambda ref, start=start: self.raw_reference(ref, start)))
        self.render_figures(root)
        self.render_fences(root)

    def is_local(self, anchor: str, local: set) -> bool:
        """Whether ``#anchor`` names an id of this section (else another section, as written).

        Figures get their ids (``figure-N``) after links are rewritten.
        """
        return anchor in local or LOCAL_LATER.match(anchor) is not None

    def prefixed(self, anchor: str) -> str:
        """Element ids become ``SECTION--ID``: section slugs never contain ``--``."""
        return f"{self.section.id}--{anchor}"

    def resolve(self, reference: str, line: int) -> Path:
        return resolve_asset(reference, self.section.path, line, self.gate)

    def raw_reference(self, reference: str, start: int = 0) -> str:
        """A file named in raw HTML or an attribute → checked URI.

        Its line is the first naming it from *start*, the line of the block it
        is written in (0 when unknown: inline HTML has no block of its own).
        """
        return self.resolve(reference, self.section.line_of(reference, start=start)).as_uri()

    def rewrite_raw_html(self) -> None:
        """Resolve the author's raw HTML references; refuse fences and nesting it hides."""
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if not isinstance(block, str):
                continue
            if tagged := ANY_TAG.search(block):
                raise BuildError(self.section.path, int(tagged[1]),
                                 "this ':::' fence is inside raw HTML, where Markdown is not "
                                 "read — close the HTML element before the fence")
            start = stamp_line(block)  # the source map stamped block-level HTML
            try:
                # Raw HTML spanning blank lines has swallowed the source map's markers.
                stash[index] = rewrite_html(strip_marks(block),
                                            lambda ref: self.raw_reference(ref, start),
                                            self.prefixed)
            except TooDeep as exc:
                first = block.strip().split("\n", 1)[0][:40]
                raise BuildError(self.section.path, start or self.section.line_of(first),
                                 f"{exc} — WeasyPrint cannot lay that out") from None

    def image_line(self, src: str, start: int) -> int:
        """Line of an image ``](src`` in the block from line *start*, else of its
        reference definition ``]: src`` (which stands anywhere in the file)."""
        if not src:
            return start or self.section.body_line
        return self.section.line_of(f"]({src}", self.section.line_of(f"]: {src}", start),
                                    start)

    def resolve_image(self, image: etree.Element, start: int) -> None:
        src = image.get("src", "")
        if src.startswith("data:"):
            return
        image.set("data-source", src)  # kept until the figure stage for error lines
        image.set("data-line", str(self.image_line(src, start)))
        image.set("src", self.resolve(src, int(image.get("data-line"))).as_uri())

    def render_figures(self, root: etree.Element) -> None:
        """An image alone in its paragraph becomes the ``figure`` component."""
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "p" and len(child) == 1 and child[0].tag == "img" \
                        and not (child.text or "").strip() and not (child[0].tail or "").strip():
                    figure = self.figure(child[0], child.get(SOURCE, ""))
                    figure.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, figure)
        for image in root.iter("img"):
            image.attrib.pop("data-source", None)
            image.attrib.pop("data-line", None)
            image.attrib.pop(CAPTION, None)
            if "decorative" in image.get("class", "").split():  # an inline ornament
                image.set("alt", "")
                image.set("aria-hidden", "true")

    def figure(self, image: etree.Element, stamped: str) -> etree.Element:
        """Render an image as the ``figure`` component (caption: its Markdown text; title: credit).

        Its alt text is ``{alt="…"}`` where given, else the caption's plain text.

        *stamped* is the paragraph's source-map stamp; the figure carries it.
        """
        source = image.attrib.pop("data-source", "")
        variants = tuple(image.get("class", "").split())
        line = int(image.attrib.pop("data-line", 0)) or self.image_line(source, 0)
        spec = self.components.spec(Fence("figure", variants, {}, "", line), self.section.path)
        written = image.attrib.pop(CAPTION, image.get("alt", ""))
        caption = markdown.markdown(written, extensions=["smarty"])
        src = self.reversed(source, line) if "reversed" in variants else image.get("src")
        attrs = {"src": src, "alt": _plain(image.get("alt", "")),
                 "caption": Markup(caption.removeprefix("<p>").removesuffix("</p>")),
                 "credit": image.get("title", "")}
        self.figures += 1
        # Every figure gets a stable id: the page-flow fitting (fit.py) resizes it by id.
        figure_id = image.get("id") or self.prefixed(f"figure-{self.figures}")
        fence = Fence("figure", variants, attrs, figure_id, line)  # an author's id is prefixed above
        return render_component(etree.Element("div", {SOURCE: stamped} if stamped else {}),
                                fence, spec, self.components, self.placement)

    def reversed(self, source: str, line: int) -> str:
        """The picture *source* knocked out to white (``{.reversed}``, for dark grounds)."""
        try:
            return reversed_picture(self.resolve(source, line), self.gate)
        except ValueError as exc:
            raise BuildError(self.section.path, line, f"{source}: {exc}") from None

    def render_fences(self, root: etree.Element) -> None:
        """Render fenced divs innermost first, so outer ones contain finished HTML."""
        for parent in reversed(list(root.iter())):
            for index, child in enumerate(list(parent)):
                line = child.get("data-fence-line")
                if child.tag != "div" or line is None:
                    continue
                fence = self.fences.fences[int(line)]
                spec = self.components.spec(fence, self.section.path)
                if fence.id:
                    fence = replace(fence, id=self.prefixed(fence.id))
                del child.attrib["data-fence-line"]
                placeholder = render_component(child, fence, spec, self.components,
                                               self.placement)
                placeholder.tail = child.tail
                parent.remove(child)
                parent.insert(index, placeholder)

    def check_leftover_fence(self, element: etree.Element) -> None:
        """A fence the parser could not take (e.g. indented in a list) is an error, not text."""
        texts = [element.tail] if element.tag in ("code", "pre") else [element.text, element.tail]
        for text in filter(None, texts):
            for line in text.split("\n"):
                if TAG in line or LOOSE_FENCE.match(line):
                    raise BuildError(self.section.path, self.fence_line(line),
                                     "this ':::' fence is not at the start of a block: put it "
                                     "on its own line, indented at most 3 spaces")

    def fence_line(self, text: str) -> int:
        if tagged := TAGGED.search(text):
            return int(tagged[1])
        return self.section.line_of(TAGGED.sub("", text).strip())


LOCAL_LATER = re.compile(r"^figure-\d+$")  # ids this stage gives after rewriting links


def _plain(text: str) -> str:
    """Alt text without Markdown emphasis marks (for the PDF's alternative text)."""
    return re.sub(r"[*_`]", "", text)
