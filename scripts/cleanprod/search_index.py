"""The site's search indexes, made with Pagefind: one per language, fetched in
small chunks, and only by that language's search page.

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
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from cleanprod import languages
from cleanprod.chinese import to_simplified
from cleanprod.events import Event
from cleanprod.news import NewsItem

RECORDS_FILE = ".search-records.json"  # handed from the zh-Hant build to `write`; not published
CHARACTERS_FILE = "search/characters.json"  # the zh-Hant query table, beside the search page
EXCERPT_LENGTH = 120
DATED_WEIGHT = 0.5
# Pagefind's other interfaces, which the site does not use.
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css", "pagefind-modular-ui.js", "pagefind-highlight.js")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Record:
    url: str  # from the site's root, as Pagefind gives the pages it reads
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
    parser.feed(article_html)
    text = " ".join(" ".join(parser.parts).split())
    opening = text.removeprefix(title).strip()
    excerpt = description or (opening[:EXCERPT_LENGTH] + "…" if len(opening) > EXCERPT_LENGTH else opening)
    return Record("/" + url, title, excerpt, article_html, weight)


def save_records(site: Path, records: list[Record]) -> None:
    (site / RECORDS_FILE).write_text(json.dumps([asdict(r) for r in records], ensure_ascii=False), encoding="utf-8")


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


def write(site: Path) -> None:
    """Index the built site in `site`: the other languages from their pages,
    zh-Hant from the records its build saved; then the zh-Hant query table.

    Pagefind reads a folder that mirrors the site: links to the other
    languages' pages, and each zh-Hant page's twin at the page's own path.
    """
    saved = site / RECORDS_FILE
    records = [Record(**r) for r in json.loads(saved.read_text(encoding="utf-8"))]
    saved.unlink()
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site.parent) as scratch:
        mirror = Path(scratch)
        for lang in languages.ALL:
            if lang != languages.DEFAULT:
                for page in (site / lang).rglob("*.html"):
                    (mirror / page.relative_to(site)).parent.mkdir(parents=True, exist_ok=True)
                    os.link(page, mirror / page.relative_to(site))
        for record in records:
            twin = mirror / record.url.lstrip("/") / "index.html"
            twin.parent.mkdir(parents=True, exist_ok=True)
            twin.write_text(_twin(record), encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(site / "pagefind"), "--exclude-selectors", ".headerlink", "--silent"]
        if subprocess.run(command).returncode != 0:
            raise RuntimeError("Pagefind could not index the site")
    for unused in UNUSED:
        (site / "pagefind" / unused).unlink(missing_ok=True)
    table = character_table([r.title + r.html for r in records])
    (site / CHARACTERS_FILE).write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
