"""Shared fixtures: the site is built once per test run, into a temporary folder,
with the same command as the README's; browser tests serve it on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from cleanprod import build
from serving import serve

LANG_PREFIXES = {"zh-Hant": "", "en": "en/", "zh-Hans": "zh-Hans/"}
CONTENT_PAGES = ["", "about/", "funding/", "eligibility/", "apply/", "events/", "news/", "cases/", "partners/", "statistics/", "open-data/", "notices/", "privacy/", "accessibility/", "sitemap/"]
CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("built") / "site"
    build.build(folder)
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site's sources, with a previous build in site/."""
    return copy_project(tmp_path)


def copy_project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, copy / name)
    shutil.copy(ROOT / "mkdocs.yml", copy)
    (copy / "site").mkdir()
    (copy / "site" / "index.html").write_text("previous build", encoding="utf-8")
    return copy


def run_command(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m cleanprod ARGS` run in a project copy, as staff would run it."""
    env = dict(os.environ, PYTHONPATH=str(project / "scripts"), NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "cleanprod", *args], cwd=project, env=env, capture_output=True, text=True
    )


def failed_check(project: Path, problems: int) -> subprocess.CompletedProcess[str]:
    """`make check` in `project`, which must stop with this many problems."""
    result = run_command(project, "check")
    assert result.returncode == 1
    assert f"{problems} {'problem' if problems == 1 else 'problems'} found." in result.stderr
    return result


def run_build(project: Path) -> subprocess.CompletedProcess[str]:
    return run_command(project, "build")


def read_html(site: Path, url_path: str) -> BeautifulSoup:
    """The built page at a site-relative URL path such as 'en/about/'."""
    file = site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a text file with `new`, as a staff member's edit would."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_front_matter(path: Path, **changes: object) -> None:
    """Change a page's front matter as a staff member would: a value set, merged
    into a mapping, or removed (None)."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        elif isinstance(value, dict) and isinstance(meta.get(key), dict):
            meta[key] = {**meta[key], **value}
        else:
            meta[key] = value
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


def visible_links(page, items: str) -> list[str]:
    """The texts of the links of the list items (selector `items`) that filters left shown."""
    return page.eval_on_selector_all(f"{items}:not([hidden]) > a", "links => links.map(a => a.textContent)")


def all_html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    with serve(site) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system-packages.sh (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page_without_javascript(browser):
    """A tab as a reader with JavaScript turned off sees the site."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()
