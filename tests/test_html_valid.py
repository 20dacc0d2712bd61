"""The Nu HTML Checker reports no error on any built page in any language."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import all_html_files

VNU = Path(__file__).parent / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_checker(files: list[Path]) -> list[dict]:
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("the Nu HTML Checker needs Java and tests/node/node_modules: run 'make test'")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    return json.loads(result.stderr or "{}")["messages"]


@pytest.mark.slow
def test_every_page_is_valid_html(site: Path) -> None:
    files = all_html_files(site)
    assert len(files) >= 30  # every page in three languages, and the 404 pages
    errors = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in run_checker(files)]
    assert errors == []


def test_checker_reports_invalid_html(tmp_path: Path) -> None:
    """The checker is really run: a page with a duplicate id fails."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><p id="a"></p><p id="a"></p>', encoding="utf-8")
    messages = run_checker([page])
    assert any("Duplicate ID" in m["message"] for m in messages)
