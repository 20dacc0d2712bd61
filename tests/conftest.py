"""Shared fixtures: the site is built once per test run, into a temporary folder,
with the same command as the README's (once for all workers when the tests run
in parallel); browser tests serve it on 127.0.0.1. Each test is marked by what
it needs (`browser`, `build`), from the fixtures and helpers it uses, so that
`make test-fast` can leave out the slow ones without a list of files."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import inspect
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from cleanprod.checks.validate import Content, validate
from cleanprod.engine import build
from cleanprod.paths import DOCS
from page_checks import AXE_PATH, AXE_SCRIPT, visit_every_page, visit_of
from serving import serve

LANG_PREFIXES = {"zh-Hant": "", "en": "en/", "zh-Hans": "zh-Hans/"}
CONTENT_PAGES = ["", "about/", "funding/", "eligibility/", "apply/", "events/", "news/", "cases/", "partners/", "statistics/", "open-data/", "notices/", "privacy/", "accessibility/", "sitemap/"]
# Debian's Chromium built as its headless shell (package chromium-headless-shell):
# the engine and version of Debian's chromium package without the desktop
# browser around it, whose window, toolbar and tab strip are laid out and
# drawn on every page load though no one sees them. The suite takes a quarter
# less CPU time on it. It is what Playwright itself runs headless.
CHROMIUM = "/usr/bin/chromium-headless-shell"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's sources. Parallel workers
    (pytest-xdist) share one build: the first to need it builds it, under a
    lock, into the run's common folder; the others wait for it. The build
    swaps the finished site in whole, so a folder that exists is complete."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    folder = shared / "built" / "site"
    with open(shared / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not folder.exists():
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
    """`python -m cleanprod ARGS` run in a project copy, as staff would run it.

    `check` runs in this process (`check_in_process`): the same `main()`, a
    second faster than a new interpreter; every other command in its own."""
    if args == ("check",):
        return check_in_process(project, env)
    return run_process(project, *args, env=env)


def run_process(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m cleanprod ARGS` in a new interpreter, in a project copy."""
    env = dict(os.environ, PYTHONPATH=str(project / "scripts"), NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "cleanprod", *args], cwd=project, env=env, capture_output=True, text=True
    )


def check_in_process(project: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m cleanprod check` in a project copy, run by `main()` in this
    process: the command's folders (and the folder problems are named from)
    point at the copy meanwhile, so that its output is the command's, word
    for word."""
    from cleanprod import __main__ as command, problems

    root = project.resolve()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as restore:
        for module, name, value in ((command, "DOCS", root / "docs"), (command, "ROOT", root), (problems, "ROOT", root)):
            restore.callback(setattr, module, name, getattr(module, name))
            setattr(module, name, value)
        saved_env = dict(os.environ)
        restore.callback(lambda: (os.environ.clear(), os.environ.update(saved_env)))
        os.environ.update(env or {})
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            returncode = command.main(["check"])
    return subprocess.CompletedProcess(["python", "-m", "cleanprod", "check"], returncode, out.getvalue(), err.getvalue())


def failed_check(project: Path, problems: int) -> subprocess.CompletedProcess[str]:
    """`make check` in `project`, which must stop with this many problems."""
    result = run_command(project, "check")
    assert result.returncode == 1
    assert f"{problems} {'problem' if problems == 1 else 'problems'} found." in result.stderr
    return result


def run_build(project: Path) -> subprocess.CompletedProcess[str]:
    return run_command(project, "build")


def read_html(site: Path, url_path: str) -> BeautifulSoup:
    """The built page at a site-relative URL path such as 'en/about/'.

    Each page is parsed once per worker and the tests that read it share the
    tree, so a test copies a tag (`copy.copy`) before it changes it. Parsing
    had been a sixth of the tests' time outside the browser: 860 reads of
    120 pages."""
    return parsed_page(site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path)


def parsed_page(file: Path) -> BeautifulSoup:
    """A built page's tree (read_html says why it is shared)."""
    return _parsed(file.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=256)
def _parsed(html: str) -> BeautifulSoup:
    """The tree of a page's text, found again by the text itself: reading a
    file is cheap, and a page written again is parsed again however soon
    after and at whatever length (a file's time is only as fine as the
    system's clock tick)."""
    return BeautifulSoup(html, "html.parser")


@functools.cache
def checked_content() -> Content:
    """The site's content as validate.py checks it, once per worker: it does
    not change, and the tests that read it do not change it."""
    found, problems = validate(DOCS)
    assert problems == []
    return found


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
    with serve(site, {AXE_PATH: AXE_SCRIPT.encode("utf-8")}) as address:
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


# What a test may do to a tab that would reach the next test using it: listen
# to it or change its requests, its clock, its scripts or its media. A test
# (or a function of its file it calls) that does any of these gets a tab of
# its own; the others share one per worker.
_CHANGES_THE_TAB = re.compile(
    r"\.(on|once|route|unroute|clock|add_init_script|expose_function|expose_binding|emulate_media|set_extra_http_headers|context)\b"
)
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's, for a new context


def _changes_the_tab(function: object, depth: int = 2) -> bool:
    """Whether `function`, or a function of its module it calls (`depth`
    calls deep), does something to its tab that would outlast it."""
    if _CHANGES_THE_TAB.search(_source(function)):
        return True
    module = inspect.getmodule(function)
    called = [getattr(module, name, None) for name in getattr(getattr(function, "__code__", None), "co_names", ())]
    return depth > 0 and any(_changes_the_tab(f, depth - 1) for f in called if inspect.isfunction(f))


@pytest.fixture(scope="session")
def _shared_tabs(browser) -> Iterator[list]:
    """One tab per worker, made when first needed (a list, to make it again
    if a test closed or crashed it)."""
    tabs: list = []
    yield tabs
    for tab in tabs:
        tab.context.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser, _shared_tabs: list):
    """A browser tab at Playwright's default size. Opening a tab costs half
    as much as loading a page, so tests share one per worker, which each
    test gets back at the default size and leaves at about:blank (no page,
    no script, no state of its own carried to the next test); a test that
    listens to the tab or changes what it loads gets one of its own."""
    if _changes_the_tab(request.function):
        context = browser.new_context()
        yield context.new_page()
        context.close()
        return
    if not _shared_tabs or _shared_tabs[0].is_closed():
        _shared_tabs[:] = [browser.new_context().new_page()]
    tab = _shared_tabs[0]
    tab.set_viewport_size(DEFAULT_VIEWPORT)
    yield tab
    if not tab.is_closed():
        tab.goto("about:blank")


@pytest.fixture(scope="session")
def _found_at() -> dict[int, dict[str, dict[str, object]]]:
    """What the checks found on every page, by width, in this worker."""
    return {}


@pytest.fixture(scope="session")
def _visit_tab(browser) -> Iterator:
    """The tab in which this worker visits every page (page_checks.py): one
    of its own, as the visit listens to it."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def every_page_at(site: Path, server: str, _visit_tab, _found_at: dict):
    """`every_page_at(width)`: what each check of that width
    (page_checks.CHECKS_AT) found on every page of the site, visiting each
    page once at that width for all the tests that ask (page_checks.py)."""

    def found(width: int) -> dict[str, dict[str, object]]:
        if width not in _found_at:
            _found_at.update(visit_every_page(_visit_tab, server, site, all_html_files(site), visit_of(width)))
        return _found_at[width]

    return found


@pytest.fixture
def page_without_javascript(browser):
    """A tab as a reader with JavaScript turned off sees the site."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


# ---- Markers, from what each test uses -------------------------------------

BROWSER_FIXTURES = {"browser", "page", "page_without_javascript"}
BUILD_FIXTURES = {"site", "server"}
# A build, or a command in its own process that builds: `run_command` or
# `run_process` with anything but "check" or "new" (which only writes
# files), a preview.
_STARTS_A_BUILD = re.compile(
    r"\brun_build\(|\bbuild\.build\(|\bbuild_into\(|\bPopen\("
    r"|\brun_(?:command|process)\(\s*[\w.]+\s*,(?!\s*[\"'](?:check|new)[\"'])"
)
# A test that puts a stand-in for build_into, or for the _run that starts its
# process, builds nothing: the staging and the swap around it take milliseconds.
_REPLACES_THE_BUILD = re.compile(r"\bsetattr\(build, \"(?:build_into|_run)\"")


def _source(function: object) -> str:
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test `browser` if it uses a browser tab, and `build` if it
    or a fixture it uses builds a site (the `site` fixture, or a command run
    in its own process that builds), so that `-m "not browser and not build"`
    selects the fast tier whatever file a test is in. Tests sharing a
    fixture built once per file are kept together on one worker, as are the
    tests that search; tests marked `slow` are put first."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        if any(d.scope in ("module", "class", "package") for defs in definitions.values() for d in defs):
            # One worker runs them all (--dist loadgroup), so that it builds the fixture once.
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
        elif "search" in names:
            # So do the tests that search: each search page is opened once,
            # and their pauses, as the box waits for the reader to stop
            # typing, leave the cores to the other workers.
            item.add_marker(pytest.mark.xdist_group("the search pages"))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & BUILD_FIXTURES or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.build)
            continue
        functions = [getattr(item, "function", None)] + [d.func for defs in definitions.values() for d in defs]
        sources = [_source(f) for f in functions if f is not None]
        if any(_STARTS_A_BUILD.search(source) for source in sources) and not any(_REPLACES_THE_BUILD.search(source) for source in sources):
            item.add_marker(pytest.mark.build)
    # The slowest tests start first (pytest-xdist hands tests out in this
    # order, after the files kept on one worker), so that no worker is left
    # running one of them alone at the end while the others wait.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def _search_tab(browser) -> Iterator:
    """`_search_tab(path)`: the tab in which this worker searches on the
    search page at `path` (`search`), one for each language's, kept open
    between searches as a reader's is."""
    context = browser.new_context()
    tabs: dict[str, object] = {}

    def tab(path: str):
        if path not in tabs or tabs[path].is_closed():
            tabs[path] = context.new_page()
        return tabs[path]

    yield tab
    context.close()


SEARCH_BOX = ".pagefind-ui__search-input"


@pytest.fixture
def search(server: str, _search_tab):
    """`search(path, query)`: the search page at `path` ("search/",
    "en/search/", …) with `query` typed into its box, as a reader searching
    again types it, and every result shown; the tab is returned to be read.

    Opening the search page starts Pagefind's worker and its index: with
    the first query, three quarters of a core-second; a query typed into
    the page already open costs under a third of that. So the worker that
    runs these tests keeps each language's search page open for every test
    that only searches and reads the results, and opens it again only when
    a test followed a link away.
    What the test reads is this query's alone: the box is emptied first,
    which takes the results line away at once, and the line of shorter
    queries forgets which query it was complete for, so that the wait
    (`wait_for_search_of`) ends only when the page has tried this query's.
    test_search.py checks that a query in the address finds the same as one
    typed."""

    def typed(path: str, query: str):
        tab = _search_tab(path)
        if tab.url.split("?")[0] != server + path:  # the address names the last query (?q=)
            tab.goto(server + path)
            tab.wait_for_selector(SEARCH_BOX)
        tab.fill(SEARCH_BOX, "")
        tab.wait_for_function("() => !document.querySelector('.pagefind-ui__message')")
        tab.eval_on_selector(".search-shorter", "line => line.removeAttribute('data-query')")
        tab.fill(SEARCH_BOX, query)
        wait_for_search_of(tab, query)
        return tab

    return typed


def wait_for_search_of(page, query: str) -> None:
    """Wait until the search page has run `query`: it has tried the query's
    shorter ones (search.js marks their line with the query it is complete
    for, which the last query's results cannot pass for), its results line
    no longer says it is searching, and every result has loaded its page's
    title and link (Pagefind fills them in one by one)."""
    page.wait_for_function("q => document.querySelector('.search-shorter')?.dataset.query === q", arg=query)
    page.wait_for_function(
        "() => !/…|\\.\\.\\./.test(document.querySelector('.pagefind-ui__message')?.textContent || '…')"
        " && [...document.querySelectorAll('.pagefind-ui__result')].every(r => r.querySelector('.pagefind-ui__result-link') && !r.querySelector('.pagefind-ui__loading'))"
    )
