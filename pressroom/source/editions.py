"""Editions: one project, several languages or page sizes.

``publication.yml`` declares them under ``editions:``; each key (``en``,
``ru``, ``a5``) names one edition with its own ``lang``, ``title``,
``subtitle``, ``short_title``, ``toc`` and ``page`` settings, and either its
own folder of sections (``content: content-ru``) or translations beside the
base files in ``content/`` (``03-history.ru.md`` beside ``03-history.md``).

An edition is applied as data: :func:`edition_publication` turns the base
:class:`Publication` into the edition's, and :func:`section_files` chooses
the files its sections come from. The rest of the build does not know
editions exist.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .config import PageSetup, Publication, TocSetup, suggestion
from ..errors import UsageError, display_path
from ..check.findings import Finding
from .sections import CONTENT_DIR, Section
from .values import FrozenDict


@dataclass(frozen=True)
class Edition:
    """One entry of ``editions:``, every value resolved against the base publication.

    ``translated`` says whether its language differs from the base's: only
    then is a base file standing in for a missing translation worth a warning.
    """

    key: str
    lang: str
    title: str
    subtitle: str
    short_title: str
    page: PageSetup
    toc: TocSetup
    content: str | None  # its own folder of sections, relative to the project
    translated: bool
    file_stem: str  # <slug of the base title>-<key>: the start of its PDF names


@dataclass(frozen=True)
class SectionFiles:
    """The Markdown files one edition is made of, in order."""

    folder: Path  # where they were looked for
    paths: tuple[Path, ...]
    stems: tuple[str, ...]  # the names section ids come from: a translation keeps its base's
    missing: tuple[tuple[Path, str], ...] = ()  # (base file used, translation not found)
    edition: str = ""


def edition_of(pub: Publication, key: str) -> Edition:
    """The edition *key* of *pub* (a base publication): its settings over the base's."""
    values = pub.editions[key]
    title = values.get("title", pub.title)
    lang = values.get("lang", pub.lang)
    return Edition(
        key=key, lang=lang, title=title, subtitle=values.get("subtitle", pub.subtitle),
        short_title=values.get("short_title", title if "title" in values else pub.short_title),
        page=replace(pub.page, **values.get("page", {})),
        toc=replace(pub.toc, **values.get("toc", {})),
        content=values.get("content"), translated=lang != pub.lang,
        file_stem=f"{pub.slug}-{key}")


def edition_publication(pub: Publication, key: str | None) -> Publication:
    """*pub* as the edition *key* (the first declared one when *key* is None).

    A project without editions is returned unchanged. Raises
    :class:`UsageError` for a key the project does not declare.
    """
    if key is not None:
        check_edition(pub, key)
    if not pub.editions:
        return pub
    edition = edition_of(pub, key or next(iter(pub.editions)))
    return replace(pub, title=edition.title, subtitle=edition.subtitle,
                   short_title=edition.short_title, lang=edition.lang, page=edition.page,
                   toc=edition.toc, edition=edition)


def check_edition(pub: Publication, key: str) -> None:
    """Raise :class:`UsageError` unless *pub* declares the edition *key*."""
    if not pub.editions:
        raise UsageError(pub.config_path, 1, f"--edition {key}: publication.yml declares no "
                                             "editions — add 'editions:' to it")
    if key not in pub.editions:
        raise UsageError(pub.config_path, pub.line_of("editions"),
                         f"unknown edition '{key}' (known: {', '.join(pub.editions)})"
                         + suggestion(key, pub.editions))


def planned_editions(pub: Publication, requested: str | None,
                     one_file: bool) -> tuple[str | None, ...]:
    """The editions a run builds: *requested*, else every declared one (the first when *one_file*).

    ``(None,)`` for a project without editions.
    """
    if requested is not None:
        check_edition(pub, requested)
        return (requested,)
    keys = tuple(pub.editions) or (None,)
    return keys[:1] if one_file else keys


def markdown_files(folder: Path) -> list[Path]:
    """``FOLDER/*.md`` by name, without hidden files (editor and OS droppings)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if not p.name.startswith("."))


def section_files(pub: Publication) -> SectionFiles:
    """The section files of *pub*'s edition.

    An edition with its own folder takes every file in it. Otherwise the
    files of ``content/`` are the base, and a file ``NAME.KEY.md`` whose
    ``KEY`` is an edition key is never a base section: it is the
    translation of ``NAME.md`` for that edition (or, without a base file, a
    section only that edition has). A translated edition lacking a
    translation uses the base file and records it in ``missing``.
    """
    edition = pub.edition
    if edition is not None and edition.content is not None:
        folder = pub.root / edition.content
        paths = tuple(markdown_files(folder))
        return SectionFiles(folder, paths, tuple(p.stem for p in paths), (), edition.key)
    folder = pub.root / CONTENT_DIR
    base: dict[str, Path] = {}
    translations: dict[str, dict[str, Path]] = {}
    for path in markdown_files(folder):
        stem, dot, key = path.stem.rpartition(".")
        if dot and key in pub.editions:
            translations.setdefault(key, {})[stem] = path
        else:
            base[path.stem] = path
    own = translations.get(edition.key, {}) if edition else {}
    chosen = {**base, **own}
    stems = tuple(sorted(chosen, key=lambda stem: f"{stem}.md"))  # the base's file-name order
    missing = tuple((base[stem], f"{stem}.{edition.key}.md") for stem in stems
                    if edition is not None and edition.translated and stem not in own)
    return SectionFiles(folder, tuple(chosen[stem] for stem in stems), stems, missing,
                        edition.key if edition else "")


def missing_translations(files: SectionFiles) -> tuple[Finding, ...]:
    """A preflight warning for every base file standing in for a missing translation."""
    return tuple(
        Finding("warning", "translation", f"edition {files.edition} has no translation "
                                          f"{name} — the base file is used",
                source=f"{display_path(base)}:1")
        for base, name in files.missing)


def in_base_language(sections: tuple[Section, ...], chosen: SectionFiles,
                     lang: str) -> tuple[Section, ...]:
    """*sections* with every untranslated base file marked as written in *lang*.

    A translated edition that falls back to a base file still hyphenates and
    tags that file as the base language (unless its front matter says).
    """
    untranslated = {path for path, _ in chosen.missing}
    return tuple(
        replace(s, data=FrozenDict({**s.data, "lang": lang}))
        if s.path in untranslated and "lang" not in s.data else s
        for s in sections)
