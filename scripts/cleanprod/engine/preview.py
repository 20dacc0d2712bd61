"""`make serve`: the site in a browser, showing an edited page again within a
second or two, however many pages the site has.

The whole site is built once, as `make site` builds it (one process per
language, see language_builds.py), and the processes are kept. When the text
of a page changes, each language's process renders again only the pages made
from that file (the page, and its Simplified Chinese or English fallback),
after the checks the build makes on a page's text. Any other change (a data
file, a record's front matter, which listings show, a page added or deleted,
a template, mkdocs.yml) builds everything again. Problems are printed, and
the browser keeps the last good version. The search index is made only by
`make site`.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
from pathlib import Path

from cleanprod.content import pages
from cleanprod.engine import adapter, language_builds
from cleanprod.render import views
from cleanprod.engine.language_builds import Worker
from cleanprod.paths import CONFIG, DOCS, ROOT
from cleanprod.render.directives import Placed
from cleanprod.problems import Problem, describe
from cleanprod.checks.validate import Content, recheck

WATCHED = (DOCS, ROOT / "overrides", CONFIG)
RECORD_FOLDERS = tuple(f"{folder}/" for folder in views.RECORD_FOLDERS)
log = logging.getLogger("mkdocs")


def _snapshot() -> dict[Path, int]:
    """Every watched file and when it last changed."""
    found = {}
    for place in WATCHED:
        for path in [place] if place.is_file() else place.rglob("*"):
            if path.is_file():
                found[path] = path.stat().st_mtime_ns
    return found


class Preview:
    """The built site, served from `folder/site` (a link to the latest good build)."""

    def __init__(self, folder: Path, url: str) -> None:
        self.folder = folder
        self.root = folder / "site"
        self.url = url
        self.builds = 0
        self.workers: list[Worker] = []
        self.content: Content | None = None
        self.seen: dict[Path, int] = {}
        self.front_matter: dict[Path, str] = {}

    def build_all(self) -> bool:
        """Build everything into a new folder; switch to it if the build succeeded."""
        self.seen = _snapshot()
        self.builds += 1
        target = self.folder / f"build-{self.builds}"
        config = language_builds.load(target, site_url=self.url)
        content = language_builds.check(config)
        if content is None:
            return False
        workers = language_builds.start(config, keep=True)
        if not language_builds.finished(workers):
            for worker in workers:
                worker.stop()
            shutil.rmtree(target, ignore_errors=True)
            return False
        for worker in self.workers:
            worker.stop()
        previous = self.root.resolve() if self.root.is_symlink() else None
        link = self.folder / "site-next"
        link.symlink_to(target.name)
        os.replace(link, self.root)
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        self.workers, self.content = workers, content
        self.front_matter = {page.path: page.front_matter for page in content.pages}
        return True

    def update(self) -> None:
        """Called when a watched file changes: render again what it touches."""
        now = _snapshot()
        changed = sorted(path for path, stamp in now.items() if self.seen.get(path) != stamp)
        removed = set(self.seen) - set(now)
        self.seen = now
        if not changed and not removed:
            return
        if removed or self.content is None:
            return self._rebuild()
        edited = [self._text_edit(path) for path in changed]
        if None in edited:
            return self._rebuild()
        problems = [problem for _, _, found in edited for problem in found]
        if problems:
            log.error(f"Not shown until corrected: {describe(problems)}")
            return
        placed = {path: found for path, found, _ in edited}
        try:
            for worker in self.workers:
                worker.render(placed)
        except (EOFError, OSError):  # a process ended, its fault printed: start afresh
            return self._rebuild()
        log.info(f"Rendered again: {', '.join(p.relative_to(ROOT).as_posix() for p in changed)}")

    def _rebuild(self) -> None:
        log.info("Building the whole site again…")
        if not self.build_all():
            self.content = None  # until a build succeeds, every change builds everything

    def _text_edit(self, path: Path) -> tuple[Path, list[Placed], list[Problem]] | None:
        """(path, the views its directives place, problems) if the change is
        to a page's text only; None if the change needs the whole site built
        again."""
        if path.suffix != ".md" or path not in self.front_matter:
            return None
        page, placed, problems = recheck(path, self.content)
        if page is None:
            return path, placed, problems
        is_record = pages.page_key(path, DOCS).startswith(RECORD_FOLDERS) and path.stem.split(".")[0] != "index"
        if is_record and page.front_matter != self.front_matter[path]:
            return None
        return path, placed, problems


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(host: str = "127.0.0.1", port: int = 8000) -> int:
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    # Ctrl-C, or a `kill`, stops the preview and its processes, also when it
    # was started in the background (where the shell ignores Ctrl-C for it).
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    url = f"http://{host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="cleanprod-preview-") as folder:
        preview = Preview(Path(folder), url)
        if not preview.build_all():
            return 1

        def not_found(code: int) -> bytes | None:
            page = preview.root / f"{code}.html"
            return page.read_bytes() if code == 404 and page.exists() else None

        try:
            with adapter.live_server(preview.root, preview.update, WATCHED, host, port, not_found) as serve_until_stopped:
                try:
                    serve_until_stopped()
                except KeyboardInterrupt:
                    log.info("Stopping the preview.")
        finally:
            for worker in preview.workers:
                worker.stop()
    return 0
