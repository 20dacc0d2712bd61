"""An Atom feed of What's New in each language, made with feedgen: absolute
links, entries newest first, dates from the items (so the same content always
gives the same feed)."""

from __future__ import annotations

from datetime import datetime, time
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from cleanprod.content.news import NewsItem
from cleanprod.paths import FEED_FILE
from cleanprod.content.revision import HONG_KONG

def atom(items: list[NewsItem], title: str, lang: str, site_url: str, home: str) -> bytes:
    """The feed of `items`; `home` is the language's home URL path ('', 'en/')."""
    index = urljoin(site_url, home + "news/")
    feed = FeedGenerator()
    feed.id(index)
    feed.title(title)
    feed.language(lang)
    feed.link(href=urljoin(site_url, home + FEED_FILE), rel="self", type="application/atom+xml")
    feed.link(href=index, rel="alternate", type="text/html")
    feed.generator("cleanprod")
    moments = [datetime.combine(item.date, time(), HONG_KONG) for item in items]
    feed.updated(max(moments) if moments else datetime(2008, 4, 1, tzinfo=HONG_KONG))
    for item, moment in zip(items, moments):
        entry = feed.add_entry(order="append")
        link = urljoin(site_url, home + item.url)
        entry.id(link)
        entry.title(item.title)
        entry.link(href=link, rel="alternate", type="text/html")
        entry.published(moment)
        entry.updated(moment)
        entry.summary(item.summary)
    return feed.atom_str(pretty=True)
