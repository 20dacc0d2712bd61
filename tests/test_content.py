"""Programme facts on the pages match the source (shared/sources/README.md)."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import CONTENT_PAGES, LANG_PREFIXES, ROOT, all_html_files, read_html

# Approved applications by year and measure, paragraph 10 of the LegCo brief.
APPROVALS = {
    "on-site assessment": [113, 227, 319, 284, 943],
    "demonstration": [25, 25, 38, 41, 129],
    "verification": [28, 178, 154, 370, 730],
}
MEASURE_NAMES = {
    "zh-Hant": {"on-site assessment": "實地評估", "demonstration": "示範項目", "verification": "核證服務"},
    "en": {"on-site assessment": "On-site assessment", "demonstration": "Demonstration project", "verification": "Verification service"},
    "zh-Hans": {"on-site assessment": "实地评估", "demonstration": "示范项目", "verification": "核证服务"},
}


def _rows(html, heading: str = "approvals") -> dict[str, list[str]]:
    """The rows of the first data table after the heading with this id, by their first cell."""
    rows = {}
    for tr in html.select_one(f"#{heading} ~ .data-table table").select("tr"):
        cells = [c.get_text(strip=True) for c in tr.find_all(["td", "th"])]
        if cells:
            rows[cells[0]] = cells[1:]
    return rows


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_statistics_table_has_every_figure_of_the_source(site: Path, lang: str) -> None:
    rows = _rows(read_html(site, LANG_PREFIXES[lang] + "statistics/"))
    for measure, figures in APPROVALS.items():
        assert rows[MEASURE_NAMES[lang][measure]] == [f"{n:,}" for n in figures]


@pytest.mark.parametrize(
    "lang,expected",
    [
        # The logo awardees (113, 20, 6) are compared cell by cell in test_logo_awardees_by_class.
        ("zh-Hant", ["1,802 宗", "695 宗", "54 項認知推廣活動", "約有 4,100 名"]),
        ("en", ["1,802 applications", "695 of them", "54 awareness promotion activities", "about 4,100"]),
        ("zh-Hans", ["1,802 项", "695 项", "54 项认知推广活动", "约有 4,100 名"]),
    ],
)
def test_statistics_page_states_the_totals(site: Path, lang: str, expected: list[str]) -> None:
    text = read_html(site, LANG_PREFIXES[lang] + "statistics/").select_one("article").get_text()
    for figure in expected:
        assert figure in text


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_statistics_yearly_totals_add_up_to_the_stated_totals(site: Path, lang: str) -> None:
    rows = _rows(read_html(site, LANG_PREFIXES[lang] + "statistics/"))
    total = next(v for k, v in rows.items() if k in ("總數", "Total", "总数"))
    sums = [sum(col) for col in zip(*APPROVALS.values())]
    assert total == [f"{n:,}" for n in sums]
    assert sums[3] == 695 and sums[4] == 1802


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_logo_awardees_by_class(site: Path, lang: str) -> None:
    """2011's counts as the brief gives them (113 manufacturing, 6 buyers, 20
    service providers), manufacturing not split by class, and the total."""
    html = read_html(site, LANG_PREFIXES[lang] + "statistics/")
    rows = _rows(html, "partners")
    heads = [th.get_text() for th in html.select_one("#partners ~ .data-table table").select("thead th")]
    names = {"zh-Hant": ["港資製造業企業（未分級別）", "伙伴（供應鏈）", "伙伴（技術服務）", "總數"], "en": ["Hong Kong manufacturing enterprises (not split by class)", "Partner (supply chain)", "Partner (technology service)", "Total"], "zh-Hans": ["港资制造业企业（未分级别）", "伙伴（供应链）", "伙伴（技术服务）", "总数"]}[lang]
    assert [rows["2011"][heads.index(n) - 1] for n in names] == ["113", "6", "20", "139"]


@pytest.mark.parametrize("lang,expected", [("zh-Hant", "累計超過 2,800 宗"), ("en", "over 2,800 applications"), ("zh-Hans", "累计超过 2,800 项")])
def test_home_page_figures_come_from_the_data(site: Path, lang: str, expected: str) -> None:
    text = read_html(site, LANG_PREFIXES[lang]).select_one("article").get_text()
    assert expected in text
    assert "[[data:" not in text


@pytest.mark.parametrize(
    "lang,caps",
    [
        ("zh-Hant", ["每宗申請 15,000 港元", "每個項目平均 160,000 港元", "每個項目 15,000 港元", "費用的 50%", "費用的 100%", "一般可免費參與"]),
        ("en", ["HK$15,000 per application", "an average of HK$160,000 per project", "HK$15,000 per project", "50% of the cost", "100% of the cost", "Generally free"]),
    ],
)
def test_funding_rules_match_the_source(site: Path, lang: str, caps: list[str]) -> None:
    text = read_html(site, LANG_PREFIXES[lang] + "funding/").select_one("article").get_text()
    for cap in caps:
        assert cap in text


@pytest.mark.parametrize(
    "lang,facts",
    [
        ("zh-Hant", ["2008 年 4 月", "為期 5 年", "逾 9,300 萬港元", "香港生產力促進局", "56,000", "紡織業", "家具製造業", "2010 年 1 月 21 日", "2009 年 8 月"]),
        ("en", ["April 2008", "for 5 years", "over HK$93 million", "Hong Kong Productivity Council", "56,000", "Textiles", "Furniture manufacturing", "21 January 2010", "August 2009"]),
    ],
)
def test_about_page_states_the_source_facts(site: Path, lang: str, facts: list[str]) -> None:
    text = read_html(site, LANG_PREFIXES[lang] + "about/").select_one("article").get_text()
    for fact in facts:
        assert fact in text


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_about_page_lists_the_eight_sectors(site: Path, lang: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "about/")
    heading = html.find(id="sectors")
    assert len(heading.find_next("ol").find_all("li")) == 8


@pytest.mark.parametrize("lang,page,first,last", [
    ("zh-Hant", "eligibility/", "紡織業", "家具製造業"),
    ("en", "funding/", "Textiles", "Furniture manufacturing"),
    ("zh-Hans", "eligibility/", "纺织业", "家具制造业"),
])
def test_who_can_apply_names_the_eight_sectors(site: Path, lang: str, page: str, first: str, last: str) -> None:
    """A factory owner sees whether the trade is one without leaving the page,
    and a search for the trade finds the page (the checker's list is a form,
    which the search does not read)."""
    sectors = read_html(site, LANG_PREFIXES[lang] + page).select(".funding-conditions > li:last-child li")
    names = [li.get_text() for li in sectors]
    assert len(names) == 8 and names[0] == first and names[-1] == last


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_funding_page_gives_each_measure_its_approved_applications_and_statistics_name(site: Path, lang: str) -> None:
    html = read_html(site, f"{LANG_PREFIXES[lang]}funding/")
    for measure, anchor in (("on-site assessment", "assessment"), ("demonstration", "demonstration"), ("verification", "verification")):
        items = [li.get_text("", strip=True) for li in html.select(f"h3#{anchor} ~ ul")[0].select("li")]
        approved = [item for item in items if f"{APPROVALS[measure][-1]:,}".replace(",", "") in item.replace(",", "")]
        assert len(approved) == 1 and MEASURE_NAMES[lang][measure] in approved[0], items


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_home_page_leads_to_each_task_of_its_readers(site: Path, lang: str) -> None:
    """A factory: its sector, the funding, the checker, the coming events; the
    public: the statistics, the partners, the case studies."""
    links = {a["href"] for a in read_html(site, LANG_PREFIXES[lang]).select("article a[href]")}
    assert {"about/#sectors", "funding/", "eligibility/", "events/#upcoming", "statistics/", "partners/", "cases/"} <= links


@pytest.mark.parametrize("lang,source", [("zh-Hant", "docs/funding.md"), ("en", "docs/funding.en.md"), ("zh-Hans", "docs/funding.md")])
def test_every_page_shows_its_revision_date(site: Path, lang: str, source: str) -> None:
    """The day of the last commit that changed the page's source file, in
    Hong Kong, as git gives it (not the day of the build)."""
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", source], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert stamp, f"git has no commit of {source}: the tests need the repository's history"
    day = datetime.fromtimestamp(int(stamp), timezone(timedelta(hours=8))).date()
    months = "January February March April May June July August September October November December".split()
    expected = f"{day.day} {months[day.month - 1]} {day.year}" if lang == "en" else f"{day.year}年{day.month}月{day.day}日"
    stamp = read_html(site, LANG_PREFIXES[lang] + "funding/").select_one(".page-revised time")
    assert (stamp["datetime"], stamp.get_text()) == (day.isoformat(), expected)


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_site_map_lists_every_page(site: Path, lang: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "sitemap/")
    hrefs = {a["href"] for a in html.select("article ul.site-map a")}
    # every page, and every event, news item and case under its listing
    records = {f"../{folder}/{p.stem}/" for folder in ("events", "news", "cases") for p in (ROOT / "docs" / folder).glob("*.md") if p.suffixes == [".md"] and p.stem != "index"}
    assert len(records) >= 10
    pages = {"../", "../about/", "../funding/", "../eligibility/", "../apply/", "../events/", "../news/", "../cases/", "../partners/", "../statistics/", "../open-data/", "../search/", "../notices/", "../privacy/", "../accessibility/", "./"}
    assert hrefs == pages | records


def test_no_page_requests_anything_from_another_site(site: Path) -> None:
    offenders = []
    files = all_html_files(site)
    assert len(files) > 3 * len(CONTENT_PAGES)
    assert len(files) == len(list(site.glob("**/index.html"))) + 3  # and a 404.html per language
    for file in files:
        html = read_html(site, str(file.relative_to(site)))
        for tag in html.select("[src]"):
            if re.match(r"^(https?:)?//", tag["src"]):
                offenders.append((file, tag["src"]))
        for link in html.select("link[href]"):
            rel = set(link.get("rel", []))
            if rel & {"stylesheet", "preconnect", "preload", "icon", "modulepreload"} and re.match(r"^(https?:)?//", link["href"]):
                offenders.append((file, link["href"]))
    assert offenders == []
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_only_the_scripts_pages_load_are_published(site: Path) -> None:
    # Material's bundle, its lunr search and workers (2.3 MB with their source maps) were published though no page loads them.
    # A 404 page, shown at any address, names its scripts from the site's root.
    loaded = {
        ((site / tag["src"].lstrip("/")) if tag["src"].startswith("/") else (file.parent / tag["src"])).resolve().relative_to(site.resolve()).as_posix()
        for file in all_html_files(site)
        for tag in read_html(site, str(file.relative_to(site))).select("script[src]")
        if "pagefind" not in tag["src"]
    }
    published = {p.relative_to(site).as_posix() for p in site.rglob("*.js") if "pagefind" not in p.parts}
    assert published == loaded == {"assets/cases.js", "assets/directory.js", "assets/eligibility.js", "assets/events.js", "assets/menu.js", "assets/search.js"}


def _open_rules(css: str) -> list[int]:
    """The lines of the rules a stylesheet opens and never closes."""
    css = re.sub(r"/\*.*?\*/", lambda comment: "\n" * comment.group().count("\n"), css, flags=re.DOTALL)
    opened: list[int] = []
    for number, line in enumerate(css.splitlines(), start=1):
        for character in line:
            if character == "{":
                opened.append(number)
            elif character == "}":
                assert opened, f"line {number} closes a rule that was never opened"
                opened.pop()
    return opened


def test_every_rule_of_the_site_s_stylesheet_is_closed() -> None:
    """A rule left open takes every rule after it inside it, as nested CSS,
    which a browser without CSS nesting drops."""
    assert _open_rules("a {\n  color: red;\n/* b { } */\n.c {\n  color: blue;\n}\n") == [1]
    assert _open_rules((ROOT / "overrides" / "assets" / "site.css").read_text(encoding="utf-8")) == []
