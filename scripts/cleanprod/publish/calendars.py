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

from cleanprod import languages
from cleanprod.content.datasets import Dataset
from cleanprod.content.events import Event, Events

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
_STATUS = {"open": "CONFIRMED", "full": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def uid(event: Event, site_url: str) -> str:
    return f"{event.slug}@{urlsplit(site_url).hostname or 'localhost'}"


def vevent(event: Event, events: Events, venues: Dataset, site_url: str, home: str, changed: datetime) -> bytes:
    """One event as a VEVENT. `home` is the language's home URL path ('', 'en/');
    `changed` is the event file's last change, for DTSTAMP and LAST-MODIFIED."""
    entry = icalendar.Event()
    stamp = changed.astimezone(timezone.utc)
    entry.add("uid", uid(event, site_url))
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    if event.timed:
        entry.add("dtstart", event.start.replace(tzinfo=HONG_KONG))
        entry.add("dtend", event.end.replace(tzinfo=HONG_KONG))
    else:  # its source gives the day(s) only: a whole-day event, its end the day after
        entry.add("dtstart", event.start.date())
        entry.add("dtend", event.end.date())
    status = events.label("status", event.status, event.lang) if event.status else ""
    summary = event.title if event.status in ("open", None) else f"{event.title} ({status})"
    entry.add("summary", summary)
    if event.venue:
        entry.add("location", venues.name_of(venues.row_by_key()[event.venue], event.lang))
    entry.add("url", urljoin(site_url, home + event.url))
    entry.add("categories", [events.label("type", event.type, event.lang)])
    entry.add("status", _STATUS.get(event.status, "CONFIRMED"))
    full_stop = languages.get(event.lang).full_stop
    description = " ".join(filter(None, [event.description, status and status + full_stop, event.registration_url or event.source_url or ""]))
    entry.add("description", description)
    return entry.to_ical()


def calendar(vevents: list[bytes], name: str) -> bytes:
    """A calendar of events already made into VEVENTs (by `vevent`): each
    event is written once, for its own file and for the file of all events."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Cleaner Production Partnership Programme//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Hong_Kong")
    head, end = cal.to_ical().rsplit(b"END:VCALENDAR", 1)
    return head + b"".join(vevents) + _hong_kong_timezone() + b"END:VCALENDAR" + end


@lru_cache(maxsize=1)
def _hong_kong_timezone() -> bytes:
    """The VTIMEZONE for Hong Kong, worked out once per build."""
    return icalendar.Timezone.from_tzid("Asia/Hong_Kong").to_ical()
