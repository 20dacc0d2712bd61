"""Events and What's New, built from fixture data with a fixed build date
(1 June 2030), checked as pages, in the browser, and with standard parsers:
icalendar for the calendars, feedparser for the feeds."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml

from conftest import LANG_PREFIXES, copy_project, edit_front_matter, failed_check, read_html, run_build, run_command, serve, visible_links
from cleanprod.checks import unfinished
from cleanprod.content.revision import HONG_KONG

BUILD_DAY = datetime(2030, 6, 1, 9, 0, tzinfo=HONG_KONG)
EVENTS = {
    "2028-05-10-forum": {"type": "conference", "start": "2028-05-10 09:00", "end": "2028-05-10 17:00", "venue": "online", "language": ["english"], "status": "open"},
    "2029-03-01-expo": {"type": "exhibition", "start": "2029-03-01 10:00", "end": "2029-03-03 18:00", "venue": "example-venue", "language": ["cantonese"], "sectors": ["textiles"], "status": "cancelled"},
    "2030-06-10-briefing": {"type": "briefing", "start": "2030-06-10 14:30", "end": "2030-06-10 16:00", "venue": "online", "language": ["cantonese"], "sectors": ["textiles", "paper-products"], "status": "open", "registration": {"url": "https://example.org/r", "deadline": "2030-06-05"}},
    "2030-07-15-workshop": {"type": "seminar-workshop", "start": "2030-07-15 09:30", "end": "2030-07-15 12:30", "venue": "example-venue", "language": ["putonghua"], "status": "postponed"},
    "2030-09-01-visit": {"type": "study-visit", "start": "2030-09-01 08:00", "end": "2030-09-02 18:00", "venue": "example-venue", "language": ["english", "putonghua"], "sectors": ["furniture"], "fee_hkd": 300, "status": "full"},
}
NEWS = {"2030-05-01-may": "2030-05-01", "2030-04-01-april": "2030-04-01", "2030-03-01-march": "2030-03-01", "2029-12-01-december": "2029-12-01"}


def write_page(path: Path, meta: dict, body: str = "Text.") -> None:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n\n# {meta['title']}\n\n{body}\n", encoding="utf-8")


def fixture_content(docs: Path) -> None:
    """Replace the events and news with the fixture's, and add the venue the
    fixture's events use."""
    venues = docs / "data" / "venues.csv"
    venues.write_text(venues.read_text(encoding="utf-8") + "example-venue,示例會場（並非真實地點）,Example venue (not a real place)\n", encoding="utf-8")
    for folder in ("events", "news"):
        for page in (docs / folder).glob("*.md"):
            if not page.name.startswith("index."):
                page.unlink()
    for slug, meta in EVENTS.items():
        write_page(docs / "events" / f"{slug}.md", {"title": f"活動{slug}", **meta})
        write_page(docs / "events" / f"{slug}.en.md", {"title": f"Event {slug}", **meta})
    for slug, day in NEWS.items():
        write_page(docs / "news" / f"{slug}.md", {"title": f"消息{slug}", "date": day, "summary": f"摘要{slug}"})
        write_page(docs / "news" / f"{slug}.en.md", {"title": f"News {slug}", "date": day, "summary": f"Summary {slug}"})


@pytest.fixture(scope="module")
def events_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("events"))
    fixture_content(project / "docs")
    result = run_command(project, "build", env={"SOURCE_DATE_EPOCH": str(int(BUILD_DAY.timestamp()))})
    assert result.returncode == 0, result.stderr
    return project / "site"


# ---- Pages ----------------------------------------------------------------


def test_event_page_panel_in_each_language(events_site: Path) -> None:
    texts = {lang: read_html(events_site, prefix + "events/2030-09-01-visit/").select_one(".event-panel").get_text(" ") for lang, prefix in LANG_PREFIXES.items()}
    assert "Study visit" in texts["en"] and "Sunday 1 September 2030, 08:00 to Monday 2 September 2030, 18:00" in texts["en"]
    assert "Example venue (not a real place)" in texts["en"] and "English, Putonghua" in texts["en"]
    assert "HK$300" in texts["en"] and "Furniture manufacturing" in texts["en"] and "Full" in texts["en"]
    assert "考察訪問" in texts["zh-Hant"] and "2030年9月1日（星期日） 08:00 至 2030年9月2日（星期一） 18:00" in texts["zh-Hant"]
    assert "300 港元" in texts["zh-Hant"] and "名額已滿" in texts["zh-Hant"]
    assert "考察访问" in texts["zh-Hans"] and "名额已满" in texts["zh-Hans"] and "家具制造业" in texts["zh-Hans"]


def test_registration_shown_only_while_open(events_site: Path) -> None:
    panel = read_html(events_site, "en/events/2030-06-10-briefing/").select_one(".event-panel")
    assert panel.select_one('a[href="https://example.org/r"]').get_text() == "Register"
    assert "(registration closes 5 June 2030)" in panel.get_text()
    assert panel.select_one("a.event-calendar")["href"] == "../2030-06-10-briefing.ics"
    past = read_html(events_site, "en/events/2028-05-10-forum/").select_one(".event-panel").get_text()
    assert "This event has taken place." in past and "Open for registration" not in past


def test_events_index_upcoming_first_then_past_by_year(events_site: Path) -> None:
    html = read_html(events_site, "en/events/")
    lists = html.select("[data-event-lists] .event-list")
    upcoming = [a.get_text() for a in lists[0].select(".event-item > a")]
    assert upcoming == ["Event 2030-06-10-briefing", "Event 2030-07-15-workshop", "Event 2030-09-01-visit"]
    years = [h.get_text() for h in html.select("[data-event-lists] h3")]
    assert years == ["2029", "2028"]
    assert [a.get_text() for a in lists[1].select(".event-item > a")] == ["Event 2029-03-01-expo"]
    assert "Cancelled" in lists[1].get_text()
    assert "Postponed" in lists[0].get_text()
    assert [a.get_text() for a in lists[2].select(".event-item > a")] == ["Event 2028-05-10-forum"]


def test_no_upcoming_events_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    fixture_content(project / "docs")
    after_all = datetime(2031, 1, 1, tzinfo=HONG_KONG)
    assert run_command(project, "build", env={"SOURCE_DATE_EPOCH": str(int(after_all.timestamp()))}).returncode == 0
    assert "There are no upcoming events at the moment." in read_html(project / "site", "en/events/").get_text()


def test_news_newest_first_and_latest_three_on_home(events_site: Path) -> None:
    titles = [a.get_text() for a in read_html(events_site, "en/news/").select(".news-item > a")]
    assert titles == [f"News {slug}" for slug in NEWS]
    home = [a.get_text() for a in read_html(events_site, "zh-Hans/").select(".news-item > a")]
    assert home == ["消息2030-05-01-may", "消息2030-04-01-april", "消息2030-03-01-march"]
    page = read_html(events_site, "news/2030-04-01-april/")
    assert page.select_one(".news-date").get_text() == "發布日期：2030年4月1日"


# ---- Calendars --------------------------------------------------------------


def read_calendar(path: Path) -> icalendar.Calendar:
    raw = path.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n")), "RFC 5545: CRLF lines of at most 75 octets"
    return icalendar.Calendar.from_ical(raw)


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_calendar_of_all_events(events_site: Path, lang: str) -> None:
    cal = read_calendar(events_site / LANG_PREFIXES[lang] / "events" / "calendar.ics")
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Hong_Kong"]
    entries = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(entries) == {f"{slug}@cleaner-production.example.org" for slug in EVENTS}
    expo = entries["2029-03-01-expo@cleaner-production.example.org"]
    assert expo["STATUS"] == "CANCELLED"
    assert entries["2030-07-15-workshop@cleaner-production.example.org"]["STATUS"] == "TENTATIVE"
    briefing = entries["2030-06-10-briefing@cleaner-production.example.org"]
    start = briefing.decoded("DTSTART")
    assert start == datetime(2030, 6, 10, 14, 30, tzinfo=HONG_KONG) and start.utcoffset().total_seconds() == 8 * 3600
    assert briefing["DTSTART"].params["TZID"] == "Asia/Hong_Kong"
    assert str(briefing["URL"]) == f"https://cleaner-production.example.org/{LANG_PREFIXES[lang]}events/2030-06-10-briefing/"


def test_one_calendar_per_event_with_the_same_uid_in_every_language(events_site: Path) -> None:
    uids = set()
    for prefix in LANG_PREFIXES.values():
        cal = read_calendar(events_site / prefix / "events" / "2030-09-01-visit.ics")
        [event] = cal.walk("VEVENT")
        uids.add(str(event["UID"]))
        assert event.decoded("DTEND") == datetime(2030, 9, 2, 18, 0, tzinfo=HONG_KONG)
    assert uids == {"2030-09-01-visit@cleaner-production.example.org"}
    [event] = read_calendar(events_site / "events" / "2030-09-01-visit.ics").walk("VEVENT")
    assert "名額已滿" in str(event["SUMMARY"])


# ---- Feeds ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_atom_feed_per_language(events_site: Path, lang: str) -> None:
    feed = feedparser.parse((events_site / LANG_PREFIXES[lang] / "news" / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    links = [entry.link for entry in feed.entries]
    assert links == [f"https://cleaner-production.example.org/{LANG_PREFIXES[lang]}news/{slug}/" for slug in NEWS]
    assert feed.entries[0].published_parsed[:3] == (2030, 4, 30)  # midnight in Hong Kong is the evening before in UTC
    page = read_html(events_site, LANG_PREFIXES[lang])
    assert page.select_one('link[type="application/atom+xml"]')["href"] == f"https://cleaner-production.example.org/{LANG_PREFIXES[lang]}news/feed.xml"


# ---- Filters in the browser --------------------------------------------------


@pytest.fixture(scope="module")
def events_server(events_site: Path):
    with serve(events_site) as address:
        yield address


def shown(page) -> list[str]:
    return visible_links(page, ".event-item")


@pytest.mark.browser
def test_filters_by_type_and_sector(events_server: str, page) -> None:
    page.goto(events_server + "en/events/")
    assert len(shown(page)) == 5
    page.select_option("#filter-type", "study-visit")
    assert shown(page) == ["Event 2030-09-01-visit"]
    assert page.inner_text("[data-event-count]") == "Showing 1 of 5 events"
    page.select_option("#filter-type", "")
    page.select_option("#filter-sector", "textiles")
    assert shown(page) == ["Event 2030-06-10-briefing", "Event 2030-07-15-workshop", "Event 2029-03-01-expo", "Event 2028-05-10-forum"]
    page.select_option("#filter-type", "study-visit")
    assert shown(page) == []
    assert page.inner_text("[data-event-count]") == "No events match these filters."
    assert not page.locator("#past-2028").is_visible()


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "expected"), [("zh-Hant", "顯示 3 項活動（共 5 項）"), ("zh-Hans", "显示 3 项活动（共 5 项）")])
def test_filters_in_chinese(events_server: str, page, lang: str, expected: str) -> None:
    page.goto(events_server + LANG_PREFIXES[lang] + "events/")
    page.select_option("#filter-sector", "paper-products")
    assert page.inner_text("[data-event-count]") == expected


def at(page, moment: str):
    """The tab, its clock set to `moment` in Hong Kong time: the day a reader
    opens the site, after the day it was built (BUILD_DAY)."""
    page.clock.set_fixed_time(datetime.fromisoformat(moment).replace(tzinfo=HONG_KONG))
    return page


@pytest.mark.browser
def test_an_event_that_has_ended_since_the_build_is_listed_as_past(events_server: str, page) -> None:
    """The briefing ends at 16:00 on 10 June 2030; the site was built on 1 June."""
    at(page, "2030-06-10 15:59").goto(events_server + "en/events/")
    assert visible_links(page, "#upcoming + .event-list .event-item")[0] == "Event 2030-06-10-briefing"
    at(page, "2030-06-10 16:01").goto(events_server + "en/events/")
    assert visible_links(page, "#upcoming + .event-list .event-item") == ["Event 2030-07-15-workshop", "Event 2030-09-01-visit"]
    assert [h.inner_text() for h in page.locator("[data-event-lists] h3").all()] == ["2030", "2029", "2028"]
    assert visible_links(page, "#past-2030 + .event-list .event-item") == ["Event 2030-06-10-briefing"]
    assert "Open for registration" not in page.inner_text("#past-2030 + .event-list")
    page.select_option("#filter-type", "briefing")
    assert shown(page) == ["Event 2030-06-10-briefing"] and page.locator("#past-2030").is_visible()
    at(page, "2031-01-01 00:00").goto(events_server + "en/events/")
    assert page.inner_text("#upcoming + *") == "There are no upcoming events at the moment."
    assert [h.inner_text() for h in page.locator("[data-event-lists] h3").all()] == ["2030", "2029", "2028"]
    assert visible_links(page, "#past-2030 + .event-list .event-item") == ["Event 2030-09-01-visit", "Event 2030-07-15-workshop", "Event 2030-06-10-briefing"]
    assert "Postponed" in page.inner_text("#past-2030 + .event-list")  # still true once the date has passed


@pytest.mark.browser
def test_an_event_page_drops_registration_once_closed_and_says_when_it_has_taken_place(events_server: str, page) -> None:
    """Registration for the briefing closes at the end of 5 June 2030."""
    url = events_server + "en/events/2030-06-10-briefing/"
    at(page, "2030-06-05 23:59").goto(url)
    assert page.get_by_role("link", name="Register").is_visible()
    at(page, "2030-06-06 00:00").goto(url)
    panel = page.inner_text(".event-panel")
    assert page.get_by_role("link", name="Register").count() == 0 and "registration closes" not in panel
    assert "Open for registration" in panel and "This event has taken place." not in panel
    at(page, "2030-06-10 16:01").goto(url)
    panel = page.inner_text(".event-panel")
    assert panel.startswith("This event has taken place.") and "Open for registration" not in panel
    at(page, "2031-01-01 00:00").goto(events_server + "zh-Hans/events/2030-07-15-workshop/")
    panel = page.inner_text(".event-panel")
    assert panel.startswith("活动已经举行。") and "延期" in panel


@pytest.mark.browser
def test_without_javascript_the_list_is_complete(page_without_javascript, events_server: str) -> None:
    page = page_without_javascript
    page.goto(events_server + "en/events/")
    assert not page.locator("[data-event-filters]").is_visible()
    assert len(page.locator(".event-item").all()) == 5 and all(item.is_visible() for item in page.locator(".event-item").all())


# ---- Staff mistakes ----------------------------------------------------------


@pytest.fixture
def events_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path)
    fixture_content(project / "docs")
    return project


EVENT = Path("docs") / "events" / "2030-06-10-briefing.en.md"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"type": None}, "docs/events/2030-06-10-briefing.en.md, line 2: 'type' is missing. Fix: add a line 'type: …'."),
        ({"type": "seminar"}, "line 3: 'type' is 'seminar', which is not allowed. Fix: use one of: briefing, study-visit, seminar-workshop, conference, exhibition, launch, ceremony, working-group."),
        ({"sectors": ["textile"]}, "'sectors' is 'textile', which is not allowed. Fix: use one of: all, textiles, printing-publishing,"),
        ({"venue": "city-hall"}, "'venue' is 'city-hall', which is not allowed. Fix: use one of: online, video-conference, hong-kong, guangzhou, zhujiang-hotel, example-venue."),
        ({"end": "2030-06-10 13:00"}, "line 5: the event ends (2030-06-10 13:00) before or when it starts (2030-06-10 14:30). Fix: correct 'start' or 'end'."),
        ({"start": "2030-02-30 10:00"}, "line 4: 'start' is '2030-02-30 10:00', which is not a real date and time."),
        ({"start": "10 June 2030, 2:30pm"}, "'start' is '10 June 2030, 2:30pm', which is not in the expected form. Fix: write the date, and the time in Hong Kong time where it is known, as YYYY-MM-DD HH:MM"),
        ({"status": "closed"}, "'status' is 'closed', which is not allowed. Fix: use one of: open, full, cancelled, postponed."),
        ({"fee_hkd": "free"}, "'fee_hkd' is 'free', expected a whole number."),
        ({"example": "是"}, "'example' is '是', expected true or false. Fix: write true or false."),
        ({"title": 2030}, "'title' is '2030', expected text. Fix: put the text in quotes ('…'), as it would otherwise be read as a number, a date or a list."),
        ({"registration": {"url": "example.org/r"}}, "'url' is 'example.org/r', which is not in the expected form. Fix: the registration page's full address, starting https://."),
        ({"registration": {"url": "https://example.org/r", "deadline": "2030-07-01"}}, "the registration deadline (2030-07-01) is after the event ends."),
        ({"organiser": "HKPC"}, "an entry is not known here ('organiser' was unexpected)."),
        ({"status": "cancelled"}, "'status' is 'cancelled' here but 'open' in 2030-06-10-briefing.md. Fix: make the two languages agree"),
        ({"venue": "example-venue"}, "'venue' is 'example-venue' here but 'online' in 2030-06-10-briefing.md."),
        ({"start": "2030-06-11 14:30", "end": "2030-06-11 16:00"}, "'start' is '2030-06-11 14:30' here but '2030-06-10 14:30' in 2030-06-10-briefing.md."),
    ],
)
def test_event_mistakes_name_file_field_and_allowed_values(events_project: Path, changes: dict, expected: str) -> None:
    edit_front_matter(events_project / EVENT, **changes)
    result = run_command(events_project, "check")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "version" not in result.stderr.replace("make the two languages agree", ""), "a broken file still counts as written"


def test_every_mistake_in_an_event_is_named_at_once(events_project: Path) -> None:
    """An event's times, and the agreement of its two languages, were checked
    only once its front matter passed the schema: a deadline after the event
    was found only after the status was corrected. A time the schema finds
    fault with is named once, not again as a disagreement or an unreal time."""
    edit_front_matter(events_project / EVENT, status="Open", start="10 June 2030", registration={"url": "https://example.org/r", "deadline": "2030-07-01"})
    result = failed_check(events_project, 4)
    assert "'status' is 'Open', which is not allowed." in result.stderr
    assert "'start' is '10 June 2030', which is not in the expected form." in result.stderr
    assert "the registration deadline (2030-07-01) is after the event ends." in result.stderr
    assert "'registration' is 'url: https://example.org/r, deadline: 2030-07-01' here but 'url: https://example.org/r, deadline: 2030-06-05' in 2030-06-10-briefing.md." in result.stderr


def test_event_in_one_language_only(events_project: Path) -> None:
    (events_project / EVENT).unlink()
    result = run_command(events_project, "check")
    assert "docs/events/2030-06-10-briefing.md, the whole file: this event has no English version. Fix: add docs/events/2030-06-10-briefing.en.md" in result.stderr


def test_news_mistakes(events_project: Path) -> None:
    news = events_project / "docs" / "news"
    edit_front_matter(news / "2030-05-01-may.en.md", date="2030-05-02")
    edit_front_matter(news / "2030-04-01-april.md", summary=None)
    edit_front_matter(news / "2030-03-01-march.md", date="2030-13-01")
    (news / "2029-12-01-december.md").write_text("---\ntitle: [broken\n---\n# x\n", encoding="utf-8")
    result = run_command(events_project, "check")
    assert "2030-05-01-may.en.md, line 3: 'date' is '2030-05-02' here but '2030-05-01' in 2030-05-01-may.md" in result.stderr
    assert "2030-04-01-april.md, line 2: 'summary' is missing" in result.stderr
    assert "2030-03-01-march.md, line 3: 'date' is '2030-13-01', which is not a real date" in result.stderr
    assert "2029-12-01-december.md, line 2: the front matter" in result.stderr


def test_a_broken_event_stops_the_build_and_keeps_the_old_site(events_project: Path) -> None:
    edit_front_matter(events_project / EVENT, type="party")
    result = run_build(events_project)
    assert result.returncode == 1 and "'type' is 'party'" in result.stdout + result.stderr
    assert (events_project / "site" / "index.html").read_text(encoding="utf-8") == "previous build"


# ---- The staff command --------------------------------------------------------


def test_new_event_command_writes_both_languages(events_project: Path) -> None:
    result = run_command(
        events_project, "new", "event", "--slug", "energy-talk", "--title-zh", "節能講座", "--title-en", "Energy talk",
        "--type", "briefing", "--start", "2030-08-01 10:00", "--end", "2030-08-01 11:30", "--venue", "online",
        "--sectors", "textiles, furniture",
    )
    assert result.returncode == 0, result.stderr
    zh = events_project / "docs" / "events" / "2030-08-01-energy-talk.md"
    en = events_project / "docs" / "events" / "2030-08-01-energy-talk.en.md"
    assert "title: 節能講座" in zh.read_text(encoding="utf-8")
    assert "sectors: [textiles, furniture]" in en.read_text(encoding="utf-8")
    unwritten = run_command(events_project, "check")  # the text in brackets is for staff to replace
    assert unwritten.returncode == 1
    assert "docs/events/2030-08-01-energy-talk.md, line" in unwritten.stderr and "the page still holds the text written for you to replace: '（在這裡介紹活動" in unwritten.stderr
    for page in (zh, en):
        page.write_text(page.read_text(encoding="utf-8").replace(unfinished.EVENT[0], "講座內容。").replace(unfinished.EVENT[1], "What the talk covers."), encoding="utf-8")
    assert run_command(events_project, "check").returncode == 0


def test_new_event_command_refuses_bad_answers_and_writes_nothing(events_project: Path) -> None:
    result = run_command(
        events_project, "new", "event", "--slug", "energy-talk", "--title-zh", "講座", "--title-en", "Talk",
        "--type", "talk", "--start", "2030-08-01 10:00", "--end", "2030-08-01 09:00", "--venue", "online",
    )
    assert result.returncode == 1
    assert "Nothing was written" in result.stderr and "'type' is 'talk', which is not allowed" in result.stderr
    assert not list((events_project / "docs" / "events").glob("*energy-talk*"))
    missing = run_command(events_project, "new", "news", "--slug", "x")
    assert "Please give: --title-zh, --title-en, --date, --summary-zh, --summary-en" in missing.stderr


def test_new_news_command(events_project: Path) -> None:
    result = run_command(
        events_project, "new", "news", "--slug", "new-phase", "--title-zh", "新一期", "--title-en", "New phase",
        "--date", "2030-06-01", "--summary-zh", "摘要。", "--summary-en", "Summary.",
    )
    assert result.returncode == 0, result.stderr
    assert (events_project / "docs" / "news" / "2030-06-01-new-phase.en.md").exists()
