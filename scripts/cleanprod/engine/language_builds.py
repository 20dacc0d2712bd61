"""MkDocs' build of every language at once, one process per language.

mkdocs-static-i18n builds the default language and then, from its
`on_post_build`, each other language in turn, in one process. On a machine
with more than one core that leaves cores idle, so here:

1. the configuration is loaded, and every page and data file checked, once;
2. one process per language is forked (each starts with the checked content),
   sets the i18n plugin to its language and runs MkDocs' build for it alone,
   into the same, new and empty, folder; then indexes its pages for search
   (search_index.py);
3. what each language's build found wrong as it rendered comes back here,
   and is listed once, for all languages (`finished`).

Each language writes its pages under its own folder. What every language
would write at the site's root (theme assets, data files) is the same bytes
from each; the site's plugin gives each language its own 404 page and lets the default
language alone write sitemap.xml, for all languages.

The preview (preview.py) keeps the processes: each holds its language's
built pages and renders again the pages it is sent, with the views the
preview's check found in them.

Run:  python -m cleanprod.engine.language_builds SITE_DIR   (cleanprod.engine.build does).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback
from dataclasses import dataclass
from multiprocessing import Lock, Pipe
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Lock as LockType
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from cleanprod import languages
from cleanprod.engine import adapter
from cleanprod.publish import search_index
from cleanprod.engine.site_build import ProblemsFound
from cleanprod.render.directives import Placed
from cleanprod.paths import CONFIG
from cleanprod.problems import ContentError, Problem
from cleanprod.checks.validate import Content

log = logging.getLogger("mkdocs")


def load(site_dir: Path, site_url: str | None = None) -> MkDocsConfig:
    """mkdocs.yml, building into `site_dir` (and, for the preview, at `site_url`)."""
    return adapter.load(CONFIG, site_dir, site_url)


def check(config: MkDocsConfig) -> Content | None:
    """Check every page and data file; log every problem and return None if any."""
    try:
        return adapter.site_plugin(config).start(config)
    except MkDocsException as error:
        log.error(str(error))
        return None


@dataclass
class Worker:
    """A process that built one language, and, for the preview, renders its pages again."""

    pid: int
    connection: Connection

    def outcome(self) -> list[Problem] | None:
        """Wait for the language's build: the problems it found as it
        rendered (none if it succeeded), or None if it stopped otherwise,
        having said why."""
        try:
            return self.connection.recv()
        except EOFError:  # the process ended without a word: a fault, printed by it
            return None

    def render(self, placed: dict[Path, list[Placed]]) -> None:
        """Render again the pages made from the files `placed` names, with
        the views the check found in each."""
        self.connection.send(placed)
        self.connection.recv()

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # it may have ended already
            self.connection.send(None)
        os.waitpid(self.pid, 0)


def start(config: MkDocsConfig, keep: bool = False) -> list[Worker]:
    """Fork one process per language, each building its language into the
    configured folder; with `keep`, each then waits to render pages again."""
    indexing = Lock()  # one language's Pagefind at a time (see _child)
    sys.stdout.flush()
    sys.stderr.flush()
    workers = []
    for lang in languages.ALL:
        parent_end, child_end = Pipe()
        pid = os.fork()
        if pid == 0:
            parent_end.close()
            _child(config, lang, child_end, keep, indexing)
        child_end.close()
        workers.append(Worker(pid, parent_end))
    return workers


def finished(workers: list[Worker]) -> bool:
    """Wait for every language's build, and list the problems they found, each
    once (a label missing is missing in every language): True if all built."""
    outcomes = [worker.outcome() for worker in workers]
    problems = [problem for found in outcomes for problem in found or []]
    if problems:
        log.error(str(ContentError(problems)))
    return all(found == [] for found in outcomes)


def _child(config: MkDocsConfig, lang: str, connection: Connection, keep: bool, indexing: LockType) -> None:
    """The forked process: it never returns into the parent's code.

    Pagefind uses every core and, at thousands of pages, a few hundred
    megabytes while it indexes a language; the languages take turns
    (`indexing`), which keeps the build's memory well under 1 GB.
    """
    outcome: list[Problem] | None = None  # as Worker.outcome reads it: [] once the language has built
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops the children
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler
    try:
        try:
            adapter.build_language(config, lang)  # into the new folder, which it does not empty of the others' pages
            if not keep:  # the preview has no search index
                plugin = adapter.site_plugin(config)
                search_index.write(Path(config.site_dir), lang, plugin.search_records(), plugin.search_words(), indexing)
            outcome = []
        except ProblemsFound as error:  # listed by the parent, with the other languages' (`finished`)
            outcome = error.problems
        except MkDocsException as error:
            log.error(str(error))
        connection.send(outcome)
        while keep and outcome == [] and (placed := connection.recv()) is not None:
            try:
                plugin = adapter.site_plugin(config)
                plugin.checked_again(placed)
                adapter.render_again(config, *plugin.built(), {str(path) for path in placed})
            except MkDocsException as error:  # a page with a problem (ProblemsFound): the reader keeps the last good version
                log.error(str(error))
            connection.send(True)
    except RecursionError:  # text nested deeper than the check foresaw: MkDocs has named the page
        log.error("The page named above is nested too deeply for the site to build it. Fix: write its lists and quotations with fewer levels, one inside another.")
        outcome = None
    except BaseException:  # a fault in the code, or the parent gone: say so, and end
        traceback.print_exc()
        outcome = None
    finally:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0 if outcome == [] else 1)


def build(site_dir: Path) -> int:
    """Build every language into the empty folder `site_dir`; 0 if all succeeded."""
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    config = load(site_dir)
    if check(config) is None:
        return 1
    workers = start(config)
    built = finished(workers)
    for worker in workers:
        os.waitpid(worker.pid, 0)
    return 0 if built else 1


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1])))
