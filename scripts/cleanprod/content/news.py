"""News items (docs/news/*.md): read, checked against docs/_data/news.schema.json,
and put in order, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cleanprod.content import entries
from cleanprod.content.chinese import converter_for
from cleanprod.problems import Problem

FOLDER = "news"
SCHEMA = "news.schema.json"
SHARED = ("date", "example")
LATEST = 3  # how many the home page shows


@dataclass(frozen=True)
class NewsItem:
    slug: str
    lang: str
    title: str
    date: date
    summary: str
    example: bool
    source: Path
    source_title: str | None = None  # where the news was published
    source_url: str | None = None

    @property
    def url(self) -> str:
        return f"{FOLDER}/{self.slug}/"


def load_all(pages, docs: Path) -> tuple[dict[str, list[NewsItem]], list[Problem]]:
    schema = entries.load_schema(docs / "_data" / SCHEMA, {})
    by_lang, problems = entries.load_records(pages, docs, FOLDER, schema, kind="news item", shared=SHARED, make=_item, more_checks=_check_date)
    for items in by_lang.values():
        items.sort(key=lambda n: (n.date, n.slug), reverse=True)
    return by_lang, problems


def _check_date(page, meta: dict) -> list[Problem]:
    if "date" not in meta:
        return []
    try:
        entries.parse_time(meta["date"])
    except ValueError:
        return [Problem(page.path, entries.field_line(page, "date"), f"'date' is '{meta['date']}', which is not a real date", "check the day and the month")]
    return []


def _item(record: entries.Record, lang: str) -> NewsItem:
    convert = converter_for(lang)
    meta = record.meta
    published = meta.get("source") or {}
    return NewsItem(
        record.slug, lang, convert(meta["title"]), entries.parse_time(meta["date"]).date(), convert(meta["summary"]), bool(meta.get("example")), record.page.path,
        convert(published["title"]) if published else None, published.get("url"),
    )
