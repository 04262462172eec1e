"""Markdown → HTML fixture cases: tests/fixtures/markdown/NAME.md gives NAME.html.

Components render through the default theme's templates. The fixture
section's id is ``fixture``, so every id and internal link in
the expected HTML carries that prefix. ``{dir}`` in an expected file stands
for the fixture directory's file URI. Source-map stamps (``data-src``) are
compared only where the expected file has them (``source-map``); for every
fixture, each stamp must name a line of its file where a block starts.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import re

import pytest

from PIL import Image

from pressroom.markup.components import load_components
from pressroom.source.gate import ReadGate
from pressroom.markup.convert import render_section
from pressroom.source.sections import Section
from pressroom.markup.templating import environment
from pressroom.source.theme import Theme, default_theme_dir

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
STAMP = re.compile(r' data-src="([^"]*)"')
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))


def fixture_section(path: Path) -> Section:
    return Section(path=path, id="fixture", number=1, title="Fixture", layout="section",
                   in_toc=True, data=MappingProxyType({}), data_lines=MappingProxyType({}),
                   body=path.read_text(encoding="utf-8"), body_line=1)


@pytest.fixture(scope="module", autouse=True)
def picture():
    image = FIXTURES / "pic.png"
    Image.new("RGB", (40, 30), "#1f6f82").save(image)
    yield
    image.unlink()


@pytest.mark.parametrize("name", CASES)
def test_fixture(name: str):
    source = FIXTURES / f"{name}.md"
    expected = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    expected = expected.replace("{dir}", FIXTURES.resolve().as_uri())
    theme = Theme((FIXTURES.parent.parent, default_theme_dir()))
    gate = ReadGate(theme.roots())
    components = load_components(environment(theme.template_dirs, gate))
    html = render_section(fixture_section(source), gate, components).html
    if "data-src" not in expected:
        html = STAMP.sub("", html)
    assert html.strip() == expected.strip()


@pytest.mark.parametrize("name", CASES)
def test_stamps_name_block_starts(name: str):
    """Every ``data-src`` names this file, in document order, at a line that starts a block."""
    source = FIXTURES / f"{name}.md"
    lines = source.read_text(encoding="utf-8").splitlines()
    theme = Theme((FIXTURES.parent.parent, default_theme_dir()))
    gate = ReadGate(theme.roots())
    components = load_components(environment(theme.template_dirs, gate))
    stamps = STAMP.findall(render_section(fixture_section(source), gate, components).html)
    assert stamps, "no block was stamped"
    numbers = []
    for stamp in stamps:
        file, _, line = stamp.rpartition(":")
        assert file == source.name
        number = int(line)
        before = lines[number - 2] if number > 1 else ""
        assert lines[number - 1].strip(), f"{stamp} is a blank line"
        assert not before.strip() or before.lstrip().startswith(":::") \
            or lines[number - 1].lstrip().startswith(":::"), f"{stamp} is inside a block"
        numbers.append(number)
    assert numbers == sorted(numbers)


@pytest.mark.parametrize("name", CASES)
def test_the_source_map_changes_nothing_but_stamps(name: str, monkeypatch):
    """The markers put in and taken out leave the HTML as Python-Markdown makes it."""
    import pressroom.markup.sourcemap

    source = FIXTURES / f"{name}.md"
    theme = Theme((FIXTURES.parent.parent, default_theme_dir()))
    gate = ReadGate(theme.roots())
    components = load_components(environment(theme.template_dirs, gate))
    stamped = render_section(fixture_section(source), gate, components).html
    monkeypatch.setattr(pressroom.markup.sourcemap.SourceLinePreprocessor, "run",
                        lambda self, lines: lines)
    bare = render_section(fixture_section(source), gate, components).html
    assert STAMP.sub("", stamped) == bare and STAMP.search(stamped) and not STAMP.search(bare)


def test_every_fixture_has_an_expected_output():
    assert CASES and all((FIXTURES / f"{name}.html").is_file() for name in CASES)
