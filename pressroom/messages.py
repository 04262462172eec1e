"""What a build tells its author, as one kind of record.

Preflight findings, WeasyPrint's log records and facts about the machine all
become :class:`Finding` records: a kind (the check's name), a severity, the
message, the ``path:line`` it comes from where known, and the pages it was
seen on. :func:`merged` makes one record of repeats; :func:`grouped` orders
them by the section they come from, in the publication's order, with facts
about the machine kept apart from facts about the pages.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

PAGES = "pages"
MACHINE = "machine"
LISTED_PAGES = 6  # a record seen on more pages names the first few and counts the rest


@dataclass(frozen=True)
class Finding:
    """One record; ``page`` is the first page it was seen on (1-based, 0: none),
    ``pages`` every such page once repeats are merged, ``source`` ``path:line`` or ''."""

    severity: str  # "error", "warning" or "note"
    check: str  # its kind: the preflight check, "weasyprint", "font-subsetter"…
    message: str
    page: int = 0
    source: str = ""
    pages: tuple[int, ...] = ()
    about: str = PAGES  # or MACHINE: true of this machine, whatever the pages hold

    def __str__(self) -> str:
        where = self.source or ("machine" if self.about == MACHINE else "publication")
        return f"{where}: {self.severity}: {self.message}{self._pages()} [{self.check}]"

    def _pages(self) -> str:
        seen = self.pages or ((self.page,) if self.page else ())
        if not seen:
            return ""
        if len(seen) == 1:
            return f" (page {seen[0]})"
        listed = ", ".join(map(str, seen[:LISTED_PAGES]))
        more = f" and {len(seen) - LISTED_PAGES} more" if len(seen) > LISTED_PAGES else ""
        return f" (pages {listed}{more})"

    def as_dict(self) -> dict:
        return asdict(self)


def logged(message: str) -> Finding:
    """A WeasyPrint log record that no check has read, as a record of its own."""
    return Finding("warning", "weasyprint", message)


def merged(records) -> tuple[Finding, ...]:
    """One record for each (severity, kind, message, source), with all its pages, in first-seen order."""
    by_key: dict[tuple, Finding] = {}
    for record in records:
        key = (record.severity, record.check, record.message, record.source, record.about)
        seen = record.pages or ((record.page,) if record.page else ())
        if key in by_key:
            before = by_key[key]
            pages = tuple(sorted(set(before.pages) | set(seen)))
            by_key[key] = replace(before, page=pages[0] if pages else 0, pages=pages)
        else:
            by_key[key] = replace(record, pages=tuple(sorted(set(seen))))
    return tuple(by_key.values())


def grouped(records, sections: tuple[tuple[str, str], ...]) -> list[tuple[str, list[Finding]]]:
    """``(heading, records)`` per section file, in *sections* order (``(path, title)`` pairs).

    Records without a source come first under ``publication``; records
    about the machine come last under ``machine``. A record's section is the
    file its ``source`` names.
    """
    order = {path: index for index, (path, _) in enumerate(sections)}
    titles = dict(sections)
    groups: dict[str, list[Finding]] = {}
    for record in records:
        if record.about == MACHINE:
            key = MACHINE
        else:
            key = record.source.rpartition(":")[0] if record.source else ""
        groups.setdefault(key, []).append(record)

    def rank(key: str) -> tuple:
        if key == MACHINE:
            return (3, 0, key)
        if key == "":
            return (0, 0, key)
        return (1, order[key], key) if key in order else (2, 0, key)

    result = []
    for key in sorted(groups, key=rank):
        heading = ("machine" if key == MACHINE else "publication" if key == ""
                   else f"{titles[key]} ({key})" if key in titles else key)
        result.append((heading, sorted(groups[key], key=lambda r: (r.page, _line(r)))))
    return result


def _line(record: Finding) -> int:
    line = record.source.rpartition(":")[2]
    return int(line) if line.isdigit() else 0
