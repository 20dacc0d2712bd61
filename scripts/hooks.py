"""MkDocs glue: the only module that knows MkDocs' event names.

Each event hands work to the `cleanprod` package. mkdocs-static-i18n builds
the default language first and then, from its `on_post_build`, each other
language in turn, calling every event again with the same config object;
`BuildState` remembers what holds across those builds. `cleanprod build`
instead checks the content once (`start`) and builds each language in its own
process (cleanprod/language_builds.py); the events below serve both ways.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from cleanprod import anchor_warnings, cases, chinese, datasets, directives, events, extra_files, funding, html_policy, images, languages, news, pages, revision, search_index, search_words, sitemap, theme_fixes, translations
from cleanprod.labels import Labels
from cleanprod.paths import DATA_FILES, DOCS, FEED_FILE, ROOT
from cleanprod.problems import ContentError
from cleanprod.render.data import PageData
from cleanprod.validate import Content, validate

DATA_FOLDER = f"{DATA_FILES.relative_to(DOCS).as_posix()}/"  # data/, in docs/ and in the built site


@dataclass
class BuildState:
    """What one `mkdocs build` (all languages) keeps between its language builds."""

    labels: Labels
    placed: dict[Path, list[directives.Placed]]  # page's source file → the views its directives place, in order
    search_words: search_words.Words
    datasets: dict[str, datasets.Dataset]
    rules: funding.Rules
    events: events.Events
    news: dict[str, list[news.NewsItem]]
    cases: cases.Cases
    changed: dict[str, datetime]  # docs/ path → its last commit
    lang: str = languages.DEFAULT.code
    # Worked out once per language build, not once per page:
    file_facts: dict[str, tuple[date, str]] = field(default_factory=dict)  # data file → last change, as a date and as text
    records: dict[str, object] = field(default_factory=dict)  # page key → its event, case or news item
    page_scripts: dict[str, list[str]] = field(default_factory=dict)  # page → scripts its views need
    blocks: dict[str, list[str]] = field(default_factory=dict)  # page → HTML kept out of Markdown's way
    files: Files | None = None  # this language's files, each with its alternates in the other languages
    nav: Navigation | None = None
    env: Environment | None = None
    in_nav: set[str] = field(default_factory=set)  # the pages the navigation lists
    kept: dict[tuple[str, str], str] = field(default_factory=dict)  # template fragments kept (see _kept)
    search_records: dict[str, search_index.Record] = field(default_factory=dict)  # Chinese page's URL from its language's home → its record, for search_index.write


_state: BuildState | None = None


def _validate(config: MkDocsConfig) -> tuple[Content, BuildState]:
    """Check all content before anything is written; stop with every problem listed."""
    content, problems = validate(Path(config.docs_dir))
    if problems:
        raise PluginError(str(ContentError(problems)))
    return content, BuildState(
        labels=content.labels,
        placed=content.placed,
        search_words=content.search_words,
        datasets=content.datasets,
        rules=content.rules,
        events=content.events,
        news=content.news,
        cases=content.cases,
        changed=revision.last_commit_times(ROOT),
    )


def start(config: MkDocsConfig) -> Content:
    """Check all content before any language is built (cleanprod/language_builds.py)."""
    global _state
    content, _state = _validate(config)
    return content


def search_records() -> list[search_index.Record]:
    """This language's search records (search_index.py), once its pages are
    built: none for English, which Pagefind indexes from its HTML."""
    return list(_state.search_records.values())


def search_words_checked() -> search_words.Words:
    """The search words the check read (search_words.py), for the search index."""
    return _state.search_words


def checked_again(placed: dict[Path, list[directives.Placed]]) -> None:
    """The views that edited pages place, as the preview checked them again,
    for the pages' next render."""
    _state.placed.update(placed)


def built() -> tuple[Files, Navigation, Environment]:
    """This language's files, navigation and templates as its build left them,
    for the preview to render an edited page again."""
    return _state.files, _state.nav, _state.env


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    i18n = config.plugins["i18n"]
    if not i18n.building:  # the first language: a new build starts
        _state = _validate(config)[1]
    _state.lang = i18n.current_language
    _state.file_facts = _file_facts(config)
    _state.records = {
        f"{folder}/{record.slug}.md": record
        for folder, records in (
            (events.FOLDER, _state.events.by_lang[_state.lang]),
            (cases.FOLDER, _state.cases.by_lang[_state.lang]),
            (news.FOLDER, _state.news[_state.lang]),
        )
        for record in records
    }
    if languages.get(_state.lang).converter:
        convert = chinese.converter_for(_state.lang)
        config.site_name = convert(config.site_name)
        config.site_description = convert(config.site_description or "")
    anchor_warnings.install(Path(config.docs_dir), _heading_ids)
    return config


def _heading_ids(src_uri: str) -> list[str]:
    """The ids of a page's section headings, in order, for the fix of a link to one it lacks."""
    file = _state.files.get_file_from_path(src_uri) if _state.files else None
    found: list[str] = []

    def walk(items) -> None:
        for item in items:
            if item.level > 1:  # not the page's title: a link to the page says as much
                found.append(item.id)
            walk(item.children)

    walk(file.page.toc if file and file.page else [])
    return found


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made each language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.startswith(theme_fixes.UNUSED_FOLDER)]:
        files.remove(file)
    for file in files:
        folder, _, name = file.src_uri.rpartition("/")
        if folder + "/" == DATA_FOLDER and (dataset := _state.datasets.get(name)) is not None:
            file.content_bytes = dataset.published  # as its schema reads it, whatever form the spreadsheet saved
    if languages.get(_state.lang).is_default:  # the one build that writes what every language shares
        package = datasets.package(_state.datasets, _site_names(config))
        files.append(File.generated(config, DATA_FOLDER + datasets.PACKAGE_FILE, content=package))
    return files


def _site_names(config: MkDocsConfig) -> dict[str, str]:
    """The site's name in each written language, as mkdocs.yml gives them."""
    names = {lang.locale: lang.site_name for lang in config.plugins["i18n"].config.languages if lang.site_name}
    return {lang: names.get(lang, config.site_name) for lang in languages.REQUIRED}


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _state.nav = nav
    _state.in_nav = {page.file.src_uri for page in nav.pages}
    _state.kept = {}
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every value a template prints (titles, descriptions, labels) is escaped
    # for HTML; MkDocs' environment does not do so itself. The one value that
    # is HTML, a page's article, is marked so in on_page_context.
    env.autoescape = True
    if env.cache is not None:  # templates compiled before this were compiled without escaping
        env.cache.clear()
    _state.files, _state.env = files, env
    env.globals["kept"] = _kept
    env.globals["content_security_policy"] = html_policy.CONTENT_SECURITY_POLICY
    env.globals["labels"] = _state.labels[_state.lang]
    env.globals["search_ui_labels"] = search_index.ui_labels(_state.labels[_state.lang])
    env.globals["lang_home"] = languages.get(_state.lang).url_prefix
    env.globals["share_locale"] = languages.get(_state.lang).og_locale
    env.globals["site_root"] = urlsplit(config.site_url or "/").path
    # The site's root 404 page, which a host serves at any missing address,
    # in any language: a line in each other language too, with its home.
    others = [lang for lang in languages.ALL if lang != _state.lang] if languages.get(_state.lang).is_default else []
    env.globals["notfound_elsewhere"] = [(lang, languages.get(lang).url_prefix, _state.labels[lang]) for lang in others]
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = languages.get(_state.lang).source
    if source is not None and page.file.locale == source:  # a page converted from its source language
        for key in ("title", "description", "summary"):  # a news item's summary is its search excerpt
            if isinstance(page.meta.get(key), str):
                page.meta[key] = chinese.to_simplified(page.meta[key])
        markdown = chinese.markdown_to_simplified(markdown)
    if not _reads_in_language(page):
        page.meta["search"] = False  # this language's search finds its own pages, not another language's
    data = _page_data(page, config)
    markdown, blocks = directives.replace(markdown, _state.placed.get(Path(page.file.abs_src_path), []), data.render)
    header = data.record_header(_record(page))
    if header:
        markdown = pages.insert_after_title(markdown, directives.keep(header, blocks))
    _state.blocks[page.file.src_uri] = blocks
    _state.page_scripts[page.file.src_uri] = sorted(data.scripts)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html, breaches = html_policy.enforce(html, Path(page.file.abs_src_path))
    if breaches:
        raise PluginError(str(ContentError(breaches)))
    blocks = [search_index.words_apart(block) for block in _state.blocks.pop(page.file.src_uri, [])]
    html = directives.restore(html, blocks)
    if page.present_anchor_ids is not None:  # for MkDocs' check of links to headings (validation: anchors)
        page.present_anchor_ids |= directives.ids(blocks)
    html = images.sized(html, page.url, lambda uri: _source_file(files, uri))
    _plain_titles(page)
    return _untranslated(search_index.title_kept(html, _record(page)), page)


def _untranslated(html: str, page: Page) -> str:
    """A page this language lacks, shown in the language it is written in (the
    English site shows the zh-Hant page): a line in the reader's language says
    so first, and the content is marked with its own language, for screen
    readers. The language's search leaves the page out (on_page_markdown)."""
    if _reads_in_language(page):
        return html
    note = escape(_state.labels[_state.lang]["untranslated"])
    return f'<p class="untranslated" role="note">{note}</p><div lang="{escape(page.file.locale)}">{html}</div>'


def _reads_in_language(page: Page) -> bool:
    """Whether a page reads in the language being built, rather than being
    another language's page shown in place of a missing translation."""
    written = getattr(page.file, "locale", None)
    return written is None or translations.reads_in(written, _state.lang)


def _plain_titles(page: Page) -> None:
    """The page's title and its headings' titles as plain text, which the
    templates escape: MkDocs gives a title from front matter as written, but
    one from a heading, and the table of contents' titles, as HTML."""
    page.__dict__.pop("title", None)  # a title set by an earlier render of the page (the preview)
    if "title" not in page.meta and page.title is not None:
        page.title = html.unescape(page.title)

    def walk(items) -> None:
        for item in items:
            item.title = html.unescape(item.title)
            walk(item.children)

    walk(page.toc)


def _source_file(files: Files, uri: str) -> Path | None:
    """The file in docs/ that the site publishes at `uri`, if any."""
    file = files.get_file_from_path(uri)
    return Path(file.abs_src_path) if file is not None and file.abs_src_path else None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    day = _revised(page.file.src_uri, config)
    context["revised"] = {"iso": day.isoformat(), "text": languages.get(_state.lang).date(day)}
    context["hreflang"] = _hreflang(page.file, config)
    context["page_scripts"] = _state.page_scripts.get(page.file.src_uri, [])
    context["search_weight"] = search_index.weight(_record(page))
    context["feed_url"] = urljoin(config.site_url or "/", languages.get(_state.lang).url_prefix + FEED_FILE)
    if sitemap.PLACEHOLDER in (page.content or ""):
        page.content = page.content.replace(
            sitemap.PLACEHOLDER, sitemap.render(_site_map_entries(nav.items, page))
        )
    page.content = Markup(page.content)  # the one HTML value the templates print as it is (on_env)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page.content = str(page.content)  # a plain str again for the code below, whose str methods Markup would change
    if languages.get(_state.lang).is_chinese and page.meta.get("search") is not False:
        # By URL: a page the preview renders again replaces its record.
        url = page.url.removeprefix(languages.get(_state.lang).url_prefix)
        _state.search_records[url] = search_index.record(url, page.title, page.meta.get("description") or page.meta.get("summary"), page.content, search_index.weight(_record(page)))
    return theme_fixes.fix_page(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html and sitemap.xml, which every language's build writes at the site's root.

    Each language's 404 page goes in its own folder; the default language's
    build writes sitemap.xml for all languages; the other builds write
    neither at the root (MkDocs skips a template that renders empty).
    """
    if template_name == "sitemap.xml":
        return _sitemap_xml(config) if languages.get(_state.lang).is_default else ""
    output = theme_fixes.fix_page(output)
    if template_name == "404.html" and not languages.get(_state.lang).is_default:
        utils.write_file(output.encode("utf-8"), str(Path(config.site_dir) / languages.get(_state.lang).url_prefix / "404.html"))
        return ""
    return output


@event_priority(100)  # before mkdocs-static-i18n starts the next language's build
def on_post_build(config: MkDocsConfig) -> None:
    _write_calendars_and_feed(config)
    if languages.get(_state.lang).is_default:
        utils.write_file(sitemap.robots_txt(config.site_url or "/").encode("utf-8"), str(Path(config.site_dir) / "robots.txt"))


def _write_calendars_and_feed(config: MkDocsConfig) -> None:
    """This language's .ics files (one per event, one for all) and its Atom feed."""
    changed = {e.slug: _last_change(f"{events.FOLDER}/{e.source.name}", config) for e in _state.events.by_lang[_state.lang]}
    extra_files.write(
        Path(config.site_dir) / languages.get(_state.lang).url_prefix,
        lang=_state.lang,
        labels=_state.labels[_state.lang],
        site_name=config.site_name,
        site_url=config.site_url or "/",
        events=_state.events,
        news=_state.news[_state.lang],
        venues=_state.datasets["venues.csv"],
        changed=changed,
    )


def _last_change(src_uri: str, config: MkDocsConfig) -> datetime:
    """When a source file under docs/ last changed: its last commit, or now if never committed."""
    return _state.changed.get(f"{Path(config.docs_dir).name}/{src_uri}") or revision.build_moment()


def _revised(src_uri: str, config: MkDocsConfig) -> date:
    """The day a source file under docs/ last changed, in Hong Kong."""
    return _last_change(src_uri, config).date()


def _file_facts(config: MkDocsConfig) -> dict[str, tuple[date, str]]:
    """Each data file's last change, for the open data catalogue."""
    facts = {}
    for name in _state.datasets:
        day = _revised(DATA_FOLDER + name, config)
        facts[name] = (day, languages.get(_state.lang).date(day))
    return facts


def _kept(name: str, page: object, caller: Callable[[], str]) -> str:
    """A template fragment (`{% call kept(name, page) %}`) that is the same on
    every page outside the navigation in the same folder (its links are
    relative): rendered once per language and folder. Pages in the navigation
    render it themselves."""
    if not isinstance(page, Page) or page.file.src_uri in _state.in_nav:
        return caller()
    key = (name, page.url.rstrip("/").rpartition("/")[0])
    if key not in _state.kept:
        _state.kept[key] = caller()
    return _state.kept[key]


def _record(page: Page) -> object | None:
    """The event, case study or news item a page presents, if any."""
    return _state.records.get(pages.page_key(Path(page.file.src_uri), Path(".")))


def _page_data(page: Page, config: MkDocsConfig) -> PageData:
    return PageData(
        datasets=_state.datasets,
        lang=_state.lang,
        labels=_state.labels[_state.lang],
        data_prefix=_relative_link(DATA_FOLDER, page.url),
        home_prefix=_relative_link(languages.get(_state.lang).url_prefix, page.url),
        file_facts=_state.file_facts,
        rules=_state.rules,
        events=_state.events,
        news=_state.news[_state.lang],
        cases=_state.cases,
        today=revision.build_date(),
    )


def _hreflang(file: File, config: MkDocsConfig) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language of this page, and x-default."""
    base = config.site_url or "/"
    alternates = getattr(file, "alternates", {})
    links = [(languages.get(lang).hreflang, urljoin(base, alternates[lang].url)) for lang in languages.ALL if lang in alternates and translations.reads_in(alternates[lang].locale, lang)]
    default = dict(links).get(languages.DEFAULT.hreflang)
    return links + ([("x-default", default)] if default else [])


def _sitemap_xml(config: MkDocsConfig) -> str:
    """Every page in every language, with its last change and its alternates."""
    base = config.site_url or "/"
    pages = sorted(_state.files.documentation_pages(), key=lambda f: f.url)
    return sitemap.xml(
        sitemap.Url(urljoin(base, alternate.url), _revised(alternate.src_uri, config), _hreflang(file, config))
        for lang in languages.ALL
        for file in pages
        if (alternate := getattr(file, "alternates", {}).get(lang)) is not None and translations.reads_in(alternate.locale, lang)
    )


def _site_map_entries(items, page: Page) -> list[sitemap.Entry]:
    return [
        sitemap.Entry(item.title, children=tuple(_site_map_entries(item.children, page)))
        if isinstance(item, Section)
        else sitemap.Entry(item.title, _relative_link(item.url, page.url), _listed_records(item, page))
        for item in items
        if isinstance(item, (Section, Page))
    ]


def _listed_records(listing: Page, page: Page) -> tuple[sitemap.Entry, ...]:
    """The events, case studies or news items a listing page lists, in its
    order, for the site map to show under it: they are in no menu, and the
    site map lists every page."""
    folder = pages.page_key(Path(listing.file.src_uri), Path(".")).removesuffix("/index.md")
    if folder not in (events.FOLDER, cases.FOLDER, news.FOLDER):
        return ()
    home = languages.get(_state.lang).url_prefix
    return tuple(
        sitemap.Entry(record.title, _relative_link(home + record.url, page.url))
        for key, record in _state.records.items()
        if key.startswith(folder + "/")
    )


def _relative_link(target: str, here: str) -> str:
    """A link from page `here` to page `target`, keeping the trailing '/' of folder URLs."""
    link = get_relative_url(target, here)
    return link + "/" if target in ("", ".") or target.endswith("/") and not link.endswith("/") else link
