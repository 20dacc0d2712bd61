"""Demonstration case studies and the partner awardee directory: schema checks,
computed payback, filters and search in a real browser, the cross-check with
the statistics, and escaping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cleanprod.checks import unfinished
from cleanprod.content.datasets import load
from cleanprod.content.labels import load as load_labels
from cleanprod.paths import DATA_FILES, LABELS_FILE
from cleanprod.render import partners
from conftest import LANG_PREFIXES, edit_front_matter, read_html, run_command, visible_links

CASE = Path("docs") / "cases" / "2011-metal-motors.en.md"
PARTNERS = Path("docs") / "data" / "partners.csv"


# ---- Pages ----------------------------------------------------------------------


def test_case_page_panel_and_computed_payback(site: Path) -> None:
    panel = read_html(site, "en/cases/2011-metal-motors/").select_one(".case-panel")
    facts = {dt.get_text(): dd.get_text() for dt, dd in zip(panel.select("dt"), panel.select("dd"))}
    assert facts["Investment"] == "HK$260,000" and facts["Government subsidy"] == "HK$120,000"
    assert facts["Payback period"] == "0.8 years"  # 260,000 ÷ 310,000 a year
    assert facts["Sector"] == "Metal and metal products" and facts["Factory location"] == "Foshan"
    results = {th.get_text(): td.get_text() for th, td in zip(panel.select("tbody th"), panel.select("tbody td"))}
    assert results == {"Electricity saved": "420,000 kWh", "CO₂ emissions cut": "340 tonnes", "Cost saved": "HK$310,000"}
    zh_hans = read_html(site, "zh-Hans/cases/2011-metal-motors/").select_one(".case-panel").get_text()
    assert "金属和金属制品业" in zh_hans and "节省电力" in zh_hans and "0.8 年" in zh_hans
    cases = sorted((DATA_FILES.parent / "cases").glob("*.md"))
    assert len(cases) >= 4  # index.md, index.en.md and a case study in both languages
    for case in cases:
        assert "payback" not in case.read_text(encoding="utf-8").lower()


def test_cases_index_totals_and_chart(site: Path) -> None:
    html = read_html(site, "en/cases/")
    totals = {th.get_text(): td.get_text() for th, td in zip(html.select(".case-totals tbody th"), html.select(".case-totals tbody td"))}
    assert totals["Electricity saved"] == "730,000 kWh"  # 310,000 + 420,000
    assert totals["Cost saved"] == "HK$920,000"
    svg = html.select_one("figure svg.data-chart")
    assert "310,000" in svg.get_text() and "420,000" in svg.get_text()
    assert [li.select_one("a").get_text() for li in html.select(".case-item")][0].startswith("Example:")
    assert all(li.select_one(".example-badge") for li in html.select(".case-item"))


def test_partner_page_shows_official_figures_and_example_rows(site: Path) -> None:
    html = read_html(site, "en/partners/")
    official = html.select_one("#official ~ div table")
    # Awardees each year by class, as the source document programme-2008-2027.md
    # gives them (docs/data/logo-awardees.csv); the last column names each source.
    header = [cell.get_text(strip=True) for cell in official.select("thead th")]
    assert header == ["Year", "Hong Kong manufacturing enterprises (not split by class)", "Excellent Partner (manufacturing)", "Partner (manufacturing)",
                      "Partner (supply chain)", "Partner (technology service)", "Total", "Source"]
    cells = [[cell.get_text(strip=True) for cell in tr.select("th, td")] for tr in official.select("tbody tr, tfoot tr")]
    assert [row[:7] for row in cells] == [
        ["2011", "113", "Not published", "Not published", "6", "20", "139"],
        ["2012", "109", "Not published", "Not published", "3", "24", "136"],
        ["2015", "Not published", "73", "74", "3", "13", "163"],
        ["2017", "Not published", "87", "79", "2", "16", "184"],
        ["2018", "Not published", "Not published", "Not published", "Not published", "Not published", "about 150"],
        ["2019Proposed list", "Not published", "36", "116", "3", "25", "180"],
        ["2022", "Not published", "36", "105", "1", "13", "155"],
    ]
    assert cells[0][7].startswith("Hong Kong Government press release, 27 October 2011 (P201110270337)")
    assert cells[-1][7] == "news.gov.hk (Hong Kong Government news), 15 December 2022"
    rows = html.select("[data-directory] tr")
    assert len(rows) == 4 and all(r.select_one(".example-badge") for r in rows)
    # The directory's own counts never contradict the official ones: examples are not in 2011.
    counted_years = [th.get_text() for th in html.select(".partner-counts tbody th")]
    assert "2011" not in counted_years and counted_years == ["2012"]


# ---- The browser ------------------------------------------------------------------


def visible_cases(page) -> list[str]:
    return visible_links(page, ".case-item")


@pytest.mark.browser
def test_case_filters_update_totals(server: str, page) -> None:
    page.goto(server + "en/cases/")
    assert len(visible_cases(page)) == 3
    page.select_option("#filter-sector", "printing-publishing")
    assert visible_cases(page) == ["Example: compressed air improvements at a printing works"]
    assert page.inner_text('[data-total="electricity-kwh"]') == "310,000"
    assert page.inner_text("[data-case-count]") == "Showing 1 of 3 cases"
    page.select_option("#filter-sector", "")
    page.select_option("#filter-year", "2011")
    assert page.inner_text('[data-total="electricity-kwh"]') == "420,000"
    page.select_option("#filter-technology", "compressed-air")
    assert visible_cases(page) == [] and page.inner_text("[data-case-count]") == "No cases match these filters."


def directory_rows(page) -> list[str]:
    return page.eval_on_selector_all("[data-directory] tr:not([hidden]) td:nth-child(4)", "cells => cells.map(c => c.textContent)")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("zh-Hant", "紡織", ["Example Textile Products Limited"]),
        ("zh-Hans", "纺织", ["Example Textile Products Limited"]),  # Simplified finds a name stored in Traditional
        ("zh-Hant", "家具厂", ["Example Furniture Factory Limited"]),
        ("en", "ENVIRONMENTAL tech", ["Example Environmental Technology Services Limited"]),
        ("en", "nothing like this", []),
    ],
)
def test_directory_search_as_you_type(server: str, page, lang: str, query: str, expected: list[str]) -> None:
    page.goto(server + LANG_PREFIXES[lang] + "partners/")
    page.type("#partner-search", query)
    page.wait_for_function("n => document.querySelectorAll('[data-directory] tr:not([hidden])').length === n", arg=len(expected))
    assert directory_rows(page) == expected


@pytest.mark.browser
def test_directory_filters_and_count(server: str, page) -> None:
    page.goto(server + "en/partners/")
    page.select_option("#partner-class", "buyer")
    page.wait_for_function("() => document.querySelector('[data-directory-count]').textContent.startsWith('Showing 1 ')")
    assert directory_rows(page) == ["Example Sourcing Limited"]
    page.select_option("#partner-year", "2012")
    page.fill("#partner-search", "zzz")
    page.wait_for_function("() => document.querySelector('[data-directory-count]').textContent === 'No names match.'")


@pytest.mark.browser
def test_directory_fits_a_phone_and_still_filters(server: str, page) -> None:
    # On a phone each name is a block, not a row of a table wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "partners/")
    overflow = page.eval_on_selector(".partner-list", "t => t.scrollWidth - t.clientWidth")
    page.select_option("#partner-class", "buyer")
    page.wait_for_function("() => document.querySelector('[data-directory-count]').textContent.startsWith('顯示 1 ')")
    shown = page.eval_on_selector_all("[data-directory] tr", "rows => rows.filter(r => r.getBoundingClientRect().height > 0).length")
    assert overflow <= 0
    assert shown == 1


@pytest.mark.browser
@pytest.mark.parametrize("url", ["partners/", "en/partners/"])
def test_directory_lines_up_in_columns_and_lays_out_only_rows_in_view(server: str, page, url: str) -> None:
    """Drawn as a table, the directory was laid out whole before the page
    showed: 10 s at 20,000 rows (tests/perf/bench_directory.py). Each row is
    now its own grid, laid out when scrolled to; the columns must still line
    up with the headings."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + url)
    lefts = page.eval_on_selector_all(
        ".partner-list tr", "rows => rows.map(r => [...r.children].map(c => Math.round(c.getBoundingClientRect().left)))"
    )
    assert len(lefts) == 5 and len(set(map(tuple, lefts))) == 1, lefts  # the heading row and four names
    assert len(set(lefts[0])) == 5  # five columns side by side
    assert page.eval_on_selector_all("[data-directory] tr", "rows => rows.map(r => getComputedStyle(r).contentVisibility)") == ["auto"] * 4


@pytest.mark.browser
def test_directory_and_cases_without_javascript(page_without_javascript, server: str) -> None:
    page = page_without_javascript
    page.goto(server + "en/partners/")
    assert not page.locator("[data-directory-filters]").is_visible()
    assert page.locator("[data-directory] tr").count() == 4 and page.locator("[data-directory] tr").first.is_visible()
    page.goto(server + "en/cases/")
    assert not page.locator("[data-case-filters]").is_visible()
    assert all(item.is_visible() for item in page.locator(".case-item").all())


# ---- Staff mistakes in case studies ---------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"sector": "toys"}, "'sector' is 'toys', which is not allowed. Fix: use one of: textiles,"),
        ({"technology": "solar"}, "'technology' is 'solar', which is not allowed. Fix: use one of: heat-recovery,"),
        ({"subsidy_hkd": 140000}, "the subsidy (HK$140,000) is more than 50% of the investment (HK$260,000), the most a demonstration project gets. Fix: check both figures: the subsidy may be at most HK$130,000."),
        ({"results": {"electricity_kwh": -5}}, "'electricity_kwh' is -5, expected at least 0."),
        ({"results": {"electricity_kwh": "lots"}}, "'electricity_kwh' is 'lots', expected a whole number."),
        ({"payback_years": 2}, "an entry is not known here ('payback_years' was unexpected)"),
        ({"sector": "toys", "subsidy_hkd": 140000}, "the subsidy (HK$140,000) is more than 50% of the investment"),  # found with the schema's problem, not after it is fixed
        ({"results": {"co2_tonnes": 341}}, "'results' is 'electricity_kwh: 420000, co2_tonnes: 341, cost_saved_hkd: 310000' here but 'electricity_kwh: 420000, co2_tonnes: 340, cost_saved_hkd: 310000' in 2011-metal-motors.md."),
        ({"year": 2012}, "'year' is '2012' here but '2011' in 2011-metal-motors.md."),
        ({"year": 2099}, "line 5: the project's year (2099) is after this year ("),  # 2099 for 2009: results not yet measured
    ],
)
def test_case_mistakes(project: Path, changes: dict, expected: str) -> None:
    edit_front_matter(project / CASE, **changes)
    result = run_command(project, "check")
    assert result.returncode == 1
    assert "docs/cases/2011-metal-motors.en.md, line" in result.stderr
    assert expected in result.stderr, result.stderr


def test_case_in_one_language_only(project: Path) -> None:
    (project / CASE).unlink()
    result = run_command(project, "check")
    assert "docs/cases/2011-metal-motors.md, the whole file: this case study has no English version" in result.stderr


CASE_ANSWERS = [
    "--slug", "boiler-upgrade", "--title-zh", "示例：鍋爐改善", "--title-en", "Example: boiler upgrade", "--sector", "textiles",
    "--technology", "boiler-and-combustion", "--year", "2012", "--city", "dongguan", "--investment-hkd", "300,000",
]


def test_new_case_command_writes_both_languages_with_the_same_figures(project: Path) -> None:
    result = run_command(project, "new", "case", *CASE_ANSWERS, "--subsidy-hkd", "150000", "--fuel-tonnes", "120", "--cost-saved-hkd", "200000", "--example", "yes")
    assert result.returncode == 0, result.stderr
    zh, en = (project / "docs" / "cases" / f"2012-boiler-upgrade{suffix}" for suffix in (".md", ".en.md"))
    assert "title: 示例：鍋爐改善" in zh.read_text(encoding="utf-8")
    for page in (zh, en):
        text = page.read_text(encoding="utf-8")
        assert "investment_hkd: 300000\n" in text  # the thousands separator, as typed, taken out
        assert "results: {fuel_tonnes: 120, cost_saved_hkd: 200000}" in text and "example: true" in text
    unwritten = run_command(project, "check")  # the text in brackets is for staff to replace
    assert unwritten.returncode == 1
    assert "docs/cases/2012-boiler-upgrade.en.md, line 17: the page still holds the text written for you to replace: '(Write about the project here:" in unwritten.stderr
    for page in (zh, en):
        page.write_text("\n".join("The project's story." if line in unfinished.PLACEHOLDERS else line for line in page.read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    assert run_command(project, "check").returncode == 0


def test_new_case_command_refuses_a_subsidy_over_the_rules_and_writes_nothing(project: Path) -> None:
    result = run_command(project, "new", "case", *CASE_ANSWERS, "--subsidy-hkd", "200000", "--fuel-tonnes", "120")
    assert result.returncode == 1
    assert "Nothing was written" in result.stderr
    assert "the subsidy (HK$200,000) is more than 50% of the investment (HK$300,000)" in result.stderr
    assert not list((project / "docs" / "cases").glob("*boiler-upgrade*"))
    unmeasured = run_command(project, "new", "case", *CASE_ANSWERS, "--subsidy-hkd", "150000")
    assert "'results' is empty. Fix: give at least one of: co2_tonnes, cost_saved_hkd, electricity_kwh" in unmeasured.stderr
    missing = run_command(project, "new", "case", "--slug", "x")
    assert "Please give: --title-zh, --title-en, --sector, --technology, --year, --city, --investment-hkd, --subsidy-hkd" in missing.stderr


# ---- The directory file ---------------------------------------------------------------


def write_partners(project: Path, rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, ["year", "class", "name_zh-Hant", "name_en", "sector", "example"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (project / PARTNERS).write_text(out.getvalue(), encoding="utf-8")


def awardees(year: int, counts: dict[str, int], example: str = "no") -> list[dict]:
    return [
        {"year": year, "class": cls, "name_zh-Hant": f"{cls}公司{i}", "name_en": f"{cls} company {i}", "sector": "", "example": example}
        for cls, n in counts.items()
        for i in range(n)
    ]


def test_directory_agreeing_with_statistics_builds(project: Path) -> None:
    write_partners(project, awardees(2011, {"manufacturer": 113, "service-provider": 20, "buyer": 6}) + awardees(2013, {"buyer": 2}))  # 2013: no official count
    result = run_command(project, "check")
    assert result.returncode == 0, result.stderr


def test_directory_disagreeing_with_statistics_fails(project: Path) -> None:
    write_partners(project, awardees(2011, {"manufacturer": 112, "service-provider": 20, "buyer": 6}))
    result = run_command(project, "check")
    assert result.returncode == 1
    assert "docs/data/partners.csv, rows with year = 2011, class = manufacturer: the file lists 112 but logo-awardees.csv counts 113" in result.stderr


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"name_en": "<script>alert(1)</script>"}, "row 2, column 'name_en': found '<script>alert(1)</script>', which is not in the expected form. Fix: a name may not contain < or >"),
        ({"class": "supplier"}, "row 2, column 'class': found 'supplier', which is not one of the allowed values. Fix: use one of: manufacturer, service-provider, buyer."),
        ({"sector": "toys"}, "row 2, column 'sector': found 'toys', which is not in sectors.csv"),
        ({"year": "2011年"}, "row 2, column 'year': found '2011年', expected a whole number"),
        ({"example": "maybe"}, "row 2, column 'example': found 'maybe', expected yes or no"),
        ({"name_zh-Hant": ""}, "row 2, column 'name_zh-Hant': the value is empty"),
    ],
)
def test_directory_row_mistakes(project: Path, row: dict, expected: str) -> None:
    base = {"year": 2013, "class": "buyer", "name_zh-Hant": "甲公司", "name_en": "A Co", "sector": "", "example": "yes"}
    write_partners(project, [{**base, **row}])
    result = run_command(project, "check")
    assert result.returncode == 1
    assert f"docs/data/partners.csv, {expected}" in result.stderr


def test_duplicate_awardee_row(project: Path) -> None:
    row = {"year": 2013, "class": "buyer", "name_zh-Hant": "甲公司", "name_en": "A Co", "sector": "", "example": "yes"}
    write_partners(project, [row, row])
    result = run_command(project, "check")
    assert "docs/data/partners.csv, row 3: the row repeats row 2" in result.stderr


def test_names_are_escaped_as_text(tmp_path: Path) -> None:
    """Even a name the checks let through (&, quotes) is written as text."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "partners.schema.json").write_text((DATA_FILES / "partners.schema.json").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "partners.csv").write_text('year,class,name_zh-Hant,name_en,sector,example\n2013,buyer,"甲&乙""公司""",A & B "Co" \' onmouseover=x,,yes\n', encoding="utf-8")
    dataset, problems = load(folder / "partners.csv")
    assert problems == []
    sectors, _ = load(DATA_FILES / "sectors.csv")
    labels, _ = load_labels(LABELS_FILE)
    html = partners.directory(dataset, sectors, "en", labels["en"])
    assert "A &amp; B &quot;Co&quot; &#x27; onmouseover=x" in html
    assert '甲&amp;乙&quot;公司&quot;' in html
    assert "onmouseover=x" not in html.replace("&#x27; onmouseover=x", "")
