"""ProperDocs, the maintained fork of MkDocs 1.x, must build this site byte for
byte as MkDocs does, so that the site can change engine on the day MkDocs or
Material stops working (Material's end of life is 5 May 2027)."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_command


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.mark.slow
def test_properdocs_builds_the_same_site_as_mkdocs(site: Path, tmp_path: Path) -> None:
    fallback = tmp_path / "site"
    result = run_command(ROOT, "build", "--site-dir", str(fallback), env={"SITE_ENGINE": "properdocs"})
    assert result.returncode == 0, result.stderr
    mkdocs_files = _files(site)
    assert len(mkdocs_files) > 200
    assert _files(fallback) == mkdocs_files
    _, mismatch, errors = filecmp.cmpfiles(site, fallback, mkdocs_files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_switch_loads_properdocs_in_place_of_mkdocs() -> None:
    """Without this, the comparison above would pass by building with MkDocs twice."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"), SITE_ENGINE="properdocs")
    code = "import cleanprod.__main__, mkdocs.commands.build as b; print(b.__name__, b.__file__)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    name, file = result.stdout.split()
    assert name == "properdocs.commands.build"
    assert Path(file).parts[-3:] == ("properdocs", "commands", "build.py")


def test_each_language_s_process_loads_properdocs_too() -> None:
    """The languages are built in processes of their own (`python -m
    cleanprod.engine.language_builds`), which must switch engine as the command does."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"), SITE_ENGINE="properdocs")
    code = "import cleanprod.engine.language_builds, mkdocs.commands.build as b; print(b.__name__)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["properdocs.commands.build"]
