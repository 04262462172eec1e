"""Markdown → HTML fixture cases: tests/fixtures/markdown/NAME.md gives NAME.html.

Components render through the default theme's templates. The fixture
section's id is ``fixture``, so every id and internal link in
the expected HTML carries that prefix. ``{dir}`` in an expected file stands
for the fixture directory's file URI.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from PIL import Image

from pressroom.components import load_components
from pressroom.gate import ReadGate
from pressroom.markup import render_section
from pressroom.sections import Section
from pressroom.templating import environment
from pressroom.theme import Theme, default_theme_dir

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
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
    assert html.strip() == expected.strip()


def test_every_fixture_has_an_expected_output():
    assert CASES and all((FIXTURES / f"{name}.html").is_file() for name in CASES)
