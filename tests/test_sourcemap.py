"""The source map names the line that made a thing, where searching the text named another."""

from __future__ import annotations

from conftest import write
from pressroom.cli import main
from test_fuzz import fuzz  # noqa: F401 - the fuzzer's project, as a fixture

CODE_SAMPLE = """\
# One

Write a picture like this:

```markdown
![A quay](assets/missing.png)

![The same quay, later](assets/missing.png)
```

{after}
"""


def _error(project, body: str, capsys) -> list[str]:
    write(project / "content" / "02-one.md", body)
    assert main(["build", str(project), "-q"]) == 1
    return [line for line in capsys.readouterr().err.splitlines() if not line.startswith("note:")]


def test_a_fence_after_fenced_code_names_its_own_line(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    body = CODE_SAMPLE.format(after="Text.\n\n::: nosuch\nx\n:::")
    assert _error(project, body, capsys) == ["content/02-one.md:13: unknown component 'nosuch'"]


def test_a_missing_picture_is_named_where_it_is_placed_not_where_code_shows_it(
        project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    body = CODE_SAMPLE.format(after="Here it is:\n\n![A quay](assets/missing.png)")
    assert _error(project, body, capsys) == [
        "content/02-one.md:13: file 'assets/missing.png' not found"]


def test_a_picture_inside_a_paragraph_is_named_at_its_own_line(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    body = ("# One\n\nWrite `![icon](assets/missing.png)` for an icon.\n\n"
            "A paragraph that runs over\nthree lines, with a picture\n"
            "![icon](assets/missing.png) in it.\n")
    assert _error(project, body, capsys) == [
        "content/02-one.md:7: file 'assets/missing.png' not found"]


def test_a_glyph_no_font_has_is_an_error_at_its_line(project, tmp_path, monkeypatch):
    from conftest import plant_no_machine_fonts, section
    from pressroom.build import Gate, build

    write(project / "content" / "02-one.md",
          section("First Part", "Alpha.\n\nA clef: \U0001D11E.\n"))
    monkeypatch.setenv("FONTCONFIG_FILE", str(plant_no_machine_fonts(tmp_path)))
    monkeypatch.chdir(project)
    report = build(project, tmp_path / "boxed.pdf", gate=Gate(enabled=False))
    assert [str(f) for f in report.messages if f.about == "pages"] == [
        'content/02-one.md:6: error: no font has "\U0001D11E" (U+1D11E): it prints as an empty box '
        "— remove it, or add a font that has it to the theme (page 3) [missing-glyph]"]


def _html_or_error(fuzz, section) -> str:
    from pressroom.errors import BuildError
    from pressroom.markup.convert import render_section

    run = fuzz.run()
    try:
        return render_section(section, run.gate, run.components).html
    except BuildError as error:
        return f"error: {error.message}"  # its line may differ: the markers correct it


def test_generated_sections_come_out_the_same_with_and_without_the_markers(fuzz, monkeypatch):
    """The fuzzer's Markdown (lists, quotes, fences, tables, raw HTML, code …) converts to the
    same HTML with the source map as without it, stamps apart."""
    import re

    from hypothesis import HealthCheck, given, settings, strategies as st

    import pressroom.markup.sourcemap
    from pressroom.source.sections import read_section
    from test_fuzz import section_body, section_text

    original = pressroom.markup.sourcemap.SourceLinePreprocessor.run
    stamp = re.compile(r' data-src="[^"]*"')

    @settings(max_examples=300, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(body=section_body())
    def compare(body: str) -> None:
        path = fuzz.project / "content" / "02-map.md"
        path.write_text(section_text(2, body), encoding="utf-8")
        section = read_section(path, 2, fuzz.layouts, path.read_text(encoding="utf-8"))
        stamped = _html_or_error(fuzz, section)
        monkeypatch.setattr(pressroom.markup.sourcemap.SourceLinePreprocessor, "run",
                            lambda self, lines: lines)
        try:
            bare = _html_or_error(fuzz, section)
        finally:
            monkeypatch.setattr(pressroom.markup.sourcemap.SourceLinePreprocessor, "run", original)
        assert stamp.sub("", stamped) == bare, body

    compare()
