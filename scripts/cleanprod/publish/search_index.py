"""The site's search: one Pagefind bundle per language, in the language's
folder (/pagefind/, /en/pagefind/, /zh-Hans/pagefind/), made by that
language's build process and fetched in small chunks, only by its search page.

English pages are indexed from their HTML, as Pagefind indexes any site.
Chinese pages are indexed from a twin of each page's article, in which every
run of Chinese characters is written as its overlapping pairs (清洁生产 as
清洁 洁生 生产, each pair written in letters: see `pairs`), and the search page
turns the reader's query into pairs in the same way. Pagefind's own Chinese
word segmentation misses words that it cuts differently in the text
(业节能工作坊 into 业节 and 能, so 节能 found nothing); with pairs, a page is
found whenever it holds the words of the query.
Chinese pages are indexed in Simplified characters, each character converted
on its own with the language's character table (written beside its search
page), and the search page converts the query with the same table first. So
the index and the query always agree: a query typed in either script finds
the page, and so does a variant the site does not use (夥伴 finds 伙伴). Each
Chinese result shows its title from its record, and the passages and
sections that match, read back from pairs into the page's own characters by
the search page (`originals`).
The search page also reads a word the site does not use as the site's word
for it (補貼 as 資助: search_words.py); the words are written beside the
table, in the same characters.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from cleanprod import languages
from cleanprod.content import search_words
from cleanprod.content.chinese import HAN, HAN_RANGES, HAN_RUN, to_simplified
from cleanprod.content.events import Event
from cleanprod.content.news import NewsItem
from cleanprod.render.markup import PASSING_WEIGHT

QUERY_FILE = "search/query.json"  # how a language's search page reads a query (see `write`), beside the page, from its home
ALONE = "z"  # ends a Chinese character that stands alone in the index (see `pairs`); not one of the letters a–p that code characters
EXCERPT_LENGTH = 120
OPENING_HTML = 6000  # characters of a page's HTML read for its excerpt
# A news item's or an event's title counts as Pagefind counts a section heading
# (<h2>): above the lists that name the item in passing, below the title of
# the page that explains the topic (an <h1>, 7).
TITLE_WEIGHT = 6.0
# The title of a page that explains a topic: the most a word can count, as
# much as the target sectors' names (ANSWER_WEIGHT, render/markup.py). The
# search page gives Pagefind's extra boost for a word in a page's title to
# these titles alone (TOPIC), not to an example event's title, which
# outranked the pages that answer (search.js).
PAGE_TITLE_WEIGHT = 10.0
TOPIC = "topic"  # the metadata holding such a page's title, which search.js boosts instead of every page's title
# Pagefind's other interfaces, which the site does not use.
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css", "pagefind-modular-ui.js", "pagefind-highlight.js")
# Tags inside a line of text: taken out of a twin, so that the words either side meet (詳情見<a>示例研討會</a>).
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|cite|code|em|i|mark|q|small|span|strong|sub|sup|time|u)\b[^>]*>")
# A heading's ¶ link, taken out of a twin whole: its sign would end the heading's name in the results.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"(<[^>]*>)")
# The strings of Pagefind's interface that the search page shows, each from a
# label (docs/_data/labels.yml). Pagefind would pick its own by the page's
# language, and for zh-Hant it picks its Simplified ones. try_shorter and
# searched_as are the search page's own: the lines that offer shorter queries
# and name the site's words searched for instead of the reader's.
UI_LABELS = {
    "placeholder": "search.button",
    "search_label": "search.label",
    **{name: f"search.ui.{name}" for name in ("clear_search", "load_more", "searching", "zero_results", "one_result", "many_results", "try_shorter", "searched_as")},
}


@dataclass(frozen=True)
class Record:
    url: str  # from the language's home, as Pagefind gives the pages it reads
    title: str
    excerpt: str  # shown under the title in the results
    html: str  # the page's article
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


# The end of a table cell, a term or its description, a list item: Pagefind
# runs the texts of two such neighbours together ("Each yearElectricity saved")
# unless something stands between them.
_CELL_END = re.compile(r"(</(?:caption|dd|dt|li|td|th)>)(?=<)")


def words_apart(html: str) -> str:
    """`html` with a line break after each cell, term and list item, so that
    Pagefind reads neighbouring ones as separate words, as a reader does;
    the page looks the same."""
    return _CELL_END.sub("\\1\n", html)


def weight(record: object | None) -> float | None:
    """How much a page's words count in ranking: less for news and events,
    which mention a topic in passing, than for the pages that explain it."""
    return PASSING_WEIGHT if isinstance(record, (Event, NewsItem)) else None


def title_kept(content: str, record: object | None) -> str:
    """A page's article, its title (the first <h1>) counting as
    PAGE_TITLE_WEIGHT, or, for a record (an event, news item or case study),
    as TITLE_WEIGHT, where the rest of an event or news item counts less
    (`weight`): a reader who types a news item's or an event's title means
    that page, not the lists that name it; one who types a topic means the
    page named for it, not an example that names it in its title."""
    if record is None:  # and its title is its topic, which search.js ranks as Pagefind ranks a title
        return content.replace("<h1", f'<h1 data-pagefind-weight="{PAGE_TITLE_WEIGHT}" data-pagefind-meta="{TOPIC}"', 1)
    return content.replace("<h1", f'<h1 data-pagefind-weight="{TITLE_WEIGHT}"', 1)


def record(url: str, title: str, description: str | None, article_html: str, weight: float | None) -> Record:
    """A Chinese page's search record, from its rendered article; `url` is
    from the language's home."""
    parser = _Text()
    parser.feed(article_html[:OPENING_HTML])  # enough for the excerpt; a listing page may be megabytes
    text = " ".join(" ".join(parser.parts).split())
    opening = text.removeprefix(title).strip()
    excerpt = description or (opening[:EXCERPT_LENGTH] + "…" if len(opening) > EXCERPT_LENGTH else opening)
    return Record("/" + url, title, excerpt, article_html, weight)


def ui_labels(labels: dict[str, str]) -> dict[str, str]:
    """Pagefind's interface strings in a language, from its `labels`."""
    return {name: labels[key] for name, key in UI_LABELS.items()}


@lru_cache(maxsize=1)
def _simplified_forms() -> dict[str, str]:
    """Every Chinese character whose Simplified form differs, with that form."""
    characters = [chr(code) for first, last in HAN_RANGES for code in range(first, last + 1)]
    simplified = to_simplified("\n".join(characters)).split("\n")
    return {t: s for t, s in zip(characters, simplified) if t != s and len(s) == 1}


def character_table(texts: list[str]) -> dict[str, str]:
    """The characters a query or the index converts, each with its Simplified
    form: those in `texts` whose form differs, and every other character whose
    form is in `texts` once converted, so that a variant the site does not use
    finds the same pages (夥 as 伙, for 伙伴)."""
    forms = _simplified_forms()
    on_site = {forms.get(c, c) for c in set("".join(texts)) if HAN.match(c)}
    return {t: s for t, s in forms.items() if s in on_site}


class _Letters(dict):
    """Each Chinese character as four letters, its code point in hex with a–p
    for 0–f (节 U+8282 → icic), which Pagefind takes as part of a word; for
    str.translate, filled in as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = letters = "".join("abcdefghijklmnop"[int(digit, 16)] for digit in f"{code:04x}")
        return letters


_LETTERS = _Letters()


def pairs(text: str) -> str:
    """`text` with each run of Chinese characters written as its overlapping
    pairs, each pair as one word of letters (节能 → iciciapn), and a character
    alone as its own four letters and ALONE (日 → gfofz). The search page does
    the same to the query (overrides/assets/search.js), so the words match
    exactly: Pagefind would otherwise cut the pairs into words again, as it
    sees fit.

    A query's character alone is sent as its four letters only, which
    Pagefind matches as the start of every pair that begins with it. ALONE
    keeps the index's lone characters from being the start of a pair: where
    a query's pair is in no page, Pagefind takes the longest word in the
    index that starts it instead, and 日曆 would find every page with a date
    ending in 日."""

    def words(run: re.Match[str]) -> str:
        coded = run[0].translate(_LETTERS)
        return " " + (" ".join(coded[i : i + 8] for i in range(0, len(coded) - 4, 4)) or coded + ALONE) + " "

    return HAN_RUN.sub(words, text)


def _twin(record: Record, lang: str, convert: dict[int, str]) -> str:
    """The page Pagefind indexes for a Chinese page: its article's text as
    pairs of characters (headings kept, with their ids, for their weight in
    ranking and so that a result links to the section that matches; links
    and other tags within a line taken out), each character first replaced
    as `convert` says; its title and excerpt as metadata. Only the text is
    converted: an id stays as the page has it, or a result's link would
    name a section the page lacks."""
    weight = f' data-pagefind-weight="{record.weight}"' if record.weight else ""
    # No title boost (TOPIC) in Chinese, and a page's title counts as a
    # record's title (TITLE_WEIGHT): its pairs would boost a title that holds
    # the query within a longer name (示範項目成果, the case studies, above
    # the funding page's heading 示範項目, which explains the measure).
    html = record.html.replace(f' data-pagefind-weight="{PAGE_TITLE_WEIGHT}" data-pagefind-meta="{TOPIC}"', f' data-pagefind-weight="{TITLE_WEIGHT}"', 1)
    parts = _TAG.split(_INLINE_TAG.sub("", _HEADERLINK.sub("", html)))
    body = "".join(part if part.startswith("<") else pairs(part.translate(convert)) for part in parts)
    return (
        f'<!doctype html><html lang="{languages.get(lang).pagefind}"><head><meta charset="utf-8"><title></title></head><body>'
        f'<p data-pagefind-meta="title">{escape(record.title)}</p><p data-pagefind-meta="excerpt">{escape(record.excerpt)}</p>'
        f"<main data-pagefind-body{weight}>{body}</main></body></html>"
    )


def originals(texts: list[str], table: dict[str, str]) -> dict[str, dict[str, str]]:
    """How the search page writes a passage of the index (in Simplified
    characters) back as `texts` write it: each character that stands for one
    character of `texts` only (资 → 資), and each pair holding a character
    that stands for more than one, as `texts` write that pair most often
    (制造 → 製造, 管制 → 管制). `texts` are the pages' words, without their
    tags, whose attributes may hold Simplified names to search by."""
    chinese = set(HAN.findall("".join(texts)))
    meanings: dict[str, set[str]] = {}
    for character in chinese:
        meanings.setdefault(table.get(character, character), set()).add(character)
    characters = {form: next(iter(found)) for form, found in meanings.items() if len(found) == 1 and form not in found}
    ambiguous = {form for form, found in meanings.items() if len(found) > 1}
    convert = str.maketrans(table)
    counted: dict[str, Counter[str]] = {}
    for text in texts:
        for run in HAN_RUN.findall(text):
            form = run.translate(convert)
            for i in range(len(run) - 1):
                if form[i] in ambiguous or form[i + 1] in ambiguous:
                    counted.setdefault(form[i : i + 2], Counter())[run[i : i + 2]] += 1
    return {"characters": characters, "pairs": {form: count.most_common(1)[0][0] for form, count in sorted(counted.items())}}


def write(site: Path, lang: str, records: list[Record], checked_words: search_words.Words, turn: AbstractContextManager) -> None:
    """Index `lang`'s pages of the site built in `site` into its own bundle.

    Each bundle's URLs are relative to its language's home, as Pagefind's
    interface expects of a bundle in the home's pagefind/ folder. Chinese is
    indexed from its `records`: Pagefind reads a folder holding each page's
    twin at the page's own path. The twins are in Simplified characters,
    converted one by one with the table the search page converts the query
    with, so that the two always agree. The table and the language's search
    words (from `checked_words`, the checked search-words.yml) are written
    beside the search page (QUERY_FILE), the words converted with the table
    too, so that they meet the query as converted.
    Pagefind runs while this process holds `turn`, which the language builds
    share.
    """
    language = languages.get(lang)
    bundle = site / language.url_prefix / "pagefind"
    words = search_words.for_language(checked_words, lang)
    table = character_table([r.title + r.html for r in records] + [*words, *words.values()]) if language.is_chinese else {}
    convert = str.maketrans(table)
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site.parent) as scratch:
        if language.is_chinese:
            for record in records:
                twin = Path(scratch) / record.url.lstrip("/") / "index.html"
                twin.parent.mkdir(parents=True, exist_ok=True)
                twin.write_text(_twin(record, lang, convert), encoding="utf-8")
            where = ["--site", scratch]
        else:
            where = ["--site", str(site / language.url_prefix)]
        command = [sys.executable, "-m", "pagefind", *where, "--output-path", str(bundle), "--exclude-selectors", ".headerlink", "--silent"]
        with turn:
            indexed = subprocess.run(command).returncode == 0
        if not indexed:
            raise RuntimeError(f"Pagefind could not index the {lang} pages")
    for unused in UNUSED:
        (bundle / unused).unlink(missing_ok=True)
    _sort_entry(bundle / "pagefind-entry.json")
    query = {
        "characters": table,
        # The index's passages shown in the page's own characters (zh-Hant); zh-Hans shows them as indexed.
        "originals": originals([r.title + _TAG.sub(" ", r.html) for r in records], table) if language.traditional else {},
        "words": {found.translate(convert): wanted.translate(convert) for found, wanted in words.items()},
        # Each site's word as the search page names it, in the page's script.
        "shown": {found.translate(convert): wanted.translate(convert) if language.simplified else wanted for found, wanted in words.items() if wanted},
    }
    (site / language.url_prefix / QUERY_FILE).write_text(json.dumps(query, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def _sort_entry(entry: Path) -> None:
    """Pagefind may order the entry file's keys differently on each run; sort
    them, so that the same sources always build the same files."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
