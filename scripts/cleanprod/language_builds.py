"""MkDocs' build of every language at once, one process per language.

mkdocs-static-i18n builds the default language and then, from its
`on_post_build`, each other language in turn, in one process. On a machine
with more than one core that leaves cores idle, so here:

1. the configuration is loaded, and every page and data file checked, once;
2. one process per language is forked (each starts with the checked content),
   sets the i18n plugin to its language and runs MkDocs' build for it alone,
   into the same, new and empty, folder.

Each language writes its pages under its own folder. What every language
would write at the site's root (theme assets, data files) is the same bytes
from each; the hooks give each language its own 404 page and let the default
language alone write sitemap.xml, for all languages.

Run:  python -m cleanprod.language_builds SITE_DIR   (cleanprod.build does).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from cleanprod import languages
from cleanprod.paths import ROOT

HOOKS = "scripts/hooks.py"  # as mkdocs.yml names the hooks module


def _build_language(config, lang: str) -> int:
    """The child process: build `lang` alone; its exit code."""
    i18n = config.plugins["i18n"]
    i18n.current_language = lang
    i18n.building = True  # so that it does not go on to build the other languages
    try:
        mkdocs_build(config)
        return 0
    except MkDocsException as error:
        logging.getLogger("mkdocs").error(str(error))
        return 1


def build(site_dir: Path) -> int:
    """Build every language into the empty folder `site_dir`; 0 if all succeeded."""
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config.plugins[HOOKS].start(config)
    except MkDocsException as error:
        logging.getLogger("mkdocs").error(str(error))
        return 1
    # The folder is new; each language must not empty it of the others' pages.
    utils.clean_directory = lambda folder: None
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    for lang in languages.ALL:
        pid = os.fork()
        if pid == 0:
            code = _build_language(config, lang)
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        children.append(pid)
    failed = [pid for pid in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1])))
