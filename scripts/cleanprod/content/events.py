"""Events (docs/events/*.md): read, checked and put in order.

An event's front matter is checked against docs/_data/event.schema.json, with
the venues of docs/data/venues.csv and the sectors of docs/data/sectors.csv as
the allowed values; then its times are read (Hong Kong time), the end must come
after the start, and the zh-Hant and English files must agree.

A detail an event's source does not give (the time, the venue, the language,
the fee) is left out of its front matter and is None here: the pages say it
is not published, and nothing fills it in. A real event names its source
(the page that announces it), which its page links to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from cleanprod.content import entries
from cleanprod.content.chinese import converter_for, in_language
from cleanprod.problems import Problem
from cleanprod.content.revision import HONG_KONG

FOLDER = "events"
SCHEMA = "event.schema.json"
ALL_SECTORS = "all"
SHARED = ("type", "start", "end", "venue", "language", "fee_hkd", "sectors", "registration", "status", "example")
NOT_PUBLISHED = None  # a detail the event's source does not give


@dataclass(frozen=True)
class Event:
    """One event in one language, its fields checked and typed."""

    slug: str
    lang: str
    title: str
    description: str
    type: str
    start: datetime
    end: datetime  # for an event without times, the start of the day after its last day
    timed: bool  # False: its source gives the day(s), not the time
    venue: str | None
    language: tuple[str, ...]  # empty: not published
    fee_hkd: int | None
    sectors: tuple[str, ...] | None  # empty: all sectors; None: not published (listed under every sector)
    registration_url: str | None
    registration_deadline: datetime | None
    status: str | None  # None: held as planned, nothing to announce
    example: bool
    source: Path  # the file it was written in
    source_title: str | None = None  # where the event is published
    source_url: str | None = None

    @property
    def url(self) -> str:
        """Its page, relative to its language's home: events/2027-01-15-energy/."""
        return f"{FOLDER}/{self.slug}/"

    @property
    def last_day(self) -> date:
        return self.end.date() if self.timed else (self.end - timedelta(days=1)).date()

    def upcoming(self, today: date) -> bool:
        return self.last_day >= today

    @property
    def registration_closes(self) -> datetime | None:
        """When registration closes: the deadline's time if it gives one, or
        the end of its day (2027-01-14 takes registrations all that day)."""
        deadline = self.registration_deadline
        if deadline is None:
            return None
        return deadline + timedelta(days=1) if deadline.time() == time(0) else deadline

    def registration_open(self, today: date) -> bool:
        closes = self.registration_closes
        return bool(self.registration_url) and self.status == "open" and self.upcoming(today) and (closes is None or closes > datetime.combine(today, time(0), HONG_KONG))


@dataclass(frozen=True)
class Events:
    schema: dict
    by_lang: dict[str, list[Event]]  # each language's events, soonest first

    def label(self, field: str, code: str, lang: str) -> str:
        """A code's words (type, status, language of delivery) from the schema's x-labels."""
        return in_language(self.schema["properties"][field]["x-labels"][code], lang)

    def codes(self, field: str) -> list[str]:
        return list(self.schema["properties"][field]["x-labels"])


def load_all(pages, docs: Path, sector_codes: list[str] | None, venue_codes: list[str] | None) -> tuple[Events, list[Problem]]:
    sectors = None if sector_codes is None else [ALL_SECTORS, *sector_codes]
    schema = entries.load_schema(docs / "_data" / SCHEMA, {"venue": venue_codes, "sectors[]": sectors})
    by_lang, problems = entries.load_records(
        pages, docs, FOLDER, schema, kind="event", shared=SHARED, make=_event, lists=("language", "sectors"), more_checks=_check_times
    )
    for events in by_lang.values():
        events.sort(key=lambda e: (e.start, e.slug))
    return Events(schema, by_lang), problems


def _check_times(page, meta: dict) -> list[Problem]:
    """Each time is a real one, and they come in order: start, then end, and
    the registration deadline no later than the end. A start with a time
    needs an end with one; a start without a time (its source gives only
    the day) has an end without one, or none."""
    problems = []
    times = {}
    for name in ("start", "end", "registration.deadline"):
        value = meta.get("registration", {}).get("deadline") if name == "registration.deadline" else meta.get(name)
        if value is None:
            continue
        try:
            times[name] = entries.parse_time(value)
        except ValueError:
            problems.append(Problem(page.path, entries.field_line(page, name), f"'{name}' is '{value}', which is not a real date and time", "check the day and the month, and write the time as HH:MM, from 00:00 to 23:59"))
    timed = {name: " " in str(meta[name]).replace("T", " ") for name in ("start", "end") if name in times}
    if timed.get("start") and "end" not in page.meta:
        problems.append(Problem(page.path, entries.field_line(page, "start"), "the event has a start time but no end", "add 'end:' with the date and time the event ends, such as 2027-01-15 17:00"))
    elif "start" in timed and "end" in timed and timed["start"] != timed["end"]:
        problems.append(Problem(page.path, entries.field_line(page, "end"), "'start' and 'end' must both give a time, or both give only the date", "write both as YYYY-MM-DD HH:MM, or both as YYYY-MM-DD when the time is not published"))
    elif "start" in times and "end" in times and (times["end"] <= times["start"] if timed["start"] else times["end"] < times["start"]):
        problems.append(Problem(page.path, entries.field_line(page, "end"), f"the event ends ({meta['end']}) before or when it starts ({meta['start']})", "correct 'start' or 'end'"))
    deadline = times.get("registration.deadline")
    if deadline and "end" in times and deadline > times["end"]:
        problems.append(Problem(page.path, entries.field_line(page, "registration.deadline"), f"the registration deadline ({meta['registration']['deadline']}) is after the event ends", "correct the deadline"))
    return problems


def _event(record: entries.Record, lang: str) -> Event:
    meta = record.meta
    convert = converter_for(lang)
    registration = meta.get("registration") or {}
    sectors = tuple(meta.get("sectors") or ())
    source = meta.get("source") or {}
    start = entries.parse_time(meta["start"])
    timed = " " in meta["start"].replace("T", " ")
    end = entries.parse_time(meta.get("end", meta["start"]))
    return Event(
        slug=record.slug,
        lang=lang,
        title=convert(meta["title"]),
        description=convert(meta.get("description", "")),
        type=meta["type"],
        start=start,
        end=end if timed else end + timedelta(days=1),
        timed=timed,
        venue=meta.get("venue", NOT_PUBLISHED),
        language=tuple(meta.get("language", ())),
        fee_hkd=meta.get("fee_hkd", NOT_PUBLISHED),
        sectors=None if "sectors" not in meta else () if ALL_SECTORS in sectors else sectors,
        registration_url=registration.get("url"),
        registration_deadline=entries.parse_time(registration["deadline"]) if registration.get("deadline") else None,
        status=meta.get("status"),
        example=bool(meta.get("example")),
        source=record.page.path,
        source_title=convert(source["title"]) if source else None,
        source_url=source.get("url"),
    )
