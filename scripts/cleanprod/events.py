"""Events (docs/events/*.md): read, checked and put in order.

An event's front matter is checked against docs/_data/event.schema.json, with
the venues of docs/data/venues.csv and the sectors of docs/data/sectors.csv as
the allowed values; then its times are read (Hong Kong time), the end must come
after the start, and the zh-Hant and English files must agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from cleanprod import entries
from cleanprod.chinese import converter_for, in_language
from cleanprod.problems import Problem
from cleanprod.revision import HONG_KONG

FOLDER = "events"
SCHEMA = "event.schema.json"
ALL_SECTORS = "all"
SHARED = ("type", "start", "end", "venue", "language", "fee_hkd", "sectors", "registration", "status", "example")


@dataclass(frozen=True)
class Event:
    """One event in one language, its fields checked and typed."""

    slug: str
    lang: str
    title: str
    description: str
    type: str
    start: datetime
    end: datetime
    venue: str
    language: tuple[str, ...]
    fee_hkd: int
    sectors: tuple[str, ...]  # empty: all sectors
    registration_url: str | None
    registration_deadline: datetime | None
    status: str
    example: bool
    source: Path  # the file it was written in

    @property
    def url(self) -> str:
        """Its page, relative to its language's home: events/2027-01-15-energy/."""
        return f"{FOLDER}/{self.slug}/"

    def upcoming(self, today: date) -> bool:
        return self.end.date() >= today

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
        spec = self.schema["properties"][field]
        return in_language((spec.get("x-labels") or spec["items"].get("x-labels"))[code], lang)

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
    the registration deadline no later than the end."""
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
    if "start" in times and "end" in times and times["end"] <= times["start"]:
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
    return Event(
        slug=record.slug,
        lang=lang,
        title=convert(meta["title"]),
        description=convert(meta.get("description", "")),
        type=meta["type"],
        start=entries.parse_time(meta["start"]),
        end=entries.parse_time(meta["end"]),
        venue=meta["venue"],
        language=tuple(meta["language"]),
        fee_hkd=meta.get("fee_hkd", 0),
        sectors=() if ALL_SECTORS in sectors else sectors,
        registration_url=registration.get("url"),
        registration_deadline=entries.parse_time(registration["deadline"]) if registration.get("deadline") else None,
        status=meta["status"],
        example=bool(meta.get("example")),
        source=record.page.path,
    )
