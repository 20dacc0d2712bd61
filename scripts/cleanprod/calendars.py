"""iCalendar (RFC 5545) files for events, made with the icalendar library:
one per event and one for all events, in each language.

Times are in Hong Kong time with its VTIMEZONE; each event's UID is the same
in every file and every build (its file name and the site's host), so a
calendar that imported it updates the event rather than adding it twice; a
cancelled event is STATUS:CANCELLED, a postponed one TENTATIVE.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import icalendar

from cleanprod.datasets import Dataset
from cleanprod.events import Event, Events

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
_STATUS = {"open": "CONFIRMED", "full": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


@lru_cache(maxsize=1)
def _hong_kong_timezone() -> icalendar.Timezone:
    """The VTIMEZONE for Hong Kong, worked out once per build (it takes a tenth
    of a second each time, which thousands of events would feel)."""
    return icalendar.Timezone.from_tzid("Asia/Hong_Kong")


def uid(event: Event, site_url: str) -> str:
    return f"{event.slug}@{urlsplit(site_url).hostname or 'localhost'}"


def calendar(chosen: list[Event], name: str, events: Events, venues: Dataset, site_url: str, home: str, changed: dict[str, datetime]) -> bytes:
    """A calendar of `chosen` events. `home` is the language's home URL path ('', 'en/');
    `changed` gives each event file's last change, for DTSTAMP and LAST-MODIFIED."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Cleaner Production Partnership Programme//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Hong_Kong")
    for event in chosen:
        entry = icalendar.Event()
        stamp = changed[event.slug].astimezone(timezone.utc)
        entry.add("uid", uid(event, site_url))
        entry.add("dtstamp", stamp)
        entry.add("last-modified", stamp)
        entry.add("dtstart", event.start.replace(tzinfo=HONG_KONG))
        entry.add("dtend", event.end.replace(tzinfo=HONG_KONG))
        status = events.label("status", event.status, event.lang)
        summary = event.title if event.status in ("open",) else f"{event.title} ({status})"
        entry.add("summary", summary)
        entry.add("location", venues.name_of(venues.row_by_key()[event.venue], event.lang))
        entry.add("url", urljoin(site_url, home + event.url))
        entry.add("categories", [events.label("type", event.type, event.lang)])
        entry.add("status", _STATUS[event.status])
        description = " ".join(filter(None, [event.description, status + ".", event.registration_url or ""]))
        entry.add("description", description)
        cal.add_component(entry)
    cal.add_component(_hong_kong_timezone())
    return cal.to_ical()
