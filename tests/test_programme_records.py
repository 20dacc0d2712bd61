"""The programme as its sources record it: the figures stated over time
(approvals, promotion, the demonstration projects' outcome, logo awardees),
each on its page with its source in every language; the real events and
news, each with its source; details a source does not give shown as not
published; and no placeholder address anywhere in the built site."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest

from cleanprod.checks import links
from cleanprod.content import datasets
from cleanprod.paths import DATA_FILES
from cleanprod.checks.validate import validate
from conftest import LANG_PREFIXES, edit, read_html

OVER = {"zh-Hant": "超過 {}", "en": "over {}", "zh-Hans": "超过 {}"}
ABOUT = {"zh-Hant": "約 {}", "en": "about {}", "zh-Hans": "约 {}"}
NOT_PUBLISHED = {"zh-Hant": "未有公布", "en": "Not published", "zh-Hans": "未有公布"}
EVENTS = [
    "2008-04-18-programme-launch",
    "2011-10-27-logo-ceremony",
    "2012-11-20-logo-ceremony",
    "2015-02-05-working-group-first-meeting",
    "2015-10-29-working-group-second-meeting",
    "2017-10-27-working-group-fourth-meeting",
    "2018-12-07-working-group-fifth-meeting",
    "2022-12-15-working-group-ninth-meeting",
    "2025-03-25-online-seminar",
]
NEWS = ["2013-03-27-extended-programme-applications", "2015-06-15-new-phase-applications"]
PLACEHOLDER = re.compile(r"(?:[\w.-]+\.)?example\.(?:org|com|net)|[\w-]+\.(?:example|invalid)\b")


def rows_of(name: str) -> list[dict[str, str]]:
    with (DATA_FILES / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def table_rows(html, selector: str) -> list[tuple[str, list[str], list[str]]]:
    """Each body row of the table: its text, its cells' texts and the addresses it links to."""
    table = html.select_one(selector)
    assert table is not None, selector
    return [
        (tr.get_text(" ", strip=True), [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])], [a["href"] for a in tr.select("a[href]")])
        for tr in table.select("tbody tr")
    ]


# ---- Figures over time ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_cumulative_approvals_are_over_figures_each_with_its_source(site: Path, lang: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "statistics/")
    found = table_rows(html, "#approvals-over-time ~ .data-table table")
    stated = rows_of("approvals-over-time.csv")
    assert [r["approved"] for r in stated] == ["330", "2000", "2400", "2500", "2800"]
    assert len(found) == len(stated)
    for (text, _, hrefs), row in zip(found, stated):
        assert OVER[lang].format(f"{int(row['approved']):,}") in text
        assert hrefs == [row["source_url"]]
    chart = html.select_one("#approvals-over-time ~ figure")
    title = chart.select_one("svg title").get_text()
    assert {"zh-Hant": "至少", "en": "at least", "zh-Hans": "至少"}[lang] in title
    labels = [t.get_text() for t in chart.select("svg text.value")]
    assert labels == [OVER[lang].format(f"{int(r['approved']):,}") for r in stated]  # never a bare, exact-looking count
    assert OVER[lang].format("2,800") in html.select("#approvals-over-time ~ p")[1].get_text()


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_promotion_figures_as_the_sources_state_them(site: Path, lang: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "statistics/")
    found = table_rows(html, "#promotion ~ .data-table table")
    assert ABOUT[lang].format("27,000") in found[0][0] and found[0][2] == ["https://www.cleanerproduction.hk/sc/awards?post=4"]
    assert {"zh-Hant": "接近 390", "en": "close to 390", "zh-Hans": "接近 390"}[lang] in found[1][0]
    assert found[1][2] == ["https://www.gov.hk/en/residents/environment/support/cppp.htm"]
    text = html.select_one("article").get_text()
    assert {"zh-Hant": "54 項認知推廣活動", "en": "54 awareness promotion activities", "zh-Hans": "54 项认知推广活动"}[lang] in text
    assert ABOUT[lang].format("4,100").replace(" ", "") in text.replace(" ", "").replace("有", "")


@pytest.mark.parametrize("page", ["statistics/", "cases/"])
@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_demonstration_outcome_with_its_source_and_no_period(site: Path, lang: str, page: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + page)
    anchor = "#demonstration" if page == "statistics/" else "#outcome"
    found = table_rows(html, f"{anchor} ~ .data-table table")
    assert [cells[3] for _, cells, _ in found] == ["480", "520", "370", "110,000", "2,100,000"]
    assert all(cells[1] == "151" and hrefs == ["https://www.cleanerproduction.hk/sc/awards?post=4"] for _, cells, hrefs in found)
    caption = html.select_one(f"{anchor} ~ .data-table caption").get_text()
    assert {"zh-Hant": "沒有說明這些數字涵蓋的期間", "en": "does not say what period", "zh-Hans": "没有说明这些数字涵盖的期间"}[lang] in caption


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_cases_page_leads_with_the_real_outcome_and_marks_example_totals(site: Path, lang: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "cases/")
    headings = [h["id"] for h in html.select("article h2[id]")]
    assert headings[0] == "outcome"
    example = {"zh-Hant": "示例", "en": "example", "zh-Hans": "示例"}[lang]
    assert example in html.select_one(".case-totals caption").get_text()
    assert example in html.select_one("#by-sector").get_text()


@pytest.mark.parametrize("page", ["statistics/", "partners/"])
@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_logo_awardees_by_year_with_only_the_classes_each_source_gives(site: Path, lang: str, page: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + page)
    anchor = "#partners" if page == "statistics/" else "#official"
    found = {cells[0].split()[0]: (cells[1:-1], hrefs) for _, cells, hrefs in table_rows(html, f"{anchor} ~ .data-table table")}
    gap = NOT_PUBLISHED[lang]
    # Columns: manufacturing (not split), Excellent Partner, Partner, supply chain, technology service, total.
    assert found["2011"][0] == ["113", gap, gap, "6", "20", "139"]
    assert found["2012"][0] == ["109", gap, gap, "3", "24", "136"]
    assert found["2015"][0] == [gap, "73", "74", "3", "13", "163"]
    assert found["2017"][0] == [gap, "87", "79", "2", "16", "184"]
    assert found["2018"][0] == [gap] * 5 + [ABOUT[lang].format("150")]
    assert found["2019"][0] == [gap, "36", "116", "3", "25", "180"]
    assert found["2022"][0] == [gap, "36", "105", "1", "13", "155"]
    assert list(found) == ["2011", "2012", "2015", "2017", "2018", "2019", "2022"]  # no year the sources do not give
    assert found["2018"][1] == ["https://www.hketousa.gov.hk/usa/press/2018/dec/120718_1.htm"]
    assert found["2022"][1] == ["https://www.news.gov.hk/chi/2022/12/20221215/20221215_182556_136.html"]
    proposed = {"zh-Hant": "擬議名單", "en": "Proposed list", "zh-Hans": "拟议名单"}[lang]
    assert proposed in html.select_one(f"{anchor} ~ .data-table table").get_text()
    bars = [t.get_text() for t in html.select_one(f"{anchor} ~ figure svg").select("text.value")]
    assert bars == ["139", "136", "163", "184", ABOUT[lang].format("150"), "180", "155"]


@pytest.mark.parametrize(
    "lang,phase,money",
    [
        ("zh-Hant", "第五階段，至 2027 年", ["650,000 港元", "750,000 港元"]),
        ("en", "phase 5, to 2027", ["HK$650,000", "HK$750,000"]),
        ("zh-Hans", "第五阶段，至 2027 年", ["650,000 港元", "750,000 港元"]),
    ],
)
def test_home_page_leads_with_the_current_phase_and_the_figures(site: Path, lang: str, phase: str, money: list[str]) -> None:
    html = read_html(site, LANG_PREFIXES[lang])
    first = html.select_one("article h2")
    assert first["id"] == "current" and phase in first.get_text()
    current = first.find_next("ul").get_text()
    assert all(m in current for m in money)
    hrefs = [a["href"] for a in html.select("article a[href]")]
    assert {"funding/", "eligibility/", "apply/"} <= set(hrefs)
    assert "https://www.cleanerproduction.hk/en/events?id=549" in hrefs
    assert "https://www.smelink.gov.hk/zh/web/sme-portal/w/cleaner-production-partnership-programme.html" in hrefs
    text = html.select_one("article").get_text()
    assert OVER[lang].format("2,800") in text and "155" in text and "110,000" in text
    assert html.select_one("article figure svg.data-chart") is not None
    assert "https://www.policyaddress.gov.hk/09-10/eng/p36.html" in hrefs  # the chart's table names each source


# ---- Events and news ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_events_and_news_are_the_real_ones_with_their_sources(site: Path, lang: str) -> None:
    prefix = LANG_PREFIXES[lang]
    listed = [a["href"] for a in read_html(site, prefix + "events/").select(".event-item > a")]
    assert sorted(href.split("/")[-2] for href in listed) == EVENTS
    for slug in EVENTS:
        page = read_html(site, f"{prefix}events/{slug}/")
        sources = [a["href"] for a in page.select(".event-panel dd a[href^='https://']")]
        assert len(sources) == 1, slug
        assert page.select_one(".example-badge") is None
    assert [a["href"].split("/")[-2] for a in read_html(site, prefix + "news/").select(".news-item > a")] == NEWS[::-1]
    for slug in NEWS:
        page = read_html(site, f"{prefix}news/{slug}/")
        assert page.select_one(".record-source a[href^='https://']") is not None
        assert page.select_one(".example-badge") is None


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_events_page_says_where_upcoming_events_are_announced(site: Path, lang: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "events/")
    assert html.select_one('article a[href="https://www.cleanerproduction.hk/"]') is not None
    assert html.select_one("#upcoming + p") is not None  # none invented: the list says there are none


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_a_past_event_without_time_fee_or_venue_says_they_are_not_published(site: Path, lang: str) -> None:
    panel = read_html(site, LANG_PREFIXES[lang] + "events/2008-04-18-programme-launch/").select_one(".event-panel")
    details = {dt.get_text(): dd.get_text() for dt, dd in zip(panel.select("dt"), panel.select("dd"))}
    venue, fee, language = {"zh-Hant": ("地點", "費用", "語言"), "en": ("Venue", "Fee", "Language"), "zh-Hans": ("地点", "费用", "语言")}[lang]
    assert details[venue] == details[fee] == details[language] == NOT_PUBLISHED[lang]
    when = {"zh-Hant": "2008年4月18日（星期五） （時間未有公布）", "en": "Friday 18 April 2008 (time not published)", "zh-Hans": "2008年4月18日（星期五） （时间未有公布）"}[lang]
    assert panel.select_one("time")["datetime"] == "2008-04-18"
    assert when == " ".join(details[{"zh-Hant": "日期及時間", "en": "Date and time", "zh-Hans": "日期及时间"}[lang]].split())
    assert ":" not in panel.select_one("time").get_text()  # no time filled in


def test_an_event_without_a_time_is_a_whole_day_in_the_calendar(site: Path) -> None:
    [event] = icalendar.Calendar.from_ical((site / "en" / "events" / "2008-04-18-programme-launch.ics").read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == "2008-04-18" and event.decoded("dtend").isoformat() == "2008-04-19"
    assert "LOCATION" not in event
    [timed] = icalendar.Calendar.from_ical((site / "en" / "events" / "2025-03-25-online-seminar.ics").read_bytes()).walk("VEVENT")
    assert timed.decoded("dtstart").isoformat() == "2025-03-25T14:30:00+08:00" and str(timed["LOCATION"]) == "Online"


# ---- No placeholder addresses ------------------------------------------------------


def test_no_placeholder_address_anywhere_in_the_built_site(site: Path) -> None:
    """Nothing built (pages, calendars, feeds, data) names example.org or the
    like, except the site's own address, which the build is given."""
    own = urlsplit(links.site_base(site)).hostname  # in the calendars' event ids too
    assert own and not links.check(site).broken
    for file in site.rglob("*"):
        if file.suffix not in (".html", ".ics", ".xml", ".json", ".csv", ".txt") or "pagefind" in file.parts:
            continue
        text = file.read_text(encoding="utf-8").replace(own, "")
        found = PLACEHOLDER.findall(text)
        assert not found, f"{file.relative_to(site)}: {found[:3]}"


def test_the_link_check_stops_at_a_placeholder_address(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://cpp.example.org/"><a href="https://cpp.example.org/">home</a>'
        '<a href="https://example.org/register">Register</a><a href="mailto:info@example.com">mail</a>'
        '<a href="https://www.cleanerproduction.hk/">programme</a>',
        encoding="utf-8",
    )
    report = links.check(site)
    assert report.broken == {"index.html": [
        "'https://example.org/register' is a placeholder address (example.org), which leads nowhere: link to the real address, or remove the link",
        "'mailto:info@example.com' is a placeholder address (example.com), which leads nowhere: link to the real address, or remove the link",
    ]}
    assert list(report.external) == ["https://www.cleanerproduction.hk/"]


# ---- What staff are told -----------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for name in ("approvals-over-time", "logo-awardees", "promotion"):
        for suffix in (".csv", ".schema.json"):
            shutil.copy(DATA_FILES / (name + suffix), tmp_path / (name + suffix))
    return tmp_path


def messages(path: Path) -> list[str]:
    return [str(problem) for problem in datasets.load(path)[1]]


def test_a_figure_without_its_source_is_named(data: Path) -> None:
    edit(data / "approvals-over-time.csv", "2017-10-27,2800,over,香港政府新聞網（news.gov.hk），2017 年 10 月 27 日,", "2017-10-27,2800,over,,")
    [message] = messages(data / "approvals-over-time.csv")
    assert "approvals-over-time.csv, row 6, column 'source_zh-Hant': the value is empty. Fix: every figure needs its source: write the title and publisher of the page it comes from" in message


def test_an_exact_count_is_refused_where_the_source_says_over(data: Path) -> None:
    edit(data / "approvals-over-time.csv", "2009-09-30,330,over", "30/9/2009,330,exact")
    found = messages(data / "approvals-over-time.csv")
    assert any("row 2, column 'as_of': found '30/9/2009', expected a date written as year-month-day. Fix: write the date as YYYY-MM-DD" in m for m in found)
    assert any("row 2, column 'qualifier': found 'exact', which is not one of the allowed values. Fix: use one of: over" in m for m in found)


def test_a_source_address_must_be_a_full_address(data: Path) -> None:
    edit(data / "promotion.csv", "https://www.gov.hk/en/residents", "www.gov.hk/en/residents")
    [message] = messages(data / "promotion.csv")
    assert "promotion.csv, row 3, column 'source_url': found 'www.gov.hk/en/residents/environment/support/cppp.htm', which is not in the expected form. Fix: write the source page's full address, starting https://" in message


def test_a_year_whose_classes_do_not_add_up_to_its_total_is_named(data: Path) -> None:
    edit(data / "logo-awardees.csv", "2015,partner,74,", "2015,partner,75,")
    [message] = messages(data / "logo-awardees.csv")
    assert "logo-awardees.csv, rows with year = 2015: the class rows add up to 164, but the row class = total (row 14) states 163. Fix: check each row of year 2015 against its source" in message


def test_an_approximate_total_is_not_checked_against_parts(data: Path) -> None:
    """2018's total is about 150, with no classes: nothing to add up."""
    assert messages(data / "logo-awardees.csv") == []


def test_a_year_after_one_with_an_approximate_total_is_still_added_up(data: Path) -> None:
    """2018 (about 150, no classes) is passed over, not the years after it."""
    edit(data / "logo-awardees.csv", "2022,buyer,1,", "2022,buyer,2,")
    assert messages(data / "logo-awardees.csv") == [
        f"{data / 'logo-awardees.csv'}, rows with year = 2022: the class rows add up to 156, but the row class = total (row 30) states 155. Fix: check each row of year 2022 against its source."
    ]


def test_classes_are_not_added_up_against_an_approximate_or_missing_total(data: Path) -> None:
    awardees = data / "logo-awardees.csv"
    edit(awardees, "2015,total,163,exact", "2015,total,164,about")  # the classes give 163: about 164 is no contradiction
    edit(awardees, "2017,partner,79,", "2017,partner,80,")
    lines = awardees.read_text(encoding="utf-8").splitlines(keepends=True)
    awardees.write_text("".join(line for line in lines if not line.startswith("2017,total,")), encoding="utf-8")  # 2017: no total to add up to
    assert messages(awardees) == []


def test_event_times_must_both_give_a_time_or_neither(project: Path) -> None:
    events = project / "docs" / "events"
    for name in ("2025-03-25-online-seminar.md", "2025-03-25-online-seminar.en.md"):
        edit(events / name, "end: 2025-03-25 16:00\n", "")
    edit(events / "2008-04-18-programme-launch.en.md", "start: 2008-04-18\n", "start: 2008-04-18\nend: 2008-04-18 17:00\n")
    found = [str(p) for p in validate(project / "docs")[1]]
    assert any("2025-03-25-online-seminar.md, line 5: the event has a start time but no end. Fix: add 'end:'" in m for m in found)
    assert any("2008-04-18-programme-launch.en.md, line 6: 'start' and 'end' must both give a time, or both give only the date" in m for m in found)
