"""Files a language's build publishes beside its pages: each event's calendar,
the calendar of all events, and the What's New feed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cleanprod import languages
from cleanprod.publish import calendars, feeds
from cleanprod.content.datasets import Dataset
from cleanprod.content.events import FOLDER, Events
from cleanprod.content.news import NewsItem
from cleanprod.paths import FEED_FILE


def write(
    folder: Path,
    *,
    lang: str,
    labels: dict[str, str],
    site_name: str,
    site_url: str,
    events: Events,
    news: list[NewsItem],
    venues: Dataset,
    changed: dict[str, datetime],
) -> None:
    """Write into `folder`, the language's root in the built site."""
    home = languages.get(lang).url_prefix
    (folder / FOLDER).mkdir(parents=True, exist_ok=True)
    vevents = []
    for event in events.by_lang[lang]:
        vevents.append(calendars.vevent(event, events, venues, site_url, home, changed[event.slug]))
        (folder / FOLDER / f"{event.slug}.ics").write_bytes(calendars.calendar(vevents[-1:], event.title))
    every = calendars.calendar(vevents, f"{site_name}: {labels['events.upcoming']}")
    (folder / FOLDER / "calendar.ics").write_bytes(every)
    feed = folder / FEED_FILE
    feed.parent.mkdir(parents=True, exist_ok=True)
    feed.write_bytes(feeds.atom(news, f"{site_name}: {labels['news.title']}", lang, site_url, home))
