"""The three ways to run a build, as other tools call them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, page_texts, write
from pressroom.cli import main


@pytest.mark.parametrize("command", [
    [sys.executable, str(ROOT / "build.py")],
    [sys.executable, "-m", "pressroom", "build"],
    ["pressroom", "build"],
])
def test_entry_points_build_into_output_and_print_the_path(project, command):
    if command[0] == "pressroom":
        beside = Path(sys.executable).with_name("pressroom")  # the venv running the tests
        found = str(beside) if beside.is_file() else shutil.which("pressroom")
        command[0] = found or pytest.fail("console script 'pressroom' is not installed")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([*command, str(project)], capture_output=True, text=True,
                            env=env, cwd=project.parent, timeout=300)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip()
    assert printed == f"{project.name}/output/test-booklet.pdf"
    assert (project.parent / printed).is_file()


def test_explicit_output_and_current_directory_default(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    assert main(["build", "-o", "custom/name.pdf"]) == 0
    assert capsys.readouterr().out.strip() == "custom/name.pdf"
    assert len(page_texts(project / "custom" / "name.pdf")) == 5


def test_build_error_exits_1_with_one_line(project):
    (project / "publication.yml").write_text("title: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), str(project)],
                            capture_output=True, text=True, cwd=project,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert result.returncode == 1
    assert result.stderr.startswith("publication.yml:2: invalid YAML:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_progress_prints_numbered_stages_with_timings_and_a_final_line(project, capsys):
    assert main(["build", str(project)]) == 0
    err = capsys.readouterr().err.splitlines()
    stages = [line for line in err if re.match(r"^\[\d/7\] ", line)]
    assert [line[:5] for line in stages] == [f"[{n}/7]" for n in range(1, 8)]
    assert all(re.search(r"  \d+\.\d\d s(  \(\d+ pages\))?$", line) for line in stages), stages
    assert re.search(r"  \(5 pages\)$", stages[4])  # the layout stage counts the pages
    assert re.fullmatch(rf"print: 5 pages, {re.escape(str(project))}/output/test-booklet\.pdf, "
                        r"\d+\.\d MB in \d+\.\d s", err[-1]), err[-1]


def test_quiet_prints_only_the_path(project, capsys):
    assert main(["build", str(project), "-q"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().endswith("output/test-booklet.pdf")
    assert err == ""


def test_a_failed_build_prints_its_error_alone(project, capsys):
    write(project / "content" / "03-two.md", "# Two\n\nText.\n\n::: nosuch\nx\n:::\n")
    assert main(["build", str(project)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{project}/content/03-two.md:5: unknown component 'nosuch'"]


def test_machine_facts_are_notes_apart_from_the_pages(project, capsys):
    from pressroom.layout.pages import machine_facts

    fact = machine_facts()[0]
    assert main(["build", str(project), "-q", "-v"]) == 2  # -q and -v exclude each other
    assert main(["build", str(project), "-v"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"note: {fact.message}" and fact.about == "machine"
    assert re.fullmatch(r"fonts are subset by HarfBuzz \d+\.\d+\.\d+ \(uharfbuzz 0\.57\.0\)",
                        fact.message), fact.message
    assert main(["build", str(project)]) == 0
    # A fact, not advice: said only when asked (-v).
    assert [line for line in capsys.readouterr().err.splitlines() if line.startswith("note: ")] == []
