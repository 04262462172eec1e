"""A non-editable install carries the default theme as package data."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, page_texts


def test_installed_package_builds_with_its_own_theme(project, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(ROOT)], check=True, capture_output=True, timeout=600)
    theme = target / "pressroom" / "theme"
    assert (theme / "templates" / "layouts" / "section.html").is_file()
    assert sorted(p.name for p in (theme / "styles").glob("*.css")) == \
        sorted(p.name for p in (ROOT / "styles").glob("*.css"))
    # Run from outside the repository so only the installed copy can be imported.
    result = subprocess.run(
        [sys.executable, "-c", "import pressroom, sys; from pressroom.cli import main; "
                               "print(pressroom.__file__, file=sys.stderr); "
                               "sys.exit(main(['build', sys.argv[1]]))", str(project)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
        env={**os.environ, "PYTHONPATH": str(target)})
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stderr
    assert "TEST BOOKLET" in page_texts(project / "output" / "test-booklet.pdf")[0].upper()
