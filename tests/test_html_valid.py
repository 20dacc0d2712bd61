"""The Nu HTML Checker reports no error on any built page in any language."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import all_html_files

VNU = Path(__file__).parent / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker reads a few pages and stops: Java's quicker compiler alone
# (tier 1) does that on half the CPU time; its code needs a deeper stack than
# Java's default, as the checker asks.
JAVA = ["java", "-Xss2m", "-XX:TieredStopAtLevel=1"]
# The positive control: a page with a duplicate id, which the checker must report.
INVALID = '<!doctype html><html lang="en"><title>x</title><p id="a"></p><p id="a"></p>'


def run_checker(files: list[Path]) -> dict[Path, list[str]]:
    """The checker's errors on each file, as "line: message"."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("the Nu HTML Checker needs Java and tests/node/node_modules: run 'make test'")
    result = subprocess.run([*JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)], capture_output=True, text=True)
    errors: dict[Path, list[str]] = {file: [] for file in files}
    for message in json.loads(result.stderr)["messages"]:
        errors[Path(urlsplit(message["url"]).path)].append(f"{message.get('lastLine')}: {message['message']}")
    return errors


@pytest.fixture(scope="module")
def checked(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[str]]:
    """Every built page, and the positive control, in one run of the checker."""
    invalid = tmp_path_factory.mktemp("invalid") / "invalid.html"
    invalid.write_text(INVALID, encoding="utf-8")
    return run_checker([*all_html_files(site), invalid])


@pytest.mark.slow
def test_every_page_is_valid_html(site: Path, checked: dict[Path, list[str]]) -> None:
    pages = [file for file in checked if site in file.parents]
    assert len(pages) == len(all_html_files(site)) > 30  # every page in three languages, and the 404 pages
    assert {file.relative_to(site).as_posix(): checked[file] for file in pages if checked[file]} == {}


def test_checker_reports_invalid_html(site: Path, checked: dict[Path, list[str]]) -> None:
    """The checker is really run: the page with a duplicate id fails."""
    [invalid] = [file for file in checked if site not in file.parents]
    assert any("Duplicate ID" in error for error in checked[invalid]), checked[invalid]
