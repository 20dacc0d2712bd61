"""News items rendered for a page: the date line of a news page, the news list
(newest first) and the home page's latest few."""

from __future__ import annotations

from html import escape

from cleanprod import languages
from cleanprod.content.news import LATEST, NewsItem
from cleanprod.paths import FEED_FILE
from cleanprod.render.markup import PASSING, example_note, source_line

Labels = dict[str, str]


def header(item: NewsItem, labels: Labels) -> str:
    note = example_note(labels["example.news"], labels) if item.example else ""
    published = languages.get(item.lang).date(item.date)
    source = source_line(item.source_title, item.source_url, labels)
    return f'<p class="news-date">{escape(labels["news.published"])}<time datetime="{item.date.isoformat()}">{escape(published)}</time></p>{source}{note}'


def _item(item: NewsItem, labels: Labels, link: str) -> str:
    badge = f' <strong class="example-badge">{escape(labels["example.badge"])}</strong>' if item.example else ""
    return (
        f'<li class="news-item"><time datetime="{item.date.isoformat()}">{escape(languages.get(item.lang).date(item.date))}</time><br>'
        f'<a href="{escape(link)}">{escape(item.title)}</a>{badge}<br><span class="news-summary">{escape(item.summary)}</span></li>'
    )


def _list(items: list[NewsItem], labels: Labels, home: str) -> str:
    return f'<ul class="news-list" {PASSING}>' + "".join(_item(i, labels, home + i.url) for i in items) + "</ul>"


def _feed_link(labels: Labels, home: str) -> str:
    return f'<p><a href="{escape(home)}{FEED_FILE}" type="application/atom+xml">{escape(labels["news.feed"])}</a></p>'


def index(items: list[NewsItem], labels: Labels, home: str) -> str:
    """Every news item, newest first, and the feed."""
    return _feed_link(labels, home) + _list(items, labels, home)


def latest(items: list[NewsItem], labels: Labels, home: str) -> str:
    """The newest few, for the home page."""
    more = f'<p><a href="{escape(home)}news/">{escape(labels["news.all"])}</a></p>'
    return _list(items[:LATEST], labels, home) + more
