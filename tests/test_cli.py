"""The three ways to run a build, as other tools call them."""

from __future__ import annotations

import os
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


def test_verbose_prints_numbered_steps(project, capsys):
    assert main(["build", str(project), "-v"]) == 0
    err = capsys.readouterr().err
    assert [line.split(" - ")[0] for line in err.splitlines() if line.startswith("Step")] == [
        f"Step {n}/7" for n in range(1, 8)]


def test_notes_left_by_earlier_library_builds_are_not_printed(project, capsys):
    from pressroom.layout import machine_notes

    machine_notes.add("left over from a build() call before this run")
    write(project / "publication.yml", "title: T\npage:\n  size: B7\n")
    assert main(["build", str(project)]) == 1
    assert "left over" not in capsys.readouterr().err
