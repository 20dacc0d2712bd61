"""Events rendered for a page: the details panel of an event page, and the
events list (upcoming first, then past events by year) with its filters."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from cleanprod import languages
from cleanprod.content.datasets import Dataset
from cleanprod.content.events import Event, Events
from cleanprod.render.forms import filter_select
from cleanprod.render.markup import PASSING, example_note, fill

Labels = dict[str, str]
CALLED_OFF = ("cancelled", "postponed")  # statuses still shown once the date has passed


def format_when(event: Event, labels: Labels) -> str:
    """'Thursday 21 January 2027, 14:30 to 17:30' / '2027年1月21日（星期四）14:30 至 17:30';
    for an event whose source gives only the day(s): 'Friday 18 April 2008'."""
    language = languages.get(event.lang)

    def day(moment: datetime | date) -> str:
        day_only = moment.date() if isinstance(moment, datetime) else moment
        return language.day(day_only, labels["weekday"].split()[moment.weekday()])

    if not event.timed:
        last = event.last_day
        return day(event.start) if last == event.start.date() else f"{day(event.start)} {labels['event.to']} {day(last)}"
    start = language.moment(day(event.start), event.start)
    end = language.clock(event.end) if event.end.date() == event.start.date() else language.moment(day(event.end), event.end)
    return f"{start} {labels['event.to']} {end}"


def _when(event: Event, labels: Labels) -> str:
    """The date and time as a <time> element, with the time zone, or with
    'time not published' where the source gives only the day."""
    moment = event.start.isoformat() if event.timed else event.start.date().isoformat()
    note = labels["event.hk-time"] if event.timed else labels["event.time-not-published"]
    return f'<time datetime="{moment}">{escape(format_when(event, labels))}</time> {escape(note)}'


def _not_published(labels: Labels) -> str:
    return f'<span class="not-published">{escape(labels["event.not-published"])}</span>'


def venue_name(event: Event, venues: Dataset) -> str | None:
    """The venue's name in the event's language, or None where it is not published."""
    return venues.name_of(venues.row_by_key()[event.venue], event.lang) if event.venue else None


def _sectors(event: Event, sectors: Dataset, labels: Labels) -> str:
    if not event.sectors:
        return labels["event.all-sectors"]
    rows = sectors.row_by_key()
    return languages.get(event.lang).joiner.join(sectors.name_of(rows[code], event.lang) for code in event.sectors)


def panel(event: Event, events: Events, venues: Dataset, sectors: Dataset, labels: Labels, calendar_link: str, today: date) -> str:
    """The event's details from its front matter, in the page's language.

    The page is built on the day of the site's last change, and may be read
    long after: events.js marks the event as past once it has ended, taking
    away what is shown only while it is to come (data-while-upcoming), and
    the registration link once registration has closed (data-until)."""
    lang = event.lang
    joiner = languages.get(lang).joiner
    if event.fee_hkd is None:
        fee = _not_published(labels)
    else:
        fee = escape(labels["event.free"] if event.fee_hkd == 0 else fill(labels["calc.money"], amount=f"{event.fee_hkd:,}"))
    venue = venue_name(event, venues)
    languages_held = joiner.join(events.label("language", code, lang) for code in event.language)
    rows = [
        ("event.type", escape(events.label("type", event.type, lang)), ""),
        ("event.when", _when(event, labels), ""),
        ("event.venue", escape(venue) if venue else _not_published(labels), ""),
        ("event.language", escape(languages_held) if languages_held else _not_published(labels), ""),
        ("event.fee", fee, ""),
        ("event.sectors", escape(_sectors(event, sectors, labels)) if event.sectors is not None else _not_published(labels), ""),
    ]
    if event.status and (event.upcoming(today) or event.status in CALLED_OFF):
        rows.append(("event.status", f'<strong class="event-status event-status--{escape(event.status)}">{escape(events.label("status", event.status, lang))}</strong>', _while_upcoming(event)))
    if event.registration_open(today):
        register = f'<a href="{escape(event.registration_url)}">{escape(labels["event.register"])}</a>'
        if event.registration_deadline:
            register += " " + escape(fill(labels["event.deadline"], date=languages.get(lang).date(event.registration_deadline.date())))
        closes = event.registration_closes
        rows.append(("event.register", register, f' data-until="{(closes or event.end).isoformat()}"'))
    if event.source_url:
        rows.append(("data.source", f'<a href="{escape(event.source_url)}">{escape(event.source_title or event.source_url)}</a>', ""))
    details = "".join(f"<dt{only}>{escape(labels[key])}</dt><dd{only}>{value}</dd>" for key, value, only in rows)
    note = example_note(labels["example.event"], labels) if event.example else ""
    past = f'<p class="event-past">{escape(labels["event.past"])}</p>' if not event.upcoming(today) else ""
    return (
        f'{note}<section class="event-panel" aria-label="{escape(labels["event.details"])}" data-ends="{event.end.isoformat()}" data-past="{escape(labels["event.past"])}">'
        f'{past}<dl>{details}</dl>'
        f'<p><a class="event-calendar" href="{escape(calendar_link)}" download>{escape(labels["event.calendar"])}</a></p></section>'
    )


def _while_upcoming(event: Event) -> str:
    """The attribute that has events.js take a status away once the event
    has ended: all but 'cancelled' and 'postponed', which stay true."""
    return "" if event.status in CALLED_OFF else " data-while-upcoming"


def _item(event: Event, events: Events, venues: Dataset, labels: Labels, link: str, today: date) -> str:
    lang = event.lang
    badge = f' <strong class="example-badge">{escape(labels["example.badge"])}</strong>' if event.example else ""
    moment = event.start.isoformat() if event.timed else event.start.date().isoformat()
    facts = [
        f'<time datetime="{moment}">{escape(format_when(event, labels))}</time>',
        escape(events.label("type", event.type, lang)),
    ]
    venue = venue_name(event, venues)
    if venue:
        facts.append(escape(venue))
    if event.status and (event.upcoming(today) or event.status in CALLED_OFF):
        facts.append(f'<span class="event-status event-status--{escape(event.status)}"{_while_upcoming(event)}>{escape(events.label("status", event.status, lang))}</span>')
    sectors = " ".join(event.sectors or ()) or "all"
    return (
        f'<li class="event-item" data-type="{escape(event.type)}" data-sectors="{escape(sectors)}" data-ends="{event.end.isoformat()}" data-year="{event.start.year}">'
        f'<a href="{escape(link)}">{escape(event.title)}</a>{badge}<br><span class="event-facts">{" · ".join(facts)}</span></li>'
    )


def index(lang: str, events: Events, venues: Dataset, sectors: Dataset, labels: Labels, home: str, today: date) -> str:
    """Every event: upcoming (soonest first), then past by year (latest first);
    filters for the script. events.js moves an event that has ended since the
    build to the past events, with the headings named in data-past and
    data-none-upcoming."""
    all_events = events.by_lang[lang]
    upcoming = [e for e in all_events if e.upcoming(today)]
    past = sorted((e for e in all_events if not e.upcoming(today)), key=lambda e: e.start, reverse=True)

    def items(chosen: list[Event]) -> str:
        return f'<ul class="event-list" {PASSING}>' + "".join(_item(e, events, venues, labels, home + e.url, today) for e in chosen) + "</ul>"

    parts = [f'<h2 id="upcoming">{escape(labels["events.upcoming"])}</h2>']
    parts.append(items(upcoming) if upcoming else f'<p>{escape(labels["events.none-upcoming"])}</p>')
    if past:
        parts.append(f'<h2 id="past">{escape(labels["events.past"])}</h2>')
        for year in sorted({e.start.year for e in past}, reverse=True):
            parts.append(f'<h3 id="past-{year}">{year}</h3>' + items([e for e in past if e.start.year == year]))
    subscribe = f'<p><a href="{escape(home)}events/calendar.ics" download>{escape(labels["events.calendar"])}</a></p>'
    return subscribe + _filters(lang, events, sectors, labels) + (
        f'<div class="event-lists" data-event-lists data-past="{escape(labels["events.past"])}" data-none-upcoming="{escape(labels["events.none-upcoming"])}">'
        + "".join(parts) + "</div>"
    )


def _filters(lang: str, events: Events, sectors: Dataset, labels: Labels) -> str:
    """The filter form: hidden until events.js runs; the list is complete without it."""
    everything = labels["events.filter.all"]
    types = [(code, events.label("type", code, lang)) for code in events.codes("type")]
    sector_options = [(code, sectors.name_of(row, lang)) for code, row in sectors.row_by_key().items()]
    total = len(events.by_lang[lang])
    return (
        '<form class="event-filters" data-event-filters hidden>'
        + filter_select("filter-type", "type", labels["events.filter.type"], everything, types)
        + filter_select("filter-sector", "sector", labels["events.filter.sector"], everything, sector_options)
        + f'<p class="event-count" role="status" aria-live="polite" data-event-count data-template="{escape(labels["events.filter.shown"])}" '
        f'data-none="{escape(labels["events.filter.none"])}" data-total="{total}"></p></form>'
    )
