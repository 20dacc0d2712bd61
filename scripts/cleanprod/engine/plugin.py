"""The site's MkDocs plugin: the only module that knows MkDocs' events.

Each event hands work to the `cleanprod` package. mkdocs-static-i18n builds
the default language first and then, from its `on_post_build`, each other
language in turn, calling every event again with the same config object and
plugin; the plugin keeps the content checked at the first language
(`Checked`) and starts a `LanguageBuild` for each language. `cleanprod build`
instead checks the content once (`start`) and builds each language in its own
process (cleanprod/engine/language_builds.py); the events below serve both ways.
What the events need of the engines' internals, cleanprod/engine/adapter.py
gives them.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from cleanprod import languages
from cleanprod.checks import html_policy, translations
from cleanprod.content import cases, chinese, datasets, events, images, news, pages, revision, search_words
from cleanprod.engine import anchor_warnings, adapter
from cleanprod.publish import extra_files, search_index, sitemap
from cleanprod.render import directives
from cleanprod.paths import DATA_FILES, DOCS, FEED_FILE, ROOT
from cleanprod.problems import ContentError
from cleanprod.render.data import PageData
from cleanprod.engine.site_build import Checked, LanguageBuild
from cleanprod.checks.validate import Content, validate

DATA_FOLDER = f"{DATA_FILES.relative_to(DOCS).as_posix()}/"  # data/, in docs/ and in the built site


class SiteConfig(Config):
    """The plugin's settings in mkdocs.yml: none yet; the site's own settings
    are its files (paths.py)."""


class SitePlugin(BasePlugin[SiteConfig]):
    """The site's build, as MkDocs' events (`plugins: - cleanprod` in mkdocs.yml)."""

    def __init__(self) -> None:
        self.checked: Checked | None = None  # the content, checked at the first language
        self.build: LanguageBuild | None = None  # the language being built

    def start(self, config: MkDocsConfig) -> Content:
        """Check all content before any language is built (cleanprod/engine/language_builds.py)."""
        content, self.checked = _validate(config)
        return content

    def search_records(self) -> list[search_index.Record]:
        """This language's search records (search_index.py), once its pages are
        built: none for English, which Pagefind indexes from its HTML."""
        return list(self.build.search_records.values())

    def search_words(self) -> search_words.Words:
        """The search words the check read (search_words.py), for the search index."""
        return self.checked.search_words

    def checked_again(self, placed: dict[Path, list[directives.Placed]]) -> None:
        """The views that edited pages place, as the preview checked them again,
        for the pages' next render."""
        self.build.placed.update(placed)
        self.build.again = True

    def built(self) -> tuple[Files, Navigation, Environment]:
        """This language's files, navigation and templates as its build left them,
        for the preview to render an edited page again."""
        return self.build.files, self.build.nav, self.build.env

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if adapter.is_first_language(config):  # a new build starts
            self.checked = _validate(config)[1]
        self.build = build = LanguageBuild(self.checked, adapter.language(config), placed=dict(self.checked.placed))
        build.file_facts = _file_facts(build, config)
        build.records = {
            f"{folder}/{record.slug}.md": record
            for folder, records in (
                (events.FOLDER, build.site.events.by_lang[build.lang]),
                (cases.FOLDER, build.site.cases.by_lang[build.lang]),
                (news.FOLDER, build.site.news[build.lang]),
            )
            for record in records
        }
        if languages.get(build.lang).converter:
            convert = chinese.converter_for(build.lang)
            config.site_name = convert(config.site_name)
            config.site_description = convert(config.site_description or "")
        adapter.name_permalinks(config, build.labels["permalink"])
        anchor_warnings.install(Path(config.docs_dir), partial(_heading_ids, build), build.problems.append)
        return config

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has made each language's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        build = self.build
        for file in [f for f in files if f.src_uri.startswith(adapter.MATERIAL_SCRIPTS)]:
            files.remove(file)
        for file in files:
            folder, _, name = file.src_uri.rpartition("/")
            if folder + "/" == DATA_FOLDER and (dataset := build.site.datasets.get(name)) is not None:
                file.content_bytes = dataset.published  # as its schema reads it, whatever form the spreadsheet saved
        if languages.get(build.lang).is_default:  # the one build that writes what every language shares
            package = datasets.package(build.site.datasets, _site_names(config))
            files.append(File.generated(config, DATA_FOLDER + datasets.PACKAGE_FILE, content=package))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        build = self.build
        build.nav = nav
        build.in_nav = {page.file.src_uri for page in nav.pages}
        build.kept = {}
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        build = self.build
        # Every value a template prints (titles, descriptions, labels) is escaped
        # for HTML; MkDocs' environment does not do so itself. The one value that
        # is HTML, a page's article, is marked so in on_page_context.
        env.autoescape = True
        if env.cache is not None:  # templates compiled before this were compiled without escaping
            env.cache.clear()
        build.files, build.env = files, env
        env.globals["kept"] = partial(_kept, build)
        env.globals["content_security_policy"] = html_policy.CONTENT_SECURITY_POLICY
        env.globals["labels"] = build.labels
        env.globals["search_ui_labels"] = search_index.ui_labels(build.labels)
        env.globals["lang_home"] = languages.get(build.lang).url_prefix
        env.globals["share_locale"] = languages.get(build.lang).og_locale
        env.globals["site_root"] = urlsplit(config.site_url or "/").path
        # The site's root 404 page, which a host serves at any missing address,
        # in any language: a line in each other language too, with its home.
        others = [lang for lang in languages.ALL if lang != build.lang] if languages.get(build.lang).is_default else []
        env.globals["notfound_elsewhere"] = [(lang, languages.get(lang).url_prefix, build.labels_in(lang)) for lang in others]
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self.build
        source = languages.get(build.lang).source
        if source is not None and adapter.written_in(page.file) == source:  # a page converted from its source language
            for key in ("title", "description", "summary"):  # a news item's summary is its search excerpt
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = chinese.to_simplified(page.meta[key])
            markdown = chinese.markdown_to_simplified(markdown)
        if not _reads_in_language(build, page):
            page.meta["search"] = False  # this language's search finds its own pages, not another language's
        data = _page_data(build, page, config)
        markdown, blocks = directives.replace(markdown, build.placed.get(Path(page.file.abs_src_path), []), data.render)
        header = data.record_header(_record(build, page))
        if header:
            markdown = pages.insert_after_title(markdown, directives.keep(header, blocks))
        build.blocks[page.file.src_uri] = blocks
        build.page_scripts[page.file.src_uri] = sorted(data.scripts)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self.build
        html, breaches = html_policy.enforce(html, Path(page.file.abs_src_path))
        build.problems += breaches  # the page goes on without what breached the policy; the build stops at its end
        blocks = [search_index.words_apart(block) for block in build.blocks.pop(page.file.src_uri, [])]
        html = directives.restore(html, blocks)
        if page.present_anchor_ids is not None:  # for MkDocs' check of links to headings (validation: anchors)
            page.present_anchor_ids |= directives.ids(blocks)
        html = images.sized(html, page.url, lambda uri: _source_file(files, uri))
        _plain_titles(page)
        return _untranslated(build, search_index.title_kept(html, _record(build, page)), page)

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        build = self.build
        day = _revised(build, page.file.src_uri, config)
        context["revised"] = {"iso": day.isoformat(), "text": languages.get(build.lang).date(day)}
        context["hreflang"] = _hreflang(page.file, config)
        context["page_scripts"] = build.page_scripts.get(page.file.src_uri, [])
        context["search_weight"] = search_index.weight(_record(build, page))
        context["feed_url"] = urljoin(config.site_url or "/", languages.get(build.lang).url_prefix + FEED_FILE)
        if sitemap.PLACEHOLDER in (page.content or ""):
            page.content = page.content.replace(
                sitemap.PLACEHOLDER, sitemap.render(_site_map_entries(build, nav.items, page))
            )
        page.content = Markup(page.content)  # the one HTML value the templates print as it is (on_env)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        build = self.build
        if build.again:  # the preview writes no page it found a problem in: the reader keeps the last good one
            build.stop_if_problems()
        page.content = str(page.content)  # a plain str again for the code below, whose str methods Markup would change
        if languages.get(build.lang).is_chinese and page.meta.get("search") is not False:
            # By URL: a page the preview renders again replaces its record.
            url = page.url.removeprefix(languages.get(build.lang).url_prefix)
            build.search_records[url] = search_index.record(url, page.title, page.meta.get("description") or page.meta.get("summary"), page.content, search_index.weight(_record(build, page)))
        return adapter.fix_material_markup(output)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """404.html and sitemap.xml, which every language's build writes at the site's root.

        Each language's 404 page goes in its own folder; the default language's
        build writes sitemap.xml for all languages; the other builds write
        neither at the root.
        """
        build = self.build
        if template_name == "sitemap.xml":
            return _sitemap_xml(build, config) if languages.get(build.lang).is_default else adapter.SKIP_TEMPLATE
        output = adapter.fix_material_markup(output)
        if template_name == "404.html" and not languages.get(build.lang).is_default:
            _write(Path(config.site_dir) / languages.get(build.lang).url_prefix / "404.html", output)
            return adapter.SKIP_TEMPLATE
        return output

    @event_priority(100)  # before mkdocs-static-i18n starts the next language's build
    def on_post_build(self, config: MkDocsConfig) -> None:
        build = self.build
        _write_calendars_and_feed(build, config)
        if languages.get(build.lang).is_default:
            _write(Path(config.site_dir) / "robots.txt", sitemap.robots_txt(config.site_url or "/"))
        build.stop_if_problems()  # every page has rendered, and MkDocs has checked the links to headings


def _validate(config: MkDocsConfig) -> tuple[Content, Checked]:
    """Check all content before anything is written; stop with every problem listed."""
    content, problems = validate(Path(config.docs_dir))
    if problems:
        raise PluginError(str(ContentError(problems)))
    return content, Checked.of(content, revision.last_commit_times(ROOT))


def _site_names(config: MkDocsConfig) -> dict[str, str]:
    """The site's name in each written language, as mkdocs.yml gives them."""
    names = adapter.site_names(config)
    return {lang: names.get(lang, config.site_name) for lang in languages.REQUIRED}


def _write(path: Path, text: str) -> None:
    """A file the build writes itself, beside what MkDocs writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def _heading_ids(build: LanguageBuild, src_uri: str) -> list[str]:
    """The ids of a page's section headings, in order, for the fix of a link to one it lacks."""
    file = build.files.get_file_from_path(src_uri) if build.files else None
    found: list[str] = []

    def walk(items) -> None:
        for item in items:
            if item.level > 1:  # not the page's title: a link to the page says as much
                found.append(item.id)
            walk(item.children)

    walk(file.page.toc if file and file.page else [])
    return found


def _untranslated(build: LanguageBuild, html: str, page: Page) -> str:
    """A page this language lacks, shown in the language it is written in (the
    English site shows the zh-Hant page): a line in the reader's language says
    so first, and the content is marked with its own language, for screen
    readers. The language's search leaves the page out (on_page_markdown)."""
    if _reads_in_language(build, page):
        return html
    note = escape(build.labels["untranslated"])
    return f'<p class="untranslated" role="note">{note}</p><div lang="{escape(adapter.written_in(page.file))}">{html}</div>'


def _reads_in_language(build: LanguageBuild, page: Page) -> bool:
    """Whether a page reads in the language being built, rather than being
    another language's page shown in place of a missing translation."""
    written = adapter.written_in(page.file)
    return written is None or translations.reads_in(written, build.lang)


def _plain_titles(page: Page) -> None:
    """The page's title and its headings' titles as plain text, which the
    templates escape: MkDocs gives a title from front matter as written, but
    one from a heading, and the table of contents' titles, as HTML."""
    adapter.forget_title(page)  # a title set by an earlier render of the page (the preview)
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


def _write_calendars_and_feed(build: LanguageBuild, config: MkDocsConfig) -> None:
    """This language's .ics files (one per event, one for all) and its Atom feed."""
    changed = {e.slug: _last_change(build, f"{events.FOLDER}/{e.source.name}", config) for e in build.site.events.by_lang[build.lang]}
    extra_files.write(
        Path(config.site_dir) / languages.get(build.lang).url_prefix,
        lang=build.lang,
        labels=build.labels,
        site_name=config.site_name,
        site_url=config.site_url or "/",
        events=build.site.events,
        news=build.site.news[build.lang],
        venues=build.site.datasets["venues.csv"],
        changed=changed,
    )


def _last_change(build: LanguageBuild, src_uri: str, config: MkDocsConfig) -> datetime:
    """When a source file under docs/ last changed: its last commit, or now if never committed."""
    return build.site.changed.get(f"{Path(config.docs_dir).name}/{src_uri}") or revision.build_moment()


def _revised(build: LanguageBuild, src_uri: str, config: MkDocsConfig) -> date:
    """The day a source file under docs/ last changed, in Hong Kong."""
    return _last_change(build, src_uri, config).date()


def _file_facts(build: LanguageBuild, config: MkDocsConfig) -> dict[str, tuple[date, str]]:
    """Each data file's last change, for the open data catalogue."""
    facts = {}
    for name in build.site.datasets:
        day = _revised(build, DATA_FOLDER + name, config)
        facts[name] = (day, languages.get(build.lang).date(day))
    return facts


def _kept(build: LanguageBuild, name: str, page: object, caller: Callable[[], str]) -> str:
    """A template fragment (`{% call kept(name, page) %}`) that is the same on
    every page outside the navigation in the same folder (its links are
    relative): rendered once per language and folder. Pages in the navigation
    render it themselves."""
    if not isinstance(page, Page) or page.file.src_uri in build.in_nav:
        return caller()
    key = (name, page.url.rstrip("/").rpartition("/")[0])
    if key not in build.kept:
        build.kept[key] = caller()
    return build.kept[key]


def _record(build: LanguageBuild, page: Page) -> object | None:
    """The event, case study or news item a page presents, if any."""
    return build.records.get(pages.page_key(Path(page.file.src_uri), Path(".")))


def _page_data(build: LanguageBuild, page: Page, config: MkDocsConfig) -> PageData:
    return PageData(
        datasets=build.site.datasets,
        lang=build.lang,
        labels=build.labels,
        data_prefix=_relative_link(DATA_FOLDER, page.url),
        home_prefix=_relative_link(languages.get(build.lang).url_prefix, page.url),
        file_facts=build.file_facts,
        rules=build.site.rules,
        events=build.site.events,
        news=build.site.news[build.lang],
        cases=build.site.cases,
        today=revision.build_date(),
    )


def _hreflang(file: File, config: MkDocsConfig) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language of this page, and x-default."""
    base = config.site_url or "/"
    alternates = adapter.alternates(file)
    links = [(languages.get(lang).hreflang, urljoin(base, alternates[lang].url)) for lang in languages.ALL if lang in alternates and translations.reads_in(adapter.written_in(alternates[lang]), lang)]
    default = dict(links).get(languages.DEFAULT.hreflang)
    return links + ([("x-default", default)] if default else [])


def _sitemap_xml(build: LanguageBuild, config: MkDocsConfig) -> str:
    """Every page in every language, with its last change and its alternates."""
    base = config.site_url or "/"
    pages = sorted(build.files.documentation_pages(), key=lambda f: f.url)
    return sitemap.xml(
        sitemap.Url(urljoin(base, alternate.url), _revised(build, alternate.src_uri, config), _hreflang(file, config))
        for lang in languages.ALL
        for file in pages
        if (alternate := adapter.alternates(file).get(lang)) is not None and translations.reads_in(adapter.written_in(alternate), lang)
    )


def _site_map_entries(build: LanguageBuild, items, page: Page) -> list[sitemap.Entry]:
    return [
        sitemap.Entry(item.title, children=tuple(_site_map_entries(build, item.children, page)))
        if isinstance(item, Section)
        else sitemap.Entry(item.title, _relative_link(item.url, page.url), _listed_records(build, item, page))
        for item in items
        if isinstance(item, (Section, Page))
    ]


def _listed_records(build: LanguageBuild, listing: Page, page: Page) -> tuple[sitemap.Entry, ...]:
    """The events, case studies or news items a listing page lists, in its
    order, for the site map to show under it: they are in no menu, and the
    site map lists every page."""
    folder = pages.page_key(Path(listing.file.src_uri), Path(".")).removesuffix("/index.md")
    if folder not in (events.FOLDER, cases.FOLDER, news.FOLDER):
        return ()
    home = languages.get(build.lang).url_prefix
    return tuple(
        sitemap.Entry(record.title, _relative_link(home + record.url, page.url))
        for key, record in build.records.items()
        if key.startswith(folder + "/")
    )


def _relative_link(target: str, here: str) -> str:
    """A link from page `here` to page `target`, keeping the trailing '/' of folder URLs."""
    link = adapter.relative_url(target, here)
    return link + "/" if target in ("", ".") or target.endswith("/") and not link.endswith("/") else link

