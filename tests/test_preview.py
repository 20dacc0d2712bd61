"""The preview (`make serve`): an edit to a page's text is served again within
seconds, in every language made from it; a mistake is not served; a change
to a data file builds everything again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import edit


def _served(url: str) -> str:
    """The page at `url`; an error (the preview stopped, a page missing) fails the test."""
    return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")


def _shows(url: str, text: str, waiting_for: type[OSError] = TimeoutError) -> bool:
    """Whether the page at `url` holds `text` yet. The preview refuses
    connections until it has built the site, and answers late while it builds
    again: `waiting_for` is the error that means "not yet"; any other fails."""
    try:
        return text in _served(url)
    except waiting_for:
        return False
    except urllib.error.URLError as error:
        if isinstance(error.reason, waiting_for):
            return False
        raise


def _wait_for(check: Callable[[], bool], seconds: float) -> None:
    """Return once `check` holds; fails the test after `seconds`."""
    started = time.perf_counter()
    while not check():
        assert time.perf_counter() - started < seconds, "the preview did not show the change in time"
        time.sleep(0.05)


@pytest.fixture
def preview(project: Path) -> Iterator[tuple[str, Path]]:
    """The preview running on a copy of the project: (its address, its log)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = project / "preview.log"
    env = dict(os.environ, PYTHONPATH=str(project / "scripts"), NO_MKDOCS_2_WARNING="1")
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "cleanprod", "preview", "--port", str(port)],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: _shows(url, "</html>", ConnectionRefusedError), 120)
        yield url, log
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)


def test_an_edited_page_is_served_again_in_every_language_made_from_it(preview, project: Path) -> None:
    url, _ = preview
    about = project / "docs" / "about.md"
    # With a data line the page did not have, rendered with the view the preview's check found.
    about.write_text(about.read_text(encoding="utf-8") + "\n新加的段落：計劃資助工廠 [[data:approvals.csv|total]] 宗。\n", encoding="utf-8")
    _wait_for(lambda: _shows(url + "about/", "新加的段落：計劃資助工廠 1,802 宗。"), 10)
    # The Simplified page is made from the same file, converted.
    _wait_for(lambda: _shows(url + "zh-Hans/about/", "新加的段落：计划资助工厂 1,802 项。"), 5)


def test_a_mistake_is_reported_and_the_last_good_page_kept(preview, project: Path) -> None:
    url, log = preview
    about = project / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\n[[data:nonexistent.csv|table]]\n", encoding="utf-8")
    _wait_for(lambda: "there is no data file 'nonexistent.csv'" in log.read_text(encoding="utf-8"), 10)
    assert "nonexistent" not in _served(url + "about/")
    assert "docs/about.md" in log.read_text(encoding="utf-8")
    # A mistake that only rendering the page finds: the page is not written.
    line = len(text.splitlines()) + 2
    about.write_text(text + '\n見[新加的連結](statistics.md){: style="color: red" }。\n', encoding="utf-8")
    _wait_for(lambda: f"docs/about.md, line {line}: the <a> has a style attribute" in log.read_text(encoding="utf-8"), 10)
    assert "新加的連結" not in _served(url + "about/")
    # Corrected, the page is served again: the mistake is not held against the next edit.
    about.write_text(text + "\n見[新加的連結](statistics.md)。\n", encoding="utf-8")
    _wait_for(lambda: _shows(url + "about/", "新加的連結"), 10)


def test_a_data_file_change_builds_everything_again(preview, project: Path) -> None:
    url, log = preview
    edit(project / "docs" / "data" / "sectors.csv", "紡織業", "紡織及製衣業")
    _wait_for(lambda: _shows(url + "about/", "紡織及製衣業"), 60)
    assert "Building the whole site again" in log.read_text(encoding="utf-8")
