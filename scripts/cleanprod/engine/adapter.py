"""Everything the site relies on inside its engine: MkDocs (or ProperDocs, its
fork), Material for MkDocs and mkdocs-static-i18n, in one place.

Material reaches its end of life on 5 May 2027 and MkDocs 1.x has no
maintainer; when an engine package changes or is replaced, this module is the
one to read and adapt. Each internal below is named with the version it was
written for (requirements.txt pins them):

mkdocs 1.6.1 (and properdocs 1.6.7, which has the same internals):
- `mkdocs.commands.build.build`, the build of one language, and the private
  `_populate_page` and `_build_page`, which the preview calls to render one
  page again as the build does (`build_language`, `render_again`);
- `mkdocs.utils.clean_directory`, which the build calls to empty the site's
  folder; replaced while a language builds, so that it leaves the other
  languages' pages alone (`build_language`);
- `mkdocs.config.load_config` and the plugins' `on_startup` run by hand (`load`);
- the Markdown extensions' settings, `config.mdx_configs` (a private setting),
  where the ¶ link's title is set for the language being built
  (`name_permalinks`);
- a theme template whose output is empty is not written (`SKIP_TEMPLATE`);
- `Page.title` is a property that an assignment replaces for good, through
  the instance's `__dict__` (`forget_title`);
- `mkdocs.utils.get_relative_url`, for links from page to page (`relative_url`);
- the warning about a link to a missing heading, its logger (the module
  `mkdocs.structure.pages`, whose name ProperDocs changes) and its words
  (`anchor_warning`, `ANCHOR_WARNING_LOGGER`);
- `mkdocs.livereload.LiveReloadServer`, its `error_handler` and `watch`
  (`live_server`);
- a plugin is found in `config.plugins` under the name mkdocs.yml gives it
  (`site_plugin`).

mkdocs-static-i18n 1.3.1:
- the plugin's `current_language` and `building`: which language is being
  built, and whether its `on_post_build` goes on to build the others
  (`language`, `is_first_language`, `build_language`);
- its `config.languages`, each with `locale` and `site_name` (`site_names`);
- each documentation file's `locale` (the language it is written in) and
  `alternates` (the same page in each language) (`written_in`, `alternates`).

mkdocs-material 9.8.2:
- the hidden checkboxes its base template writes, `__drawer` and `__search`,
  and the table of contents' label `for="__toc"` (`fix_material_markup`);
- the drawer's CSS (`[data-md-toggle=drawer]:checked ~ …`), which the site's
  own checkbox in the header cannot use: overrides/assets/site.css opens the
  drawer with `:has()` instead, or with the class assets/menu.js sets;
- its JavaScript, under `assets/javascripts/` (`MATERIAL_SCRIPTS`);
- copies of its templates in overrides/, which must be compared with each new
  version: `partials/header.html` and `partials/nav.html` (from 9.8.2, with
  the changes their first lines state), `partials/languages/zh-Hans.html`
  (its `zh.html` of 9.8.2 under another code) and `partials/languages/zh-Hant.html`
  (its `zh-Hant.html` of 9.8.2 in Hong Kong usage).

Where the line is drawn: the rest of the package may use MkDocs' documented
plugin interface, as MkDocs 1.6's developer guide describes it and ProperDocs
keeps it: `mkdocs.plugins` (BasePlugin, event_priority and the events'
signatures), `mkdocs.config` (config_options, base.Config, defaults.MkDocsConfig),
`mkdocs.structure` (File, Files, Page, Navigation, Section and their public
attributes), `mkdocs.exceptions`, and Material's documented template blocks
(overrides/main.html). Anything else of the engines belongs here.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

I18N = "i18n"  # mkdocs-static-i18n's name in mkdocs.yml
SITE_PLUGIN = "cleanprod"  # the site's own plugin (cleanprod/engine/plugin.py), as mkdocs.yml names it


# MkDocs: loading, building, rendering again


def load(config_file: Path, site_dir: Path, site_url: str | None = None) -> MkDocsConfig:
    """`config_file`, building into `site_dir` (and, for the preview, at
    `site_url`), with its plugins started as `mkdocs build` starts them."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    if site_url:
        config.site_url = site_url
    config.plugins.on_startup(command="build", dirty=False)
    return config


def site_plugin(config: MkDocsConfig) -> BasePlugin:
    """The site's plugin, as loaded for this configuration."""
    return config.plugins[SITE_PLUGIN]


def build_language(config: MkDocsConfig, lang: str) -> None:
    """MkDocs' build of `lang` alone, into a folder the other languages'
    builds (other processes) write into too: the folder is not emptied, and
    mkdocs-static-i18n does not go on to build the other languages."""
    i18n = config.plugins[I18N]
    i18n.current_language = lang
    i18n.building = True
    clean_directory = utils.clean_directory
    utils.clean_directory = lambda folder: None
    try:
        mkdocs_build.build(config)
    finally:
        utils.clean_directory = clean_directory


def render_again(config: MkDocsConfig, files: Files, nav: Navigation, env: Environment, paths: set[str]) -> None:
    """Read, render and write again the pages made from `paths` (source files,
    absolute), as MkDocs' build does each page."""
    pages = files.documentation_pages()
    for file in pages:
        if file.abs_src_path in paths and file.page is not None:
            mkdocs_build._populate_page(file.page, config, files)
            mkdocs_build._build_page(file.page, config, pages, nav, env)


def name_permalinks(config: MkDocsConfig, title: str) -> None:
    """Give the ¶ link beside each heading `title` as its tooltip: the toc
    extension's `permalink_title`, which mkdocs.yml can set only once for
    every language (its own is English)."""
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = title


# What a theme template's event returns for MkDocs to write no file for it.
SKIP_TEMPLATE = ""


def forget_title(page: Page) -> None:
    """Drop a title set on `page` by an earlier render (the preview's), so
    that MkDocs works it out again from the page's front matter or heading."""
    page.__dict__.pop("title", None)


def relative_url(target: str, here: str) -> str:
    """The link from page URL `here` to URL `target`, as MkDocs writes it."""
    return utils.get_relative_url(target, here)


# MkDocs: the warning about a link to a heading that a page lacks

ANCHOR_WARNING_LOGGER = mkdocs_pages.log.name  # "mkdocs.structure.pages", or ProperDocs' own
_ANCHOR_WARNING = re.compile(
    r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', "
    r"but the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']*)'"
)


@dataclass(frozen=True)
class AnchorWarning:
    """A link in `file` to `doc#anchor`, written `link`, that leads to no heading."""

    file: str
    link: str
    doc: str
    anchor: str


def anchor_warning(message: str) -> AnchorWarning | None:
    """The warning's parts, if `message` is MkDocs' warning about a link to a missing heading."""
    found = _ANCHOR_WARNING.match(message)
    return AnchorWarning(found["file"], found["link"], found["doc"], found["anchor"]) if found else None


# MkDocs: the preview's server


@contextlib.contextmanager
def live_server(root: Path, rebuild: Callable[[], None], watched: Iterable[Path], host: str, port: int, error_page: Callable[[int], bytes | None]) -> Iterator[Callable[[], None]]:
    """A server of the folder `root` that calls `rebuild` when a `watched`
    file changes and reloads the browser; `error_page` gives the body of an
    error response (or None for the server's own). Yields the function that
    serves until interrupted; the server is shut down on leaving."""
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(root), polling_interval=0.25)
    server.error_handler = error_page
    for place in watched:
        server.watch(str(place))
    try:
        yield server.serve
    finally:
        server.shutdown()


# mkdocs-static-i18n


def language(config: MkDocsConfig) -> str:
    """The language being built."""
    return config.plugins[I18N].current_language


def is_first_language(config: MkDocsConfig) -> bool:
    """Whether this is the first language of a build (a new build starts),
    not one mkdocs-static-i18n builds after it in the same process."""
    return not config.plugins[I18N].building


def site_names(config: MkDocsConfig) -> dict[str, str]:
    """The site's name of each language that mkdocs.yml gives one."""
    return {lang.locale: lang.site_name for lang in config.plugins[I18N].config.languages if lang.site_name}


def written_in(file: File) -> str | None:
    """The language a documentation file is written in (None for other files)."""
    return getattr(file, "locale", None)


def alternates(file: File) -> dict[str, File]:
    """The same page in each language, by language."""
    return getattr(file, "alternates", {})


# Material for MkDocs

# Material's JavaScript (its bundle, search and workers, with their source
# maps): no page loads it (overrides/main.html), so it is not published.
MATERIAL_SCRIPTS = "assets/javascripts/"
_DRAWER = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
_SEARCH = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'


def fix_material_markup(html: str) -> str:
    """The page with the markup Material's base template writes outside any block made valid.

    Material puts two hidden checkboxes at the top of every page with
    `autocomplete="off"`, which HTML allows only on text-like inputs (the Nu
    HTML Checker reports it). The search checkbox drives Material's search
    dialog, which this site does not use, so it goes. The drawer checkbox,
    hidden there, could not be reached by the keyboard: the site's header
    (overrides/partials/header.html) puts its own, with the same id, inside
    the menu button, so Material's goes too. On a page that is not in the
    navigation (an event, a case study), the table of contents' title still
    points at the navigation's toggle, which is not there: a label must name
    a control on the page, so the reference goes.
    """
    html = html.replace(_SEARCH, "").replace(_DRAWER, "")
    if 'id="__toc"' not in html:
        html = html.replace(' for="__toc"', "")
    return html
