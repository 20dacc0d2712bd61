"""The site's search: one Pagefind bundle per language, in the language's
folder (/pagefind/, /en/pagefind/, /zh-Hans/pagefind/), made by that
language's build process and fetched in small chunks, only by its search page.

English and Simplified Chinese pages are indexed from their HTML, as Pagefind
indexes any site. Traditional Chinese pages are indexed from their text in
Simplified characters: Pagefind's Chinese word segmentation works well on
Simplified text but splits Traditional text inconsistently (a query for 資助
found one page of thirteen). So the Traditional search page converts the
reader's query to Simplified characters, with the table of every Traditional
character on the site that differs (written beside the search page), and
shows each result's Traditional title and opening words, which its record
carries.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from contextlib import AbstractContextManager
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from cleanprod import languages
from cleanprod.chinese import to_simplified
from cleanprod.events import Event
from cleanprod.languages import url_prefix
from cleanprod.news import NewsItem

CHARACTERS_FILE = "search/characters.json"  # the zh-Hant query table, beside the search page
EXCERPT_LENGTH = 120
OPENING_HTML = 6000  # characters of a page's HTML read for its excerpt
DATED_WEIGHT = 0.5
# Pagefind's other interfaces, which the site does not use.
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css", "pagefind-modular-ui.js", "pagefind-highlight.js")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Record:
    url: str  # from the language's home (the site's root for zh-Hant), as Pagefind gives the pages it reads
    title: str
    excerpt: str  # shown under the title in the results
    html: str  # the page's article, in Traditional Chinese
    weight: float | None  # Pagefind's weight for the page's words, if not 1


class _Text(HTMLParser):
    """The text a reader sees in a page's article, without heading anchors,
    drawings or scripts."""

    SKIPPED = {"script", "style", "svg", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if self.skipping or tag in self.SKIPPED or "headerlink" in (names.get("class") or "") or "data-pagefind-ignore" in names:
            if tag not in ("br", "img", "input", "hr", "meta", "link", "source", "wbr"):
                self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def weight(record: object | None) -> float | None:
    """How much a page's words count in ranking: less for news and events,
    which mention a topic in passing, than for the pages that explain it."""
    return DATED_WEIGHT if isinstance(record, (Event, NewsItem)) else None


def record(url: str, title: str, description: str | None, article_html: str, weight: float | None) -> Record:
    """A Traditional Chinese page's search record, from its rendered article."""
    parser = _Text()
    parser.feed(article_html[:OPENING_HTML])  # enough for the excerpt; a listing page may be megabytes
    text = " ".join(" ".join(parser.parts).split())
    opening = text.removeprefix(title).strip()
    excerpt = description or (opening[:EXCERPT_LENGTH] + "…" if len(opening) > EXCERPT_LENGTH else opening)
    return Record("/" + url, title, excerpt, article_html, weight)


def character_table(texts: list[str]) -> dict[str, str]:
    """Each Traditional character in `texts` whose Simplified form differs."""
    characters = sorted(set(_HAN.findall("".join(texts))))
    simplified = to_simplified("\n".join(characters)).split("\n")
    return {t: s for t, s in zip(characters, simplified) if t != s and len(s) == 1}


def _twin(record: Record) -> str:
    """The page Pagefind indexes for a Traditional Chinese page: its article
    in Simplified characters (headings kept, for their weight in ranking); its
    Traditional title and excerpt as metadata."""
    weight = f' data-pagefind-weight="{record.weight}"' if record.weight else ""
    return (
        '<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title></title></head><body>'
        f'<p data-pagefind-meta="title">{escape(record.title)}</p><p data-pagefind-meta="excerpt">{escape(record.excerpt)}</p>'
        f"<main data-pagefind-body{weight}>{to_simplified(record.html)}</main></body></html>"
    )


def write(site: Path, lang: str, records: list[Record], turn: AbstractContextManager) -> None:
    """Index `lang`'s pages of the site built in `site` into its own bundle.

    Each bundle's URLs are relative to its language's home, as Pagefind's
    interface expects of a bundle in the home's pagefind/ folder. zh-Hant is
    indexed from its `records`: Pagefind reads a folder holding each page's
    twin at the page's own path; then the query table is written. Pagefind
    runs while this process holds `turn`, which the language builds share.
    """
    bundle = site / url_prefix(lang) / "pagefind"
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site.parent) as scratch:
        if lang == languages.DEFAULT:
            for record in records:
                twin = Path(scratch) / record.url.lstrip("/") / "index.html"
                twin.parent.mkdir(parents=True, exist_ok=True)
                twin.write_text(_twin(record), encoding="utf-8")
            where = ["--site", scratch]
        else:
            where = ["--site", str(site / lang)]
        command = [sys.executable, "-m", "pagefind", *where, "--output-path", str(bundle), "--exclude-selectors", ".headerlink", "--silent"]
        with turn:
            indexed = subprocess.run(command).returncode == 0
        if not indexed:
            raise RuntimeError(f"Pagefind could not index the {lang} pages")
    for unused in UNUSED:
        (bundle / unused).unlink(missing_ok=True)
    _sort_entry(bundle / "pagefind-entry.json")
    if lang == languages.DEFAULT:
        table = character_table([r.title + r.html for r in records])
        (site / CHARACTERS_FILE).write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def _sort_entry(entry: Path) -> None:
    """Pagefind may order the entry file's keys differently on each run; sort
    them, so that the same sources always build the same files."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
