"""Expected answers worked out by hand, at and around each boundary, for the
code that decides what readers see: the stated totals of a data file, the
Simplified conversion's link protection, the escaping of every table part,
the link checker's branches, revision dates and the staged build. Each test
runs in-process, without a build (the fast tier, `make test-fast`)."""

from __future__ import annotations

import ctypes
import json
import logging
import os
import shutil
import signal
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup

from cleanprod import languages
from cleanprod.checks import links, mainland_usage, page_links, text_checks
from cleanprod.content import chinese, datasets, funding, images, labels, revision, search_words
from cleanprod.engine import anchor_warnings, build, language_builds, plugin
from cleanprod.engine.site_build import Checked, LanguageBuild
from cleanprod.content.chinese import markdown_to_simplified, to_simplified
from cleanprod.content import cases as case_content
from cleanprod.content.cases import Case, Cases
from cleanprod.content.pages import Page
from cleanprod.content.datasets import Dataset
from cleanprod.content.events import Event, Events
from cleanprod.content.news import NewsItem
from cleanprod.content.labels import LanguageLabels
from cleanprod.paths import DOCS
from cleanprod.problems import ContentError, Problem
from cleanprod.publish import calendars, extra_files, feeds, search_index, sitemap
from cleanprod.render import cases as case_render, chart, events as event_render, forms, markup, news as news_render, partners
from cleanprod.render.catalogue import catalogue
from cleanprod.render.markup import PASSING_WEIGHT, fill
from cleanprod.render.table import pivot_table, plain_table, scrolling, stated_pivot
from conftest import checked_content, edit, read_html

DATA = DOCS / "data"


# ---- Stated totals (datasets.py) ----------------------------------------------


@pytest.fixture
def approvals(tmp_path: Path) -> Path:
    for name in ("approvals.csv", "approvals.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "approvals.csv"


def test_rows_adding_up_to_every_stated_total_pass(approvals: Path) -> None:
    # 28 + 178 + 154 + 370 = 730 verifications; 284 + 41 + 370 = 695 in 2011/12; 1,802 in all.
    dataset, problems = datasets.load(approvals)
    assert problems == []
    assert (dataset.total({"measure": "verification"}), dataset.total({"year": "2011/12"}), dataset.total()) == (730, 695, 1802)


@pytest.mark.parametrize("written,verification,year,everything", [
    ("369", "729", "694", "1,801"),  # one under each total the row counts in
    ("371", "731", "696", "1,803"),  # one over
])
def test_a_row_one_over_or_under_a_stated_total_is_named(approvals: Path, written: str, verification: str, year: str, everything: str) -> None:
    edit(approvals, "2011/12,verification,370", f"2011/12,verification,{written}")
    dataset, problems = datasets.load(approvals)
    assert dataset is None
    assert sorted(str(p).split("approvals.csv, ", 1)[1] for p in problems) == sorted([
        f"rows with measure = verification, column 'approved': the rows add up to {verification}, but the source states a total of 730 (paragraph 10). Fix: check each of these rows against the source.",
        f"rows with year = 2011/12, column 'approved': the rows add up to {year}, but the source states a total of 695 (paragraph 10). Fix: check each of these rows against the source.",
        f"rows with all rows, column 'approved': the rows add up to {everything}, but the source states a total of 1,802 (paragraph 10). Fix: check each of these rows against the source.",
    ])


def test_a_total_stated_for_rows_of_two_fields_names_both(approvals: Path) -> None:
    schema = approvals.with_name("approvals.schema.json")
    edit(schema, '"x-stated-totals": [', '"x-stated-totals": [{"where": {"year": "2011/12", "measure": "verification"}, "total": 371, "source": "a test"},')
    dataset, problems = datasets.load(approvals)
    assert dataset is None
    assert [(p.where, p.what) for p in problems] == [
        ("rows with year = 2011/12, measure = verification, column 'approved'", "the rows add up to 370, but the source states a total of 371 (a test)"),
    ]


# ---- Simplified conversion: what it must leave alone (chinese.py) --------------


@pytest.mark.parametrize("source,expected", [
    # A link's text is converted; its file name never, or it would lead nowhere.
    ("見[資助](資助.md)。", "见[资助](資助.md)。"),
    # The fragment names a heading, which is converted too; the file name is not.
    ("見[對象行業](資助.md#對象行業)。", "见[对象行业](資助.md#对象行业)。"),
    # A title after the fragment is kept as written, as is a folder's name.
    ('[資助](資助.md#對象行業 "資助")', '[资助](資助.md#对象行业 "資助")'),
    ("![圖表](圖表/資助.png)", "![图表](圖表/資助.png)"),
    ("[資助](<資助 計劃.md>)", "[资助](<資助 計劃.md>)"),
    # A reference definition: its file kept, its fragment and label converted
    # as the heading and the links that use it are.
    ("[對象][1]\n\n[1]: 資助.md#對象行業", "[对象][1]\n\n[1]: 資助.md#对象行业"),
    ("[1]: <資助 計劃.md#對象行業>", "[1]: <資助 計劃.md#对象行业>"),
    ("見[資助][計劃]。\n\n   [計劃]: 資助.md", "见[资助][计划]。\n\n   [计划]: 資助.md"),
    # Code, an attribute list, a tag's attributes and an address are copied through.
    ("`資助.csv` 資助", "`資助.csv` 资助"),
    ("## 資助 {#資助}", "## 资助 {#資助}"),
    ('<abbr title="資助">資助</abbr>', '<abbr title="資助">资助</abbr>'),
    ("https://例子.香港/資助 資助", "https://例子.香港/資助 资助"),
    ("```\n資助\n```\n資助", "```\n資助\n```\n资助"),
])
def test_conversion_keeps_link_targets_and_code(source: str, expected: str) -> None:
    assert markdown_to_simplified(source) == expected


def test_conversion_applies_the_glossary_after_opencc() -> None:
    assert to_simplified("私隱政策：搜尋資訊") == "隐私政策：搜索信息"


@pytest.mark.parametrize("character,han", [
    ("\u33ff", False), ("\u3400", True),  # the first of the extension A characters
    ("\u9fff", True), ("\ua000", False),  # the last of the unified characters
    ("\uf8ff", False), ("\uf900", True),  # the compatibility characters
    ("\ufaff", True), ("\ufb00", False),
])
def test_chinese_characters_are_the_ranges_search_js_has(character: str, han: bool) -> None:
    assert bool(chinese.HAN_RUN.fullmatch(character * 2)) is han


def test_glossary_terms_longest_first_and_each_mistake_named(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.yml"
    glossary.write_text("资讯: 信息\n网上简报会: 线上简报会\n资讯科技: 信息技术\n数目: 1\n空白: ' '\n", encoding="utf-8")
    terms, problems = chinese.read_glossary(glossary)
    # by length, not by character: 资讯科技 before 资讯, which sorts first
    assert terms == (("网上简报会", "线上简报会"), ("资讯科技", "信息技术"), ("资讯", "信息"))
    assert [(p.where, p.what) for p in problems] == [
        ("line 4", "'数目: 1' is not a term and its replacement"),
        ("line 5", "'空白:  ' is not a term and its replacement"),
    ]
    assert problems[0].fix == "write the term as the plain conversion gives it, a colon and a space, and the wording to use instead, such as '资讯: 信息'"


def test_a_glossary_term_yaml_reads_as_a_number_is_named_on_its_line(tmp_path: Path) -> None:
    """YAML reads 2020, 1.50 and ~ as a number, a number and nothing: each is
    found on its line by the value it is read as, not on line 1."""
    glossary = tmp_path / "glossary.yml"
    glossary.write_text("资讯: 信息\n\n2020: 二〇二〇年\n1.50: 一点五\n~: 空\n", encoding="utf-8")
    terms, problems = chinese.read_glossary(glossary)
    assert terms == (("资讯", "信息"),)
    assert [(p.where, p.what) for p in problems] == [
        ("line 3", "'2020: 二〇二〇年' is not a term and its replacement"),
        ("line 4", "'1.5: 一点五' is not a term and its replacement"),
        ("line 5", "'None: 空' is not a term and its replacement"),
    ]


@pytest.mark.parametrize("text,problems", [
    ("", []),
    ("- 资讯\n- 信息\n", [("the whole file", "the file is not a list of 'term: replacement' lines", "write one term to a line, such as '资讯: 信息'")]),
])
def test_a_glossary_that_is_empty_or_a_list(tmp_path: Path, text: str, problems: list[tuple[str, str, str]]) -> None:
    glossary = tmp_path / "glossary.yml"
    glossary.write_text(text, encoding="utf-8")
    terms, found = chinese.read_glossary(glossary)
    assert terms == () and [(p.where, p.what, p.fix) for p in found] == problems


def test_each_simplified_run_of_a_line_is_named() -> None:
    """Two runs on one line, apart at a comma: both named, each change once."""
    assert chinese.simplified_problem(Path("about.md"), "line 2", "计划由资助，厂房与计划") == Problem(
        Path("about.md"), "line 2", "'计划由资助', '厂房与计划' has Simplified characters in a Traditional Chinese text",
        "type it again with the keyboard set to Traditional Chinese (计 → 計, 资 → 資, 厂 → 廠, 与 → 與); the Simplified Chinese page is made from this one",
    )


def test_simplified_characters_in_traditional_text_are_named_with_their_forms() -> None:
    """The whole run of characters is named; 计 and 资 are Simplified only,
    while 划, 后 and 家 are Traditional too; 厂 is Simplified though Big5 holds it."""
    where = Path("about.md")
    assert chinese.simplified_problem(where, "line 1", "這個計劃後來由資助：家") is None
    assert chinese.simplified_problems(where, "abc\n這個计划后來由资助\n\n厂房", 5) == [
        Problem(where, "line 6", "'這個计划后來由资助' has Simplified characters in a Traditional Chinese text",
                "type it again with the keyboard set to Traditional Chinese (计 → 計, 资 → 資); the Simplified Chinese page is made from this one"),
        Problem(where, "line 8", "'厂房' has Simplified characters in a Traditional Chinese text",
                "type it again with the keyboard set to Traditional Chinese (厂 → 廠); the Simplified Chinese page is made from this one"),
    ]


def test_texts_in_each_language_and_quotation_marks() -> None:
    texts = {"zh-Hant": "「透過」『資訊』", "en": "Information"}
    assert [chinese.in_language(texts, lang) for lang in ("zh-Hant", "zh-Hans", "en")] == ["「透過」『資訊』", "\u201c通过\u201d\u2018信息\u2019", "Information"]
    assert chinese.converter_for("en")("資訊") == "資訊" and chinese.converter_for("zh-Hans")("資訊") == "信息"
    assert chinese.characters_to_simplified("計算機") == "计算机"  # the glossary's 计算器 is not applied
    assert ("计算机", "计算器") in chinese.mainland_terms() and all(chinese.HAN_RUN.fullmatch(found) for found, _ in chinese.mainland_terms())


# ---- Escaping in data tables (render/table.py) ---------------------------------

MARKUP = 'A <b>&amp; "B"'
ESCAPED = "A &lt;b&gt;&amp;amp; &quot;B&quot;"
LABELS = {"data.table.more": "<Scroll> & see"}  # the line over a table that scrolls
MORE = '<p class="data-table__more" data-pagefind-ignore>&lt;Scroll&gt; &amp; see</p>'


def _dataset(path: Path) -> Dataset:
    """A two-by-two table whose every text staff write holds markup."""
    def texts(value: str) -> dict[str, str]:
        return {"zh-Hant": value, "en": value}
    schema = {
        "x-title": texts(MARKUP),
        "x-source": texts(MARKUP + " source"),
        "fields": [
            {"name": "year", "type": "string", "x-title": texts(MARKUP + " year"), "constraints": {"enum": ["1", "2"]}},
            {"name": "kind", "type": "string", "x-title": texts(MARKUP + " kind"), "x-labels": {"a": texts("<i>a</i>"), "b": texts("b & c")}},
            {"name": "count", "type": "integer", "x-title": texts(MARKUP + " count")},
        ],
        "x-value": "count",
        "x-pivot": {"rows": "kind", "columns": "year"},
    }
    rows = ({"year": "1", "kind": "a", "count": 1000}, {"year": "2", "kind": "a", "count": 2}, {"year": "1", "kind": "b", "count": 30}, {"year": "2", "kind": "b", "count": 4})
    return Dataset(path, schema, rows)


def test_pivot_table_escapes_caption_headers_and_name(tmp_path: Path) -> None:
    html = pivot_table(_dataset(tmp_path / "t.csv"), "en", {"data.total": "<Total>", **LABELS})
    assert html == (
        f'<div class="data-table" role="group" tabindex="0" aria-label="{ESCAPED}">{MORE}<table>'
        f'<caption>{ESCAPED}<span class="data-caption-source">{ESCAPED} source</span></caption>'
        f'<thead><tr><th scope="col">{ESCAPED} kind</th><th scope="col" class="num">1</th><th scope="col" class="num">2</th><th scope="col" class="num">&lt;Total&gt;</th></tr></thead>'
        '<tbody><tr><th scope="row">&lt;i&gt;a&lt;/i&gt;</th><td class="num">1,000</td><td class="num">2</td><td class="num">1,002</td></tr>'
        '<tr><th scope="row">b &amp; c</th><td class="num">30</td><td class="num">4</td><td class="num">34</td></tr></tbody>'
        '<tfoot><tr><th scope="row">&lt;Total&gt;</th><td class="num">1,030</td><td class="num">6</td><td class="num">1,036</td></tr></tfoot>'
        "</table></div>"
    )


def test_plain_table_escapes_titles_labels_and_values(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "t.csv")
    rows = ({"year": "<1>", "kind": "b", "count": 5}, {"year": "2", "kind": "a", "count": 1234})
    html = plain_table(Dataset(dataset.path, dataset.schema, rows), "zh-Hant", LABELS, caption=False)
    assert html == (
        f'<div class="data-table" role="group" tabindex="0" aria-label="{ESCAPED}">{MORE}<table>'
        f'<thead><tr><th scope="col">{ESCAPED} year</th><th scope="col">{ESCAPED} kind</th><th scope="col" class="num">{ESCAPED} count</th></tr></thead>'
        '<tbody><tr><td>&lt;1&gt;</td><td>b &amp; c</td><td class="num">5</td></tr>'
        '<tr><td>2</td><td>&lt;i&gt;a&lt;/i&gt;</td><td class="num">1,234</td></tr></tbody></table></div>'
    )


def test_a_table_with_one_row_and_one_column_has_no_totals(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "t.csv")
    html = pivot_table(Dataset(dataset.path, dataset.schema, dataset.rows[:1]), "en", {"data.total": "Total", **LABELS}, caption=False)
    assert html == (
        f'<div class="data-table" role="group" tabindex="0" aria-label="{ESCAPED}">{MORE}<table>'
        f'<thead><tr><th scope="col">{ESCAPED} kind</th><th scope="col" class="num">1</th></tr></thead>'
        '<tbody><tr><th scope="row">&lt;i&gt;a&lt;/i&gt;</th><td class="num">1,000</td></tr></tbody></table></div>'
    )


def test_a_table_with_one_column_totals_its_rows_only(tmp_path: Path) -> None:
    # 1,000 (a) + 30 (b) in year 1; no total column beside a single column.
    dataset = _dataset(tmp_path / "t.csv")
    html = pivot_table(Dataset(dataset.path, dataset.schema, (dataset.rows[0], dataset.rows[2])), "en", {"data.total": "Total", **LABELS}, caption=False)
    assert html.endswith(
        '<tbody><tr><th scope="row">&lt;i&gt;a&lt;/i&gt;</th><td class="num">1,000</td></tr><tr><th scope="row">b &amp; c</th><td class="num">30</td></tr></tbody>'
        '<tfoot><tr><th scope="row">Total</th><td class="num">1,030</td></tr></tfoot></table></div>'
    )


def test_pivot_columns_follow_the_schema_and_rows_the_file(tmp_path: Path) -> None:
    """Years in the schema's order whatever the file's; kinds, which have no
    list of allowed values, in the order the file first names them."""
    dataset = _dataset(tmp_path / "t.csv")
    rows = tuple(sorted(dataset.rows, key=lambda row: (row["year"] != "2", row["kind"] != "b")))  # 2/b, 2/a, 1/b, 1/a
    html = pivot_table(Dataset(dataset.path, dataset.schema, rows), "en", {"data.total": "T", **LABELS}, caption=False)
    assert '<th scope="col" class="num">1</th><th scope="col" class="num">2</th><th scope="col" class="num">T</th>' in html
    assert html.index("b &amp; c") < html.index("&lt;i&gt;a&lt;/i&gt;")


def test_scrolling_box_names_itself_as_text() -> None:
    assert scrolling("<table></table>", '"><script>', LABELS) == f'<div class="data-table" role="group" tabindex="0" aria-label="&quot;&gt;&lt;script&gt;">{MORE}<table></table></div>'


def test_figures_as_stated_leave_what_no_source_gives_unpublished_and_add_nothing() -> None:
    """The logo awardees by year and class (logo-awardees.csv), as each
    source states them: read against the file by hand."""
    awardees = datasets.load_all(DATA)[0]["logo-awardees.csv"]
    labels = {"data.source": "Source", "data.not-published": "Not published", **LABELS}
    table = BeautifulSoup(stated_pivot(awardees, "en", labels, caption=False), "html.parser")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Year", "Hong Kong manufacturing enterprises (not split by class)", "Excellent Partner (manufacturing)", "Partner (manufacturing)",
        "Partner (supply chain)", "Partner (technology service)", "Total", "Source",
    ]
    rows = {tr.th.get_text("|"): [td.get_text() for td in tr.select("td")][:-1] for tr in table.select("tbody tr")}
    gap = "Not published"
    assert rows == {
        "2011": ["113", gap, gap, "6", "20", "139"],
        "2012": ["109", gap, gap, "3", "24", "136"],
        "2015": [gap, "73", "74", "3", "13", "163"],
        "2017": [gap, "87", "79", "2", "16", "184"],
        "2018": [gap, gap, gap, gap, gap, "about 150"],  # its total only, as its source words it
        "2019|Proposed list": [gap, "36", "116", "3", "25", "180"],
        "2022": [gap, "36", "105", "1", "13", "155"],
    }
    assert len(table.select("td.not-published")) == 13  # each gap above, marked as one
    sources = table.select("tbody tr")[3].select("td")[-1]  # 2017: its classes' source, then its total's
    assert [(a.get_text() if a.name else a, a.get("href") if a.name else None) for a in sources.children if a.name != "br"] == [
        ("gdcpi.com.cn, latest news item 12401", None),
        ("news.gov.hk (Hong Kong Government news), 27 October 2017", "https://www.news.gov.hk/en/record/html/2017/10/20171027_164048.shtml"),
    ]


# ---- The link checker's branches (links.py) -----------------------------------


def _site(folder: Path, pages: dict[str, str], base: str | None) -> Path:
    """A built site of these pages (path → body), published at `base`."""
    for path, body in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        canonical = f'<link rel="canonical" href="{base}">' if base is not None and path == "index.html" else ""
        (folder / path).write_text(canonical + body, encoding="utf-8")
    return folder


def test_checker_flags_scripts_and_skips_data_addresses(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": '<a href="javascript:alert(1)">run</a><a href="JavaScript:void(0)">x</a><img src="data:image/png;base64,AAAA" alt="">'}, "https://cpp-site.hk/")
    report = links.check(site)
    assert report.broken == {"index.html": ["'javascript:alert(1)' is a script, not a link", "'JavaScript:void(0)' is a script, not a link"]}
    assert report.external == {}


def test_checker_goes_on_past_what_it_skips(tmp_path: Path) -> None:
    """A data: image, and the search index's own pages, are skipped, not an
    end: the links after them, and the pages after the index, are checked."""
    site = _site(tmp_path, {
        "index.html": '<img src="data:image/png;base64,AAAA" alt=""><a href="/missing/">after the image</a>',
        "pagefind/ui.html": '<a href="/nowhere/">the index is not checked</a>',
        "zh-Hans/index.html": '<a href="/gone/">after the index</a>',
    }, "https://cpp-site.hk/")
    assert links.check(site).broken == {
        "index.html": ["'/missing/' leads to no page or file"],
        "zh-Hans/index.html": ["'/gone/' leads to no page or file"],
    }


def test_checker_of_a_site_published_below_its_root(tmp_path: Path) -> None:
    """Published at https://cpp-site.hk/cpp/: a link that climbs above /cpp/
    leads out of the site, wherever it leads on the builder's disk."""
    site = _site(tmp_path, {
        "index.html": '<a href="../">up</a> <a href="/about/">root</a> <a href="en/about/">ok</a> <a href="/cpp/en/about/#why">ok too</a> '
                      '<a href="https://cpp-site.hk/cpp/en/about/#nowhere">own address</a> <a href="https://cpp-site.hk/other/">other site</a>',
        "en/about/index.html": '<h2 id="why">Why</h2><a href="../../">home</a>',
    }, "https://cpp-site.hk/cpp/")
    report = links.check(site)
    assert report.broken == {"index.html": [
        "'../' points outside the site's folder /cpp/",
        "'/about/' points outside the site's folder /cpp/",
        "'/cpp/en/about/#nowhere': the page has no anchor '#nowhere'",
    ]}
    assert report.external == {"https://cpp-site.hk/other/": ["index.html"]}


def test_checker_of_a_site_at_its_root(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="/en/about/">ok</a> <a href="en/about/#why">ok</a> <a href="/funding/">none</a> <a href="en/about/index.html">file</a>',
        "en/about/index.html": '<h2 id="why">Why</h2><a href="../../">home</a> <a href="../../missing.csv">data</a>',
    }, "https://cpp-site.hk/")
    report = links.check(site)
    assert report.broken == {
        "index.html": ["'/funding/' leads to no page or file"],
        "en/about/index.html": ["'../../missing.csv' leads to no page or file"],
    }
    assert report.lines() == [
        "BROKEN  /en/about/index.html: '../../missing.csv' leads to no page or file",
        "BROKEN  /index.html: '/funding/' leads to no page or file",
    ]


def test_checker_decodes_percent_encoded_paths_and_anchors(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="%E8%B3%87%E5%8A%A9/#%E5%B0%8D%E8%B1%A1">found</a> <a href="%E8%B3%87%E5%8A%A9/#%E8%A1%8C%E6%A5%AD">no such anchor</a>',
        "資助/index.html": '<h2 id="對象">對象</h2>',
    }, None)
    assert links.check(site).broken == {"index.html": ["'%E8%B3%87%E5%8A%A9/#%E8%A1%8C%E6%A5%AD': the page has no anchor '#行業'"]}


def test_external_links_are_listed_by_address_with_each_page_once(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="https://www.epd.gov.hk/">EPD</a><a href="mailto:a@cpp-site.hk">mail</a>',
        "en/index.html": '<a href="https://www.epd.gov.hk/">EPD</a><a href="https://www.epd.gov.hk/">again</a>',
    }, "https://cpp-site.hk/")
    report = links.check(site)
    assert report.broken == {}
    assert report.lines() == [
        "EXTERNAL  https://www.epd.gov.hk/  (linked from /en/index.html, /index.html)",
        "EXTERNAL  mailto:a@cpp-site.hk  (linked from /index.html)",
    ]


@pytest.mark.parametrize("link,host", [
    ("https://example.com/register", "example.com"),
    ("https://www.example.net/", "www.example.net"),
    ("https://EXAMPLE.ORG/", "example.org"),
    ("https://notexample.org/", None),  # a real name that only ends with one
    ("https://cpp.test/", "cpp.test"),
    ("https://cpp.invalid:8080/", "cpp.invalid"),
    ("https://cpp.example/", "cpp.example"),
    ("https://example/", None),  # the reserved endings start with a dot
    ("mailto:Info@Example.COM", "example.com"),
    ("mailto:staff@cpp-site.hk", None),
    ("https://cpp-site.hk/example.com", None),  # the path is not the host
    ("/example.com/", None),
])
def test_placeholder_addresses_are_the_reserved_names(link: str, host: str | None) -> None:
    assert links.placeholder_host(link) == host


FILE_FIX = "write the path of a file in docs/, from this page's folder, such as 'funding.md' or '../data/approvals.csv'"


@pytest.mark.parametrize("folder,written,fix", [
    ("", "fundng.md", FILE_FIX + "; the nearest file name is 'funding.md'"),
    ("", "abot.en.md", FILE_FIX + "; the nearest file name is 'about.md'"),  # links name a page by its zh-Hant file, in every language
    ("events", "../data/aprovals.csv", FILE_FIX + "; the nearest file name is '../data/approvals.csv'"),  # from the page's folder
    ("", "_data/label.yml", FILE_FIX),  # the labels and rules are no page to link to
    ("", "zzzz.md", FILE_FIX),  # nothing near
    ("", "WWW.example.org", "to link to another site, write its full address, starting https://: 'https://WWW.example.org'"),
    ("", "info@example.org", "to link to an email address, write 'mailto:info@example.org'"),
    ("", "team/info@example.org", FILE_FIX),  # a path, not an address
])
def test_a_link_to_no_file_is_told_what_to_write(folder: str, written: str, fix: str) -> None:
    assert page_links._fix(DOCS / folder, written, DOCS) == fix


def test_checker_reads_every_kind_of_link_and_anchor(tmp_path: Path) -> None:
    """Anchors are ids and a link's name; links are a, link, img, script,
    form and source; the search index's own pages are not checked."""
    site = _site(tmp_path, {
        "index.html": '<a name="top"></a><p name="para"></p><a href>empty</a><p href="/none/">not a link</p>'
                      '<link href="/no.css"><img src="/no.png" alt=""><script src="/no.js"></script><form action="/no/"></form>'
                      '<video><source src="/no.mp4"></video><a src="/no-src/">x</a>'
                      '<a href="#top">top</a> <a href="#para">para</a> <a href="en">folder</a> <a href="data.csv#row-2">row</a>'
                      '<a download href="/no.zip">after an attribute without a value</a> <a href="data.csv/">a file as a folder</a>',
        "en/index.html": "English",
        "data.csv": "a,b",
        "pagefind/index.html": '<a href="/nowhere/">nowhere</a>',
    }, None)
    assert links.check(site).broken == {"index.html": [
        "'/no.css' leads to no page or file",
        "'/no.png' leads to no page or file",
        "'/no.js' leads to no page or file",
        "'/no/' leads to no page or file",
        "'/no.mp4' leads to no page or file",
        "'#para': the page has no anchor '#para'",
        "'/no.zip' leads to no page or file",
        "'data.csv/' leads to no page or file",
    ]}


# ---- Revision dates (revision.py) ----------------------------------------------


def _commit(root: Path, when: str, *files: str) -> None:
    """Commit `files` (written with their own name) at `when`, as git records it."""
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name + when, encoding="utf-8")
    for args in (["add", *files], ["commit", "-q", "-m", "Pages"]):
        subprocess.run(["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", *args], cwd=root, env=env, check=True, capture_output=True)


def test_revision_dates_are_each_file_s_last_commit_in_hong_kong(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    # 20:30 on 31 March at UTC+1 is 03:30 on 1 April in Hong Kong (UTC+8).
    _commit(tmp_path, "2012-03-31T20:30:00+01:00", "docs/about.md", "docs/funding.md")
    _commit(tmp_path, "2012-11-26T09:00:00+08:00", "docs/funding.md", "README.md")
    times = revision.last_commit_times(tmp_path)
    assert times == {
        "docs/about.md": datetime(2012, 4, 1, 3, 30, tzinfo=revision.HONG_KONG),
        "docs/funding.md": datetime(2012, 11, 26, 9, 0, tzinfo=revision.HONG_KONG),
    }
    assert times["docs/about.md"].date() == date(2012, 4, 1)
    (tmp_path / "docs" / "about.md").write_text("changed", encoding="utf-8")
    (tmp_path / "docs" / "new.md").write_text("new", encoding="utf-8")
    assert revision.uncommitted(tmp_path) == {"docs/about.md", "docs/new.md"}


def test_outside_a_repository_there_are_no_commit_dates(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    assert revision.last_commit_times(tmp_path) == {}
    assert revision.uncommitted(tmp_path) == set()


def test_build_day_is_source_date_epoch_in_hong_kong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.fromisoformat("2012-03-31T16:00:00+00:00").timestamp())))
    assert revision.build_moment() == datetime(2012, 4, 1, 0, 0, tzinfo=revision.HONG_KONG)
    assert revision.build_date() == date(2012, 4, 1)


def test_a_changed_file_whose_name_has_a_space_is_named_unquoted(tmp_path: Path) -> None:
    """git quotes such a name ("docs/a b.md"); the page's source is docs/a b.md."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a b.md").write_text("new", encoding="utf-8")
    (tmp_path / "README.md").write_text("outside docs/", encoding="utf-8")
    assert revision.uncommitted(tmp_path) == {"docs/a b.md"}


def test_a_page_named_in_chinese_is_dated_and_seen_changed(tmp_path: Path) -> None:
    """git writes such a name quoted and escaped ("docs/\\350\\263\\207\\345\\212\\251.md")
    unless asked for names as they are; so is a name with a space in its log."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _commit(tmp_path, "2012-03-31T12:00:00+08:00", "docs/資助.md", "docs/a b.md")
    assert revision.last_commit_times(tmp_path) == {
        "docs/資助.md": datetime(2012, 3, 31, 12, 0, tzinfo=revision.HONG_KONG),
        "docs/a b.md": datetime(2012, 3, 31, 12, 0, tzinfo=revision.HONG_KONG),
    }
    (tmp_path / "docs" / "資助.md").write_text("changed", encoding="utf-8")
    (tmp_path / "docs" / "新 頁.en.md").write_text("new", encoding="utf-8")
    assert revision.uncommitted(tmp_path) == {"docs/資助.md", "docs/新 頁.en.md"}


def test_a_moved_page_and_a_new_folder_are_named_file_by_file(tmp_path: Path) -> None:
    """A staged move is the old name and the new, not 'old -> new'; a new
    folder is each file in it, not the folder; a move committed dates both names."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _commit(tmp_path, "2012-03-31T12:00:00+08:00", "docs/about.md")
    subprocess.run(["git", "mv", "docs/about.md", "docs/history.md"], cwd=tmp_path, check=True)
    (tmp_path / "docs" / "news").mkdir()
    (tmp_path / "docs" / "news" / "first.md").write_text("new", encoding="utf-8")
    assert revision.uncommitted(tmp_path) == {"docs/about.md", "docs/history.md", "docs/news/first.md"}
    env = dict(os.environ, GIT_AUTHOR_DATE="2012-11-26T09:00:00+08:00", GIT_COMMITTER_DATE="2012-11-26T09:00:00+08:00")
    subprocess.run(["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", "commit", "-q", "-m", "Move"], cwd=tmp_path, env=env, check=True)
    moved = datetime(2012, 11, 26, 9, 0, tzinfo=revision.HONG_KONG)
    assert revision.last_commit_times(tmp_path) == {"docs/about.md": moved, "docs/history.md": moved}


def test_build_moment_without_source_date_epoch_is_now_in_hong_kong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(timezone.utc)
    moment = revision.build_moment()
    assert moment.tzinfo is revision.HONG_KONG and before <= moment <= datetime.now(timezone.utc)


@pytest.mark.parametrize("day,lang,expected", [
    (date(2012, 3, 31), "zh-Hant", "2012年3月31日"),
    (date(2012, 3, 31), "zh-Hans", "2012年3月31日"),
    (date(2012, 3, 31), "en", "31 March 2012"),
    (date(2008, 1, 5), "en", "5 January 2008"),
    (date(2027, 12, 1), "en", "1 December 2027"),
])
def test_dates_as_readers_write_them(day: date, lang: str, expected: str) -> None:
    assert languages.get(lang).date(day) == expected


# ---- The staged build (build.py) -----------------------------------------------


def _previous_site(folder: Path) -> Path:
    """site/ in `folder`, as a previous build left it."""
    site = folder / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    return site


def _assert_left_as_it_was(site: Path) -> None:
    """The previous build is in place, and no staging folder is left beside it."""
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_staged_build_is_published_readable_by_the_web_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdtemp makes the staging folder 0700; a site/ the server's user cannot read is a site that is down."""
    def build_into(folder: Path, env: dict[str, str]) -> None:
        assert folder.parent == tmp_path and folder.name.startswith(".site-new-")
        (folder / "index.html").write_text("new", encoding="utf-8")
    monkeypatch.setattr(build, "build_into", build_into)
    site = _previous_site(tmp_path)
    build.build(site)
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failed_staged_build_leaves_the_site_and_no_staging_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def build_into(folder: Path, env: dict[str, str]) -> None:
        (folder / "index.html").write_text("half", encoding="utf-8")
        raise build.BuildFailed("'cleanprod.engine.language_builds' stopped the build (exit code 1)")
    monkeypatch.setattr(build, "build_into", build_into)
    site = _previous_site(tmp_path)
    with pytest.raises(build.BuildFailed):
        build.build(site)
    _assert_left_as_it_was(site)


def test_first_build_creates_the_site_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two folders deep that do not exist yet, built with the build's dated environment."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1333209600")
    given = []
    monkeypatch.setattr(build, "build_into", lambda folder, env: (given.append(env["SOURCE_DATE_EPOCH"]), (folder / "index.html").write_text("new", encoding="utf-8")))
    build.build(tmp_path / "www" / "public" / "site")
    assert (tmp_path / "www" / "public" / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE((tmp_path / "www" / "public" / "site").stat().st_mode) == 0o755
    assert given == ["1333209600"]


def test_build_environment_dates_the_build_by_the_last_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    expected = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=build.ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert expected, "the tests need the repository's git history"
    env = build.reproducible_env()
    assert (env["SOURCE_DATE_EPOCH"], env["NO_MKDOCS_2_WARNING"]) == (expected, "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1333209600")
    assert build.reproducible_env()["SOURCE_DATE_EPOCH"] == "1333209600"



# ---- The funding rules' phases and checks (funding.py) -------------------------


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    for name in (funding.RULES_FILE, "funding-rules.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / funding.RULES_FILE


@pytest.mark.parametrize("start,years,ends,expected", [
    ("2008-04", 5, None, "2013-03"),  # 2008-04 + 60 months, less one: the month before the fifth anniversary
    ("2008-01", 1, None, "2008-12"),  # a year from January ends in December of the same year
    ("2008-12", 1, None, "2009-11"),
    ("2008-04", 5, "2014", "2014"),  # an end the source gives wins (the check refuses both)
    ("2025", 3, None, None),  # a year alone: no month to count from
    ("2008-04", None, None, None),  # neither years nor an end
])
def test_last_month_of_a_phase(rules: Path, start: str, years: int | None, ends: str | None, expected: str | None) -> None:
    loaded, _ = funding.load(rules)
    assert replace(loaded.phases[0], phase=start, years=years, ends=ends).last_month == expected


@pytest.mark.parametrize("end,start,expected", [
    ("2015-03", "2015-03", True),  # the same month
    ("2015-03", "2015-04", False),  # the month after
    ("2015-03", "2014-12", True),
    ("2015-10", "2015-09", True),  # two-digit months
    ("2015-12", "2016-01", False),
    ("2025", "2025-01", False),  # a year's end against a month of that year: not known to overlap
    ("2026", "2025-12", True),
    ("2025-03", "2025", False),
    ("2027", "2026", True),
])
def test_phases_overlap_at_the_precision_both_give(end: str, start: str, expected: bool) -> None:
    assert funding.overlaps(end, start) is expected


def test_subsidy_is_by_the_usual_cap_unless_asked(rules: Path) -> None:
    """Phase 5: up to 50% of HK$1,500,000 is HK$750,000, over the usual cap
    of HK$650,000 and at the higher cap for a Hong Kong technology."""
    loaded, _ = funding.load(rules)
    measure = loaded.phase().measure("new-technology")
    usual, higher = funding.subsidy(measure, Decimal(1_500_000)), funding.subsidy(measure, Decimal(1_500_000), higher_cap=True)
    assert usual == funding.Subsidy(Decimal(1_500_000), Decimal("750000.00"), Decimal(650_000), Decimal(850_000), capped=True, cap=650_000, at_most=True)
    assert higher == funding.Subsidy(Decimal(1_500_000), Decimal("750000.00"), Decimal("750000.00"), Decimal("750000.00"), capped=False, cap=750_000, at_most=True)


def test_rules_and_phases_by_start(rules: Path) -> None:
    loaded, problems = funding.load(rules)
    assert problems == []
    assert loaded.phase("2013-04").number == 2 and loaded.phase().number == 5
    assert loaded.is_current(loaded.phases[-1]) and not loaded.is_current(loaded.phases[-2])
    assert loaded.phase("2013-04").measure("verification").cap_hkd == 20000
    assert loaded.phases[3].rules_source.code == "smelink-en" and loaded.phases[0].rules_source is None
    assert [s.date for s in loaded.phases[0].sources] == ["2012-11-21"] and loaded.phases[4].rules_source.date is None
    assert loaded.phases[1].sources == (funding.Source(
        "news-2013",
        {"zh-Hant": "Clean factory fund applications to open（英文）", "en": "Clean factory fund applications to open"},
        {"zh-Hant": "香港政府新聞網（轉載於 pegasia.blogspot.com）", "en": "news.gov.hk (as re-posted on pegasia.blogspot.com)"},
        "https://pegasia.blogspot.com/2013/03/hks-updates-clean-factory-fund.html",
        "2013-03-27",
    ),)
    assert set(loaded.places) == {"pearl-river-delta", "other-guangdong"}


@pytest.mark.parametrize("old,new,where,what,fix", [
    ("    sources: [cpp-event-549]", "    sources: [cpp-event-594]",
     "    sources: [cpp-event-594]", "phase 5 names the source 'cpp-event-594', which is not under 'sources'", "add it under 'sources' with its title, publisher and address, or use one of: {known}"),
    ("    rules_source: smelink-zh  # undated; that these are this phase's rules is inferred", "    rules_source: smelink-xx",
     "    rules_source: smelink-xx", "phase 5 names the source 'smelink-xx', which is not under 'sources'", "add it under 'sources', or use one of: {known}"),
    ("    years: 5                   # how long it ran, if the source gives that instead of an end", '    years: 5\n    ends: "2013-03"',
     "    years: 5", "phase 1 gives both 'years' and 'ends'", "keep the one the source gives"),
    ("  - phase: \"2013-04\"", "  - phase: \"2008-04\"",
     "  - phase: \"2008-04\"", "phase 2008-04 comes after phase 2008-04 but starts no later", "list the phases in the order they started, the latest last"),
    ("  - phase: \"2013-04\"", "  - phase: \"2013-03\"",  # the month phase 1 ended
     "  - phase: \"2013-03\"", "phase 2 starts (2013-03) before phase 1 ends (2013-03): the phases overlap", "check both phases' dates in their sources: phase 2 should start after 2013-03"),
    ("    number: 5", "    number: 6",
     "    number: 6", "phase 2025 is numbered 6, after phase 4", "number it 5"),
    ("    number: 5", "    number: 4",
     "    number: 4", "phase 2025 is numbered 4, after phase 4", "number it 5"),
    ("        cap_basis: per-factory\n      - measure: demonstration", "        cap_basis: per-factory\n      - measure: assessment",
     "      - measure: assessment", "phase 2013-04 lists the measure 'assessment' twice", "keep one of them"),
    ("        higher_cap_hkd: 750000", "        higher_cap_hkd: 650000",
     "        higher_cap_hkd: 650000", "the higher cap (HK$650,000) is not more than the cap (HK$650,000)", "check both figures in the source"),
])
def test_rules_that_contradict_each_other_are_named(rules: Path, old: str, new: str, where: str, what: str, fix: str) -> None:
    text = rules.read_text(encoding="utf-8")
    assert text.count(old) == 1
    rules.write_text(text.replace(old, new), encoding="utf-8")
    loaded, problems = funding.load(rules)
    known = ", ".join(yaml.safe_load(text)["sources"])
    assert loaded is None
    line = text[: text.index(old) + new.index(where)].count("\n") + 1  # the line of `where`, part of the edit
    assert [(p.file, p.where, p.what, p.fix) for p in problems] == [(rules, f"line {line}", what, fix.format(known=known))]


def test_a_higher_cap_a_dollar_above_the_cap_passes(rules: Path) -> None:
    edit(rules, "        higher_cap_hkd: 750000", "        higher_cap_hkd: 650001")
    loaded, problems = funding.load(rules)
    assert problems == [] and loaded.phase().measure("new-technology").higher_cap_hkd == 650001


# ---- Stopping the build (build.py) ---------------------------------------------


def _python(code: str) -> list[str]:
    """A command as build._run takes it: the third word names it in messages."""
    return [sys.executable, "-c", code]


def test_a_build_step_runs_in_the_project_in_a_process_group_of_its_own(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    code = f"import os, pathlib; pathlib.Path({str(out)!r}).write_text(f'{{os.getpgid(0) == os.getpid()}} {{os.getcwd()}} {{os.environ[\"STAGE\"]}}')"
    build._run(_python(code), dict(os.environ, STAGE="pages"))
    assert out.read_text(encoding="utf-8") == f"True {build.ROOT} pages"
    assert build._group == []


def test_the_build_step_is_the_language_builds_with_the_project_s_scripts_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What build_into starts (the real run is the build tier's): the
    language builds, into the folder given, with the project's own scripts
    ahead of any PYTHONPATH the caller had."""
    started = []
    monkeypatch.setattr(build, "_run", lambda command, env: started.append((command, env)))
    build.build_into(tmp_path / "new", {"PYTHONPATH": "/opt/extra", "LANG": "C.UTF-8"})
    build.build_into(tmp_path / "again", {})
    scripts = str(build.ROOT / "scripts")
    assert started == [
        ([sys.executable, "-m", "cleanprod.engine.language_builds", str(tmp_path / "new")], {"PYTHONPATH": f"{scripts}{os.pathsep}/opt/extra", "LANG": "C.UTF-8"}),
        ([sys.executable, "-m", "cleanprod.engine.language_builds", str(tmp_path / "again")], {"PYTHONPATH": scripts}),
    ]


def test_a_failed_build_step_is_named_with_its_exit_code() -> None:
    with pytest.raises(build.BuildFailed) as failed:
        build._run(_python("raise SystemExit(3)"), dict(os.environ))
    assert str(failed.value) == "'raise SystemExit(3)' stopped the build (exit code 3)"
    assert not isinstance(failed.value, build.BuildStopped) and build._group == []


@pytest.mark.parametrize("signum,name", [(signal.SIGTERM, "SIGTERM"), (signal.SIGINT, "Ctrl-C"), (signal.SIGHUP, "SIGHUP")])
def test_a_signal_during_a_build_step_ends_its_group_and_stops_the_build(signum: int, name: str) -> None:
    """The step signals this process, then would run for a minute: the
    handler ends it at once, and the build stops naming the signal."""
    before = {s: signal.getsignal(s) for s in build._STOP_SIGNALS}
    started = datetime.now()
    with build._stoppable(), pytest.raises(build.BuildStopped) as stopped:
        build._run(_python(f"import os, time; os.kill(os.getppid(), {int(signum)}); time.sleep(60)"), dict(os.environ))
    assert (stopped.value.signum, str(stopped.value)) == (signum, name)
    assert (datetime.now() - started).total_seconds() < 30
    assert {s: signal.getsignal(s) for s in build._STOP_SIGNALS} == before and build._stopped == [] and build._group == []


def test_a_signal_before_the_build_step_started_stops_it_at_once() -> None:
    started = datetime.now()
    with build._stoppable(), pytest.raises(build.BuildStopped) as stopped:
        build._stopped.append(signal.SIGINT)
        build._run(_python("import time; time.sleep(60)"), dict(os.environ))
    assert str(stopped.value) == "Ctrl-C" and (datetime.now() - started).total_seconds() < 30
    assert build._stopped == []


def test_a_signal_during_the_build_leaves_the_site_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def build_into(folder: Path, env: dict[str, str]) -> None:
        (folder / "index.html").write_text("new", encoding="utf-8")
        build._stop(signal.SIGTERM, None)  # as the handler does when the signal comes after the last command
    monkeypatch.setattr(build, "build_into", build_into)
    site = _previous_site(tmp_path)
    with pytest.raises(build.BuildStopped):
        build.build(site)
    _assert_left_as_it_was(site)
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) & set(build._STOP_SIGNALS) == set()


def test_the_build_hears_sigterm_when_its_parent_ends() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    build.stop_with_parent()
    try:
        found = ctypes.c_int()
        libc.prctl(2, ctypes.byref(found))  # PR_GET_PDEATHSIG
        assert found.value == signal.SIGTERM
    finally:
        libc.prctl(build._PR_SET_PDEATHSIG, 0)


@pytest.mark.parametrize("template,values,expected", [
    ("{title}, {date}", {"title": "T", "date": "2024"}, "T, 2024"),
    # a value naming a placeholder is written as it is, not filled in again
    ("{title} ({date})", {"title": "Report {date}", "date": "2024"}, "Report {date} (2024)"),
    ("{date}: {title}", {"title": "{date}", "date": "2024"}, "2024: {date}"),
    ("{amount} {missing}", {"amount": "15,000"}, "15,000 {missing}"),
    ("{{x}}", {"x": "1"}, "{1}"),
])
def test_fill_fills_each_placeholder_once(template: str, values: dict[str, str], expected: str) -> None:
    assert fill(template, **values) == expected


# ---- Markup every renderer shares (render/markup.py, render/forms.py) ----------


def test_fill_puts_each_value_in_its_placeholder() -> None:
    assert markup.fill("{shown} of {total}, {shown}", shown=3, total="10") == "3 of 10, 3"


@pytest.mark.parametrize("amount,expected", [
    (15000, "15,000"),
    (Decimal("20000.5"), "20,000.50"),
    (Decimal("20000.00"), "20,000"),
    (Decimal("0.25"), "0.25"),
])
def test_money_has_cents_only_when_it_is_not_whole_dollars(amount: Decimal | int, expected: str) -> None:
    assert markup.money(amount) == expected


def test_unsearched_block_is_a_div_unless_told() -> None:
    assert markup.unsearched("<p>x</p>") == "<div data-pagefind-ignore><p>x</p></div>"
    assert markup.unsearched("x", "span", ' class="a"') == '<span class="a" data-pagefind-ignore>x</span>'


def test_example_note_escapes_its_badge_and_text() -> None:
    html = markup.example_note("<An> example & more", {"example.badge": "<Example>"})
    assert html == '<p class="example-note"><strong class="example-badge">&lt;Example&gt;</strong> &lt;An&gt; example &amp; more</p>'


@pytest.mark.parametrize("title,url,expected", [
    ("Notice & <1>", "https://s.example/?a=1&b=2", '<p class="record-source">&lt;Source&gt; <a href="https://s.example/?a=1&amp;b=2">Notice &amp; &lt;1&gt;</a></p>'),
    (None, "https://s.example/", ""),
    ("Notice", None, ""),
    (None, None, ""),
])
def test_source_line_needs_a_title_and_an_address(title: str | None, url: str | None, expected: str) -> None:
    assert markup.source_line(title, url, {"record.source": "<Source> "}) == expected


def test_filter_select_lists_everything_first_and_escapes() -> None:
    html = forms.filter_select("filter-type", "type", "<Type>", "All & any", [("a&b", "<A>"), ("c", "C")])
    assert html == (
        '<div class="question"><label for="filter-type">&lt;Type&gt;</label><select id="filter-type" name="type">'
        '<option value="">All &amp; any</option><option value="a&amp;b">&lt;A&gt;</option><option value="c">C</option></select></div>'
    )


# ---- Events' panels and list (render/events.py) --------------------------------

EVENT_SCHEMA = {"properties": {
    "type": {"x-labels": {"seminar": {"zh-Hant": "研討會", "en": "Seminar <S>"}, "visit": {"zh-Hant": "考察", "en": "Visit"}}},
    "status": {"x-labels": {code: {"zh-Hant": code, "en": code.title()} for code in ("open", "full", "cancelled", "postponed")}},
    "language": {"x-labels": {"english": {"zh-Hant": "英語", "en": "English"}, "cantonese": {"zh-Hant": "粵語", "en": "Cantonese"}}},
}}
EVENT_LABELS = {
    "weekday": "Mon Tue Wed Thu Fri Sat Sun", "event.to": "to", "event.hk-time": "(HK time)", "event.time-not-published": "(time not published)",
    "event.not-published": "<Not published>", "event.all-sectors": "All sectors", "event.free": "Free & open", "calc.money": "HK${amount}",
    "event.register": "Register", "event.deadline": "by {date}", "data.source": "Source",
    "event.type": "Type", "event.when": "When", "event.venue": "Venue", "event.language": "Language", "event.fee": "Fee",
    "event.sectors": "Sectors", "event.status": "Status", "example.event": "An example event.", "example.badge": "Example",
    "event.past": "Ended", "event.details": "Details", "event.calendar": "Add to calendar",
    "events.upcoming": "Upcoming", "events.none-upcoming": "None to come", "events.past": "Past", "events.calendar": "Subscribe",
    "events.filter.all": "All", "events.filter.type": "Type of event", "events.filter.sector": "Sector",
    "events.filter.shown": "{shown} of {total}", "events.filter.none": "None match",
}
TODAY = date(2027, 1, 1)


def _names(path: Path, rows: list[tuple[str, str, str]]) -> Dataset:
    """A file of codes and their names (sectors, venues)."""
    fields = [{"name": "code", "type": "string"}, {"name": "name_zh-Hant", "type": "string"}, {"name": "name_en", "type": "string"}]
    schema = {"fields": fields, "primaryKey": ["code"], "x-names": "name"}
    return Dataset(path, schema, tuple({"code": code, "name_zh-Hant": zh, "name_en": en} for code, zh, en in rows))


@pytest.fixture
def sectors(tmp_path: Path) -> Dataset:
    return _names(tmp_path / "sectors.csv", [("textiles", "紡織業", "Textiles & <dyeing>"), ("food", "食品業", "Food")])


@pytest.fixture
def venues(tmp_path: Path) -> Dataset:
    return _names(tmp_path / "venues.csv", [("hkpc", "生產力大樓", "HKPC <Building>")])


def _hk(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=revision.HONG_KONG)


def _event(**changes: object) -> Event:
    """An upcoming event with every detail published; `changes` take some away."""
    event = Event(
        slug="2027-01-21-energy", lang="en", title="Energy & <you>", description="", type="seminar",
        start=_hk(2027, 1, 21, 14, 30), end=_hk(2027, 1, 21, 17, 30), timed=True, venue="hkpc",
        language=("english", "cantonese"), fee_hkd=1500, sectors=("textiles", "food"),
        registration_url="https://r.example/?a=1&b=2", registration_deadline=_hk(2027, 1, 14), status="open",
        example=True, source=Path("events/2027-01-21-energy.md"), source_title="Notice <1>", source_url="https://s.example/?c&d",
    )
    return replace(event, **changes)


def _past_event(**changes: object) -> Event:
    """A cancelled event of 2008 whose source gives the day, and nothing else."""
    past = dict(
        slug="2008-04-18-a", title="Visit A", type="visit", start=_hk(2008, 4, 18), end=_hk(2008, 4, 19), timed=False, venue=None,
        language=(), fee_hkd=None, sectors=None, registration_url=None, registration_deadline=None, status="cancelled",
        example=False, source_title=None, source_url=None,
    )
    return _event(**{**past, **changes})


@pytest.mark.parametrize("start,end,timed,lang,expected", [
    ((2027, 1, 21, 14, 30), (2027, 1, 21, 17, 30), True, "en", "Thu 21 January 2027, 14:30 to 17:30"),
    ((2027, 1, 21, 9, 0), (2027, 1, 22, 17, 0), True, "en", "Thu 21 January 2027, 09:00 to Fri 22 January 2027, 17:00"),
    ((2008, 4, 18), (2008, 4, 19), False, "en", "Fri 18 April 2008"),
    ((2008, 4, 18), (2008, 4, 21), False, "en", "Fri 18 April 2008 to Sun 20 April 2008"),
    ((2027, 1, 21, 14, 30), (2027, 1, 21, 17, 30), True, "zh-Hant", "2027年1月21日（四） 14:30 至 17:30"),
])
def test_when_an_event_is_held_in_words(start: tuple[int, ...], end: tuple[int, ...], timed: bool, lang: str, expected: str) -> None:
    labels = {"weekday": "一 二 三 四 五 六 日", "event.to": "至"} if lang == "zh-Hant" else EVENT_LABELS
    assert event_render.format_when(_event(start=_hk(*start), end=_hk(*end), timed=timed, lang=lang), labels) == expected


def test_panel_of_an_upcoming_event_gives_every_detail(venues: Dataset, sectors: Dataset) -> None:
    html = event_render.panel(_event(), Events(EVENT_SCHEMA, {}), venues, sectors, EVENT_LABELS, "cal.ics?a&b", TODAY)
    until = ' data-until="2027-01-15T00:00:00+08:00"'  # registration closes at the end of the deadline's day
    assert html == (
        '<p class="example-note"><strong class="example-badge">Example</strong> An example event.</p>'
        '<section class="event-panel" aria-label="Details" data-ends="2027-01-21T17:30:00+08:00" data-past="Ended"><dl>'
        "<dt>Type</dt><dd>Seminar &lt;S&gt;</dd>"
        '<dt>When</dt><dd><time datetime="2027-01-21T14:30:00+08:00">Thu 21 January 2027, 14:30 to 17:30</time> (HK time)</dd>'
        "<dt>Venue</dt><dd>HKPC &lt;Building&gt;</dd>"
        "<dt>Language</dt><dd>English, Cantonese</dd>"
        "<dt>Fee</dt><dd>HK$1,500</dd>"
        "<dt>Sectors</dt><dd>Textiles &amp; &lt;dyeing&gt;, Food</dd>"
        '<dt data-while-upcoming>Status</dt><dd data-while-upcoming><strong class="event-status event-status--open">Open</strong></dd>'
        f'<dt{until}>Register</dt><dd{until}><a href="https://r.example/?a=1&amp;b=2">Register</a> by 14 January 2027</dd>'
        '<dt>Source</dt><dd><a href="https://s.example/?c&amp;d">Notice &lt;1&gt;</a></dd>'
        '</dl><p><a class="event-calendar" href="cal.ics?a&amp;b" download>Add to calendar</a></p></section>'
    )


def test_panel_of_a_past_event_says_what_is_not_published(venues: Dataset, sectors: Dataset) -> None:
    html = event_render.panel(_past_event(), Events(EVENT_SCHEMA, {}), venues, sectors, EVENT_LABELS, "cal.ics", TODAY)
    missing = '<span class="not-published">&lt;Not published&gt;</span>'
    assert html == (
        '<section class="event-panel" aria-label="Details" data-ends="2008-04-19T00:00:00+08:00" data-past="Ended">'
        '<p class="event-past">Ended</p><dl>'
        "<dt>Type</dt><dd>Visit</dd>"
        '<dt>When</dt><dd><time datetime="2008-04-18">Fri 18 April 2008</time> (time not published)</dd>'
        f"<dt>Venue</dt><dd>{missing}</dd><dt>Language</dt><dd>{missing}</dd><dt>Fee</dt><dd>{missing}</dd><dt>Sectors</dt><dd>{missing}</dd>"
        '<dt>Status</dt><dd><strong class="event-status event-status--cancelled">Cancelled</strong></dd>'
        '</dl><p><a class="event-calendar" href="cal.ics" download>Add to calendar</a></p></section>'
    )


@pytest.mark.parametrize("changes,row", [
    ({"fee_hkd": 0}, "<dt>Fee</dt><dd>Free &amp; open</dd>"),
    ({"sectors": ()}, "<dt>Sectors</dt><dd>All sectors</dd>"),
    ({"status": "full"}, '<dt data-while-upcoming>Status</dt><dd data-while-upcoming><strong class="event-status event-status--full">Full</strong></dd>'),
    ({"status": "postponed"}, '<dt>Status</dt><dd><strong class="event-status event-status--postponed">Postponed</strong></dd>'),
    ({"registration_deadline": _hk(2027, 1, 14, 12, 0)},
     '<dt data-until="2027-01-14T12:00:00+08:00">Register</dt><dd data-until="2027-01-14T12:00:00+08:00"><a href="https://r.example/?a=1&amp;b=2">Register</a> by 14 January 2027</dd>'),
    ({"registration_deadline": None},
     '<dt data-until="2027-01-21T17:30:00+08:00">Register</dt><dd data-until="2027-01-21T17:30:00+08:00"><a href="https://r.example/?a=1&amp;b=2">Register</a></dd>'),
    ({"source_title": None}, '<dt>Source</dt><dd><a href="https://s.example/?c&amp;d">https://s.example/?c&amp;d</a></dd>'),
])
def test_panel_row_for_each_kind_of_detail(venues: Dataset, sectors: Dataset, changes: dict, row: str) -> None:
    html = event_render.panel(_event(**changes), Events(EVENT_SCHEMA, {}), venues, sectors, EVENT_LABELS, "cal.ics", TODAY)
    assert row in html


@pytest.mark.parametrize("changes", [
    {"status": "full"},  # held as planned once it has ended: nothing to announce
    {"status": None},
])
def test_past_event_shows_no_status_unless_called_off(venues: Dataset, sectors: Dataset, changes: dict) -> None:
    html = event_render.panel(_past_event(**changes), Events(EVENT_SCHEMA, {}), venues, sectors, EVENT_LABELS, "cal.ics", TODAY)
    assert "Status" not in html


@pytest.mark.parametrize("changes", [
    {"status": "full"},
    {"registration_url": None},
    {"registration_deadline": _hk(2026, 12, 31)},  # closed at the end of the day before
])
def test_registration_is_offered_only_while_open(venues: Dataset, sectors: Dataset, changes: dict) -> None:
    html = event_render.panel(_event(**changes), Events(EVENT_SCHEMA, {}), venues, sectors, EVENT_LABELS, "cal.ics", TODAY)
    assert "Register" not in html


@pytest.mark.parametrize("changes,days", [
    ({}, {date(2027, 1, 21): True, date(2027, 1, 22): False}),  # a timed event is to come all its day
    ({"start": _hk(2008, 4, 18), "end": _hk(2008, 4, 21), "timed": False}, {date(2008, 4, 20): True, date(2008, 4, 21): False}),  # its end is the day after
])
def test_an_event_is_to_come_until_its_last_day_is_over(changes: dict, days: dict[date, bool]) -> None:
    assert {day: _event(**changes).upcoming(day) for day in days} == days


@pytest.mark.parametrize("deadline,days", [
    (_hk(2027, 1, 14), {date(2027, 1, 14): True, date(2027, 1, 15): False}),  # a day: all of it
    (_hk(2027, 1, 14, 0, 30), {date(2027, 1, 13): True, date(2027, 1, 14): True, date(2027, 1, 15): False}),  # a time: until then
])
def test_registration_is_open_until_the_deadline(deadline: datetime, days: dict[date, bool]) -> None:
    assert {day: _event(registration_deadline=deadline).registration_open(day) for day in days} == days


def test_a_code_of_a_list_field_has_its_words_from_the_schema() -> None:
    schema = json.loads((DOCS / "_data" / "event.schema.json").read_text(encoding="utf-8"))
    events = Events(schema, {})
    assert [events.label("language", "cantonese", lang) for lang in ("zh-Hant", "en")] == ["粵語", "Cantonese"]
    assert events.label("type", "ceremony", "en") == "Logo award ceremony"


CASE_FRONT_MATTER = "title: Example\nsector: textiles\nyear: {year}\ninvestment_hkd: 1000\nsubsidy_hkd: {subsidy}\n"


@pytest.mark.parametrize("year,subsidy,over", [
    (2012, 500, False),  # half of the investment, the first phase's most
    (2012, 501, True),
    (2007, 501, True),  # before the first phase: its rule
    (2013, 900, False),  # the second phase paid for no demonstration project: no rule to break
    (2015, 501, True),  # the third phase's, from the year it began
    (2020, 900, False),  # the fourth phase's are measures of other names
])
def test_a_case_subsidy_is_checked_by_the_rule_of_its_year(rules: Path, year: int, subsidy: int, over: bool) -> None:
    loaded, _ = funding.load(rules)
    meta = {"year": year, "investment_hkd": 1000, "subsidy_hkd": subsidy}
    page = Page(Path("docs/cases/x.md"), "en", meta, "", 8, CASE_FRONT_MATTER.format(year=year, subsidy=subsidy))
    expected = [Problem(
        page.path, "line 6", f"the subsidy (HK${subsidy}) is more than 50% of the investment (HK$1,000), the most a demonstration project gets",
        "check both figures: the subsidy may be at most HK$500",
    )]
    assert case_content._check_subsidy(page, meta, loaded) == (expected if over else [])


@pytest.mark.parametrize("character,name", [("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\x00", "U+0000"), ("\ue000", "U+E000")])
def test_a_character_is_named_as_staff_can_look_it_up(character: str, name: str) -> None:
    assert text_checks._name(character) == name


# ---- Calendars (iCalendar) and site maps ----------------------------------

CHANGED = _hk(2026, 1, 2, 19, 4, 5)  # the event file's last change: 11:04:05 UTC


def _ical_lines(ical: bytes) -> list[str]:
    """An iCalendar text's lines, each long line (folded at 75 bytes) whole again."""
    return ical.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_a_timed_event_is_a_vevent_in_hong_kong_time(venues: Dataset) -> None:
    ical = calendars.vevent(_event(), Events(EVENT_SCHEMA, {}), venues, "https://cp.example.gov.hk/sub/", "en/", CHANGED)
    assert _ical_lines(ical) == [
        "BEGIN:VEVENT",
        "SUMMARY:Energy & <you>",  # an open event's title alone
        "DTSTART;TZID=Asia/Hong_Kong:20270121T143000",
        "DTEND;TZID=Asia/Hong_Kong:20270121T173000",
        "DTSTAMP:20260102T110405Z",
        "UID:2027-01-21-energy@cp.example.gov.hk",  # the same in every language and every build
        "CATEGORIES:Seminar <S>",
        "DESCRIPTION:Open. https://r.example/?a=1&b=2",  # no description of its own: its status, and where to register
        "LAST-MODIFIED:20260102T110405Z",
        "LOCATION:HKPC <Building>",
        "STATUS:CONFIRMED",
        "URL:https://cp.example.gov.hk/sub/en/events/2027-01-21-energy/",
        "END:VEVENT",
        "",
    ]


@pytest.mark.parametrize("status,summary,described,state", [
    (None, "Energy & <you>", "Talk.", "CONFIRMED"),
    ("full", "Energy & <you> (Full)", "Talk. Full.", "CONFIRMED"),
    ("postponed", "Energy & <you> (Postponed)", "Talk. Postponed.", "TENTATIVE"),
    ("cancelled", "Energy & <you> (Cancelled)", "Talk. Cancelled.", "CANCELLED"),
])
def test_a_calendar_entry_says_what_became_of_the_event(venues: Dataset, status: str | None, summary: str, described: str, state: str) -> None:
    event = _event(status=status, description="Talk.", registration_url=None)
    lines = _ical_lines(calendars.vevent(event, Events(EVENT_SCHEMA, {}), venues, "https://cp.example.gov.hk/", "en/", CHANGED))
    assert [line for line in lines if line.split(":")[0] in ("SUMMARY", "DESCRIPTION", "STATUS")] == [
        f"SUMMARY:{summary}", f"DESCRIPTION:{described} https://s.example/?c&d", f"STATUS:{state}",  # the source, with no registration
    ]


def test_an_event_whose_source_gives_only_its_days_is_whole_days_in_its_language(venues: Dataset) -> None:
    """The end is the day after the last day (RFC 5545); with no site
    address set, the UID still names a host."""
    event = _past_event(lang="zh-Hant", end=_hk(2008, 4, 21), source_url="https://s.example/a", description="參觀。")
    lines = _ical_lines(calendars.vevent(event, Events(EVENT_SCHEMA, {}), venues, "", "", CHANGED))
    assert lines[1:6] == ["SUMMARY:Visit A (cancelled)", "DTSTART;VALUE=DATE:20080418", "DTEND;VALUE=DATE:20080421", "DTSTAMP:20260102T110405Z", "UID:2008-04-18-a@localhost"]
    assert "DESCRIPTION:參觀。 cancelled。 https://s.example/a" in lines
    assert not any(line.startswith("LOCATION") for line in lines)  # its venue was not published


def test_a_calendar_holds_its_events_in_order_and_hong_kong_time() -> None:
    events = [b"BEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\n", b"BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n"]
    lines = _ical_lines(calendars.calendar(events, "Events & talks: upcoming"))
    assert lines[:13] == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cleaner Production Partnership Programme//Events//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "X-WR-CALNAME:Events & talks: upcoming", "X-WR-TIMEZONE:Asia/Hong_Kong",
        "BEGIN:VEVENT", "UID:b", "END:VEVENT", "BEGIN:VEVENT", "UID:a", "END:VEVENT",
    ]
    assert lines[13:15] == ["BEGIN:VTIMEZONE", "TZID:Asia/Hong_Kong"]
    assert "TZOFFSETTO:+0800" in lines and lines[-3:] == ["END:VTIMEZONE", "END:VCALENDAR", ""]


def test_the_site_map_page_nests_sections_and_escapes_titles_and_addresses() -> None:
    entries = [sitemap.Entry("A & B", "a/?x=1&y=2"), sitemap.Entry("Section <S>", None, (sitemap.Entry("C", "c/"),))]
    assert sitemap.render(entries) == (
        '<ul class="site-map"><li><a href="a/?x=1&amp;y=2">A &amp; B</a></li>'
        '<li>Section &lt;S&gt;<ul class="site-map"><li><a href="c/">C</a></li></ul></li></ul>'
    )


def test_sitemap_xml_gives_each_page_its_date_and_languages() -> None:
    urls = [
        sitemap.Url("https://x.example/a/?q=1&r=2", date(2026, 2, 3), [("zh-Hant", "https://x.example/a/"), ("en", "https://x.example/en/a/?q&r")]),
        sitemap.Url("https://x.example/b/", date(2027, 12, 31), []),
    ]
    assert sitemap.xml(urls).split("\n") == [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        "<url><loc>https://x.example/a/?q=1&amp;r=2</loc><lastmod>2026-02-03</lastmod>",
        '  <xhtml:link rel="alternate" hreflang="zh-Hant" href="https://x.example/a/"/>',
        '  <xhtml:link rel="alternate" hreflang="en" href="https://x.example/en/a/?q&amp;r"/>',
        "</url>",
        "<url><loc>https://x.example/b/</loc><lastmod>2027-12-31</lastmod>",
        "</url>",
        "</urlset>",
        "",
    ]
    assert sitemap.robots_txt("https://x.example/sub/") == "User-agent: *\nAllow: /\n\nSitemap: https://x.example/sub/sitemap.xml\n"


def test_events_list_upcoming_first_then_past_by_year(venues: Dataset, sectors: Dataset) -> None:
    coming = _event()
    a = _past_event()
    b = _past_event(slug="2008-05-06-b", title="Visit B", start=_hk(2008, 5, 6), end=_hk(2008, 5, 7), status="full", sectors=())
    d = _event(slug="2026-11-03-d", title="Visit D", type="visit", start=_hk(2026, 11, 3, 10, 0), end=_hk(2026, 11, 3, 12, 0),
               venue=None, status=None, example=False, sectors=("food",))
    events = Events(EVENT_SCHEMA, {"en": [a, b, d, coming]})
    html = event_render.index("en", events, venues, sectors, EVENT_LABELS, "/a&b/", TODAY)
    listed = '<ul class="event-list" data-pagefind-weight="0.5">'
    assert html == (
        '<p><a href="/a&amp;b/events/calendar.ics" download>Subscribe</a></p>'
        '<form class="event-filters" data-event-filters hidden>'
        '<div class="question"><label for="filter-type">Type of event</label><select id="filter-type" name="type">'
        '<option value="">All</option><option value="seminar">Seminar &lt;S&gt;</option><option value="visit">Visit</option></select></div>'
        '<div class="question"><label for="filter-sector">Sector</label><select id="filter-sector" name="sector">'
        '<option value="">All</option><option value="textiles">Textiles &amp; &lt;dyeing&gt;</option><option value="food">Food</option></select></div>'
        '<p class="event-count" role="status" aria-live="polite" data-event-count data-template="{shown} of {total}" data-none="None match" data-total="4"></p></form>'
        '<div class="event-lists" data-event-lists data-past="Past" data-none-upcoming="None to come">'
        f'<h2 id="upcoming">Upcoming</h2>{listed}'
        '<li class="event-item" data-type="seminar" data-sectors="textiles food" data-ends="2027-01-21T17:30:00+08:00" data-year="2027">'
        '<a href="/a&amp;b/events/2027-01-21-energy/">Energy &amp; &lt;you&gt;</a> <strong class="example-badge">Example</strong><br>'
        '<span class="event-facts"><time datetime="2027-01-21T14:30:00+08:00">Thu 21 January 2027, 14:30 to 17:30</time> · Seminar &lt;S&gt; · '
        'HKPC &lt;Building&gt; · <span class="event-status event-status--open" data-while-upcoming>Open</span></span></li></ul>'
        f'<h2 id="past">Past</h2><h3 id="past-2026">2026</h3>{listed}'
        '<li class="event-item" data-type="visit" data-sectors="food" data-ends="2026-11-03T12:00:00+08:00" data-year="2026">'
        '<a href="/a&amp;b/events/2026-11-03-d/">Visit D</a><br>'
        '<span class="event-facts"><time datetime="2026-11-03T10:00:00+08:00">Tue 3 November 2026, 10:00 to 12:00</time> · Visit</span></li></ul>'
        f'<h3 id="past-2008">2008</h3>{listed}'
        '<li class="event-item" data-type="visit" data-sectors="all" data-ends="2008-05-07T00:00:00+08:00" data-year="2008">'
        '<a href="/a&amp;b/events/2008-05-06-b/">Visit B</a><br>'
        '<span class="event-facts"><time datetime="2008-05-06">Tue 6 May 2008</time> · Visit</span></li>'
        '<li class="event-item" data-type="visit" data-sectors="all" data-ends="2008-04-19T00:00:00+08:00" data-year="2008">'
        '<a href="/a&amp;b/events/2008-04-18-a/">Visit A</a><br>'
        '<span class="event-facts"><time datetime="2008-04-18">Fri 18 April 2008</time> · Visit · '
        '<span class="event-status event-status--cancelled">Cancelled</span></span></li></ul></div>'
    )


def test_events_list_with_none_to_come_and_none_past(venues: Dataset, sectors: Dataset) -> None:
    past_only = event_render.index("en", Events(EVENT_SCHEMA, {"en": [_past_event()]}), venues, sectors, EVENT_LABELS, "/", TODAY)
    assert '<h2 id="upcoming">Upcoming</h2><p>None to come</p><h2 id="past">Past</h2><h3 id="past-2008">2008</h3>' in past_only
    coming_only = event_render.index("en", Events(EVENT_SCHEMA, {"en": [_event()]}), venues, sectors, EVENT_LABELS, "/", TODAY)
    assert coming_only.endswith("</span></span></li></ul></div>")
    assert 'id="past' not in coming_only


# ---- The search index's records and Chinese twins (search_index.py) -----------

def test_a_chinese_record_shows_the_text_a_reader_sees_or_the_page_description() -> None:
    article = ('<h1 id="t">資助<a class="headerlink" href="#t">¶</a></h1><p>工廠<br>可以<svg><text>圖</text></svg>申請'
               "<span data-pagefind-ignore>略</span>。<script>x()</script></p>")
    assert search_index.record("funding/", "資助", None, article, None) == search_index.Record("/funding/", "資助", "工廠 可以 申請 。", article, None)
    long = "<h1>T</h1><p>" + "x" * 121 + "</p>"
    assert search_index.record("a/", "T", None, long, 0.5).excerpt == "x" * 120 + "…"  # cut at 120, and said to be cut
    assert search_index.record("a/", "T", None, "<h1>T</h1><p>" + "x" * 120 + "</p>", 0.5).excerpt == "x" * 120
    assert search_index.record("a/", "T", "Desc", long, None).excerpt == "Desc"


def test_neighbouring_cells_and_items_are_kept_apart_for_the_index() -> None:
    html = "<table><tr><td>a</td><td>b</td></tr></table><dl><dt>c</dt><dd>d</dd></dl><li>e</li> f"
    assert search_index.words_apart(html) == "<table><tr><td>a</td>\n<td>b</td>\n</tr></table><dl><dt>c</dt>\n<dd>d</dd>\n</dl><li>e</li> f"


def test_a_page_title_counts_most_and_a_record_s_title_less() -> None:
    assert search_index.title_kept("<h1>A</h1><h1>B</h1>", None) == '<h1 data-pagefind-weight="10.0" data-pagefind-meta="topic">A</h1><h1>B</h1>'
    assert search_index.title_kept("<h1>A</h1><h1>B</h1>", _news(3)) == '<h1 data-pagefind-weight="6.0">A</h1><h1>B</h1>'
    assert [search_index.weight(r) for r in (_news(3), _event(), None)] == [PASSING_WEIGHT, PASSING_WEIGHT, None]


def test_the_character_table_and_the_way_back_to_the_page_s_characters() -> None:
    texts = ["伙伴 資助 製造 管制 制度"]
    table = search_index.character_table(texts)
    # 夥 and the compatibility form of 度 (U+FA01), which the site does not use, find 伙 and 度; 制 is its own form
    assert table == {"夥": "伙", "製": "制", "資": "资", "\ufa01": "度"}
    assert search_index.originals(texts, table) == {
        "characters": {"资": "資"},  # 制 stands for two characters: it goes back by its pair
        "pairs": {"制度": "制度", "制造": "製造", "管制": "管制"},
    }


def test_a_chinese_twin_is_pairs_of_converted_characters_with_ids_and_metadata_kept() -> None:
    html = ('<h1 id="x" data-pagefind-weight="10.0" data-pagefind-meta="topic">資助<a class="headerlink" href="#x">¶</a></h1>'
            '<p>詳情見<a href="b/">研討會</a>。</p>')
    twin = search_index._twin(search_index.Record("/a/", "資助 <項目>", "摘要 & 更多", html, 0.5), "zh-Hant", str.maketrans({"資": "资"}))
    assert twin == (
        '<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title></title></head><body>'
        '<p data-pagefind-meta="title">資助 &lt;項目&gt;</p><p data-pagefind-meta="excerpt">摘要 &amp; 更多</p>'
        '<main data-pagefind-body data-pagefind-weight="0.5"><h1 id="x" data-pagefind-weight="6.0"> ineefckj </h1>'
        "<p> ikhdgamf gamfijil ijilhibe hibeikao ikaoghad 。</p></main></body></html>"
    )
    assert search_index.pairs("節能") == " hlmaiapn " and search_index.pairs("日") == " gfofz "  # 節 U+7BC0, 能 U+80FD; 日 alone


# ---- Hong Kong words on the Simplified pages (mainland_usage.py) ---------------

SIMPLIFIED_HOME = (
    '<html lang="zh-Hans"><head><title>首页</title><meta name="description" content="甚么"></head><body>'
    '<p>一<br>透过</p><code>公吨</code><span lang="en">屋邨</span><script>var x = "屋邨";</script>'
    '<svg><text>屋邨</text></svg><script type="application/json">{"a": "公吨"}</script><img alt="屋邨"><p lang="zh-Hans-CN">x</p></body></html>'
)


def test_a_simplified_page_is_read_as_its_reader_reads_it() -> None:
    """Its text, title, description, image text and script labels; not code,
    a drawing, a script, or a part in another language."""
    assert mainland_usage.reader_text(SIMPLIFIED_HOME) == '首页\n甚么\n一\n透过\n{"a": "公吨"}\n屋邨\nx'


def test_each_hong_kong_word_on_a_simplified_page_is_named_with_its_fix(tmp_path: Path) -> None:
    site, docs, terms = tmp_path / "site", tmp_path / "docs", tmp_path / "terms.yml"
    for path, html in {"zh-Hans/index.html": "<p>一<br>透过</p><code>公吨</code>", "zh-Hans/about/index.html": "<p>公吨</p>",
                       "zh-Hans/pagefind/x.html": "<p>透过</p>", "index.html": "<p>透过</p>"}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")
    docs.mkdir()
    (docs / "about.zh-Hans.md").write_text("# 关于\n", encoding="utf-8")  # written by hand: the fix is in it
    terms.write_text("- 透过\n- 公吨\n", encoding="utf-8")
    shows = "the Simplified Chinese page {} shows '{}', which is Hong Kong usage"
    assert mainland_usage.problems(site, docs, terms) == [
        Problem(docs / "about.zh-Hans.md", "the page's text", shows.format("/zh-Hans/about/", "公吨"), "write the Mainland word instead of '公吨' in this hand-written Simplified page"),
        Problem(site / "zh-Hans" / "index.html", "the page's text", shows.format("/zh-Hans/", "透过"),
                "add a line '透过: <the Mainland word>' to docs/_data/glossary.yml, which the Simplified pages are converted through"),
    ]


@pytest.mark.parametrize("text,found,problems", [
    ("- 透过\n- ' 公吨 '\n", ("透过", "公吨"), []),
    ("- 透过\n- 3\n- ''\n", ("透过",), [("line 2", "'3' is not a word"), ("line 3", "'' is not a word")]),
    ("透过: x\n", (), [("the whole file", "the file is not a list of words")]),
])
def test_the_list_of_hong_kong_words_and_each_mistake_in_it(tmp_path: Path, text: str, found: tuple[str, ...], problems: list[tuple[str, str]]) -> None:
    (tmp_path / "terms.yml").write_text(text, encoding="utf-8")
    terms, mistakes = mainland_usage.read_terms(tmp_path / "terms.yml")
    assert (terms, [(p.where, p.what) for p in mistakes]) == (found, problems)


# ---- Image sizes and late loading (images.py) ---------------------------------

def _png(path: Path, width: int, height: int) -> Path:
    """A PNG file's header, which is all `imagesize` reads."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00")
    return path


def test_the_site_s_images_get_their_size_and_all_but_the_first_load_late(tmp_path: Path) -> None:
    files = {"en/assets/a b.png": _png(tmp_path / "a.png", 640, 480), "en/assets/drawing.svg": tmp_path / "missing.svg", "x&y.png": _png(tmp_path / "b.png", 2, 1)}
    content = (
        '<img src="../assets/a%20b.png" alt="A"><p>x</p><img src="../assets/a%20b.png" alt="B" width="10">'
        '<img src="https://x.example/y.png" alt="C"/><img src="/en/assets/a b.png" alt="D" loading="eager">'
        '<img src="../assets/drawing.svg" alt="E"><img src="../../x&amp;y.png" alt="F">'
    )
    assert images.sized(content, "en/funding/", files.get) == (
        '<img src="../assets/a%20b.png" alt="A" width="640" height="480"><p>x</p>'  # the first: at once
        '<img src="../assets/a%20b.png" alt="B" width="10" loading="lazy">'  # its size as written
        '<img src="https://x.example/y.png" alt="C" loading="lazy"/>'
        '<img src="/en/assets/a b.png" alt="D" loading="eager" width="640" height="480">'  # its loading as written
        '<img src="../assets/drawing.svg" alt="E" loading="lazy">'  # a size its file does not give is left out
        '<img src="../../x&amp;y.png" alt="F" width="2" height="1" loading="lazy">'  # its address as the browser reads it
    )
    assert images.size(_png(tmp_path / "flat.png", 640, 0)) == (0, 0)


# ---- A link to a heading a page lacks (anchor_warnings.py) --------------------

def test_mkdocs_warning_of_a_link_to_no_heading_becomes_a_problem_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("# About\n\nSee [the measures](funding.md#measure).\n", encoding="utf-8")
    headings = {"funding.md": [f"h{n}" for n in range(11)], "privacy.md": []}
    noted: list[Problem] = []
    warning = anchor_warnings.NoteAsProblem(tmp_path, headings.__getitem__, noted.append)
    message = "Doc file 'about.md' contains a link 'funding.md#measure', but the doc 'funding.md' does not contain an anchor '#measure'"
    record = logging.LogRecord("mkdocs", logging.WARNING, "", 0, message, None, None)
    assert warning.filter(record) is False  # noted, not printed
    assert warning.filter(logging.LogRecord("mkdocs", logging.WARNING, "", 0, "another warning", None, None)) is True
    assert noted == [Problem(
        tmp_path / "about.md", "line 3", "the link 'funding.md#measure' leads to no heading '#measure' of funding.md",
        "after '#', write the id of the heading you mean; funding.md has: h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, …",
    )]
    lacking = warning.problem("about.md", "privacy.md#x", "privacy.md", "x")
    assert (lacking.where, lacking.fix) == ("the whole file", "privacy.md has no heading to link to: link to the page alone")


# ---- Words readers search for that the site does not use (search_words.py) -----

def test_each_language_s_search_reads_its_words_and_simplified_reads_them_converted() -> None:
    checked = {"zh-Hant": {"補貼": "資助", "聯絡": "聯絡人", "颱風": "台風"}, "en": {"subsidy": "funding"}}
    assert search_words.for_language(checked, "en") == {"subsidy": "funding"}
    assert search_words.for_language(checked, "zh-Hant") == checked["zh-Hant"]
    simplified = search_words.for_language(checked, "zh-Hans")
    assert (simplified["補貼"], simplified["聯絡"]) == ("资助", "联系人")  # as the Simplified pages write them, through the glossary
    assert "颱風" not in simplified  # 台风 in Simplified characters: the search finds it already
    assert simplified["联络方法"] == "联系方式"  # a Hong Kong word the glossary replaces


@pytest.mark.parametrize("text,problem", [
    ("- a\n", ("the whole file", "the file is not a list of words under 'zh-Hant:' and 'en:'", "restore it from the previous version (git shows the file's earlier versions)")),
    ("fr:\n  a: b\n", ("line 1", "'fr' is not zh-Hant or en", "put each word under 'zh-Hant:' (for both Chinese languages) or 'en:'")),
    ("en: x\n", ("line 1", "the words under 'en:' are not 'word: the site's word' lines", "indent each line under 'en:' by two spaces, such as '  grant: funding'")),
    ("en:\n  \"\": x\n", ("line 2", "': x' is not a word and the site's word for it", "write the word readers search for, a colon and a space, and the word the site uses, such as 'grant: funding'")),
    ("en:\n  Subsidy: subsidy\n", ("line 2", "'Subsidy' is given as the site's word for itself", "delete the line: the site's own words are found already")),
    ("zh-Hant:\n  资助: 資助\n", ("line 2", "'资助' is the site's word '資助' in other characters, which the search finds already", "delete the line")),
    ("en:\n  grant: subsidy\n  subsidy: funding\n", ("line 2", "the site's word 'subsidy' is itself listed as a word the site does not use", "write the word the site uses after 'grant:', as 'subsidy' has it")),
])
def test_each_mistake_in_the_search_words_is_named_and_its_line_left_out(tmp_path: Path, text: str, problem: tuple[str, str, str]) -> None:
    (tmp_path / "words.yml").write_text(text, encoding="utf-8")
    words, problems = search_words.read(tmp_path / "words.yml")
    assert [(p.where, p.what, p.fix) for p in problems] == [problem]
    assert all(word not in found for found in words.values() for word in ("a", "Subsidy", "资助", "grant", ""))


# ---- Read from the site's own files: news order, labels, a language's build ----

def test_news_is_listed_newest_first_in_every_language() -> None:
    newest_first = ["2015-06-15-new-phase-applications", "2013-03-27-extended-programme-applications"]  # the files sort the other way
    assert {lang: [item.slug for item in items] for lang, items in checked_content().news.items()} == {lang: newest_first for lang in ("zh-Hant", "en", "zh-Hans")}


def test_a_language_s_build_reads_each_language_s_labels() -> None:
    build = LanguageBuild(Checked.of(checked_content(), {}), "zh-Hant")
    assert build.labels["untranslated"] == "本頁尚未有中文版本，以下是英文版本。"
    assert build.labels_in("en")["untranslated"] == "This page is not yet available in English. It is shown below in Chinese."


@pytest.mark.parametrize("building,written,shown", [
    ("en", "zh-Hant", '<p class="untranslated" role="note">This page is not yet available in English. It is shown below in Chinese.</p><div lang="zh-Hant"><p>頁</p></div>'),
    ("zh-Hans", "zh-Hant", "<p>頁</p>"),  # the Simplified pages are made from it: they read in their language
    ("en", None, "<p>頁</p>"),  # not a page of any language
])
def test_a_page_shown_in_place_of_a_missing_translation_says_so_and_is_marked(building: str, written: str | None, shown: str) -> None:
    build = LanguageBuild(Checked.of(checked_content(), {}), building)
    page = SimpleNamespace(file=SimpleNamespace(locale=written))
    assert plugin._untranslated(build, "<p>頁</p>", page) == shown


@pytest.mark.parametrize("building,site_url,elsewhere,home,root", [
    ("zh-Hant", "https://cp.example.gov.hk/sub/", [("en", "en/", "This page is not yet available in English. It is shown below in Chinese."),
                                                    ("zh-Hans", "zh-Hans/", "本页尚未有中文版本，以下是英文版本。")], "", "/sub/"),
    ("en", "", [], "en/", "/"),  # the root's 404 page alone speaks every language
])
def test_templates_get_each_language_s_home_and_the_404_page_the_others(building: str, site_url: str, elsewhere: list, home: str, root: str) -> None:
    site = plugin.SitePlugin()
    site.build = LanguageBuild(Checked.of(checked_content(), {}), building)
    env = site.on_env(jinja2.Environment(), SimpleNamespace(site_url=site_url), None)
    assert env.autoescape is True  # every value a template prints is escaped
    assert [(lang, prefix, labels["untranslated"]) for lang, prefix, labels in env.globals["notfound_elsewhere"]] == elsewhere
    assert (env.globals["lang_home"], env.globals["site_root"]) == (home, root)


@pytest.mark.parametrize("outcomes,built", [
    ([[], [], []], True),
    ([[], None, []], False),  # a language's process ended without a word
    ([[], [], [Problem(Path("docs/a.md"), "line 1", "x", "y")]], False),
])
def test_the_site_is_built_only_if_every_language_built(outcomes: list, built: bool) -> None:
    workers = [SimpleNamespace(outcome=lambda found=found: found) for found in outcomes]
    assert language_builds.finished(workers) is built


@pytest.mark.parametrize("year,problem", [(2026, None), (2027, "the project's year (2027) is after this year (2026)")])
def test_a_case_study_s_year_is_not_after_the_build_s(monkeypatch: pytest.MonkeyPatch, year: int, problem: str | None) -> None:
    monkeypatch.setattr(case_content, "build_date", lambda: date(2026, 12, 31))
    page = Page(Path("docs/cases/x.md"), "en", {"year": year}, "", 8, CASE_FRONT_MATTER.format(year=year, subsidy=0))
    assert [(p.where, p.what) for p in case_content._check_year(page, {"year": year})] == ([("line 4", problem)] if problem else [])


def test_a_label_with_only_spaces_in_a_language_is_named(tmp_path: Path) -> None:
    (tmp_path / "labels.yml").write_text("a:\n  zh-Hant: 甲\n  en: '  '\n", encoding="utf-8")
    found, problems = labels.load(tmp_path / "labels.yml")
    assert [(p.where, p.what, p.fix) for p in problems] == [("label 'a'", "no en text", "add a line 'en: …' under 'a:'")]
    assert (found["zh-Hant"]["a"], found["zh-Hans"]["a"], "a" in found["en"]) == ("甲", "甲", False)


# ---- News (render/news.py) ------------------------------------------------------

NEWS_LABELS = {"news.published": "Published: ", "record.source": "Source: ", "example.news": "An example item.", "example.badge": "Example", "news.feed": "Feed <Atom>", "news.all": "All news"}


def _news(day: int, example: bool = False) -> NewsItem:
    return NewsItem(f"2026-11-{day:02d}-n", "en", f"Item {day} & <b>", date(2026, 11, day), f"Summary <{day}>", example, Path("news/n.md"), "Gazette <G>", "https://g.example/?a&b")


def test_news_date_line_with_its_source_and_note() -> None:
    assert news_render.header(_news(3, example=True), NEWS_LABELS) == (
        '<p class="news-date">Published: <time datetime="2026-11-03">3 November 2026</time></p>'
        '<p class="record-source">Source: <a href="https://g.example/?a&amp;b">Gazette &lt;G&gt;</a></p>'
        '<p class="example-note"><strong class="example-badge">Example</strong> An example item.</p>'
    )
    assert news_render.header(_news(3), NEWS_LABELS).endswith("Gazette &lt;G&gt;</a></p>")


def _news_item(day: int, badge: str = "") -> str:
    return (
        f'<li class="news-item"><time datetime="2026-11-{day:02d}">{day} November 2026</time><br>'
        f'<a href="/a&amp;b/news/2026-11-{day:02d}-n/">Item {day} &amp; &lt;b&gt;</a>{badge}<br><span class="news-summary">Summary &lt;{day}&gt;</span></li>'
    )


def test_news_list_has_every_item_and_the_feed() -> None:
    items = [_news(9, example=True), _news(5), _news(4), _news(3)]
    assert news_render.index(items, NEWS_LABELS, "/a&b/") == (
        '<p><a href="/a&amp;b/news/feed.xml" type="application/atom+xml">Feed &lt;Atom&gt;</a></p>'
        '<ul class="news-list" data-pagefind-weight="0.5">'
        + _news_item(9, ' <strong class="example-badge">Example</strong>') + _news_item(5) + _news_item(4) + _news_item(3) + "</ul>"
    )


def test_latest_news_is_the_first_three_and_a_link_to_the_rest() -> None:
    items = [_news(9, example=True), _news(5), _news(4), _news(3)]
    assert news_render.latest(items, NEWS_LABELS, "/a&b/") == (
        '<ul class="news-list" data-pagefind-weight="0.5">' + _news_item(9, ' <strong class="example-badge">Example</strong>') + _news_item(5) + _news_item(4) + "</ul>"
        '<p><a href="/a&amp;b/news/">All news</a></p>'
    )


def _entry(day: int) -> str:
    link = f"https://cp.example.gov.hk/en/news/2026-11-{day:02d}-n/"
    return (
        f"  <entry>\n    <id>{link}</id>\n    <title>Item {day} &amp; &lt;b&gt;</title>\n"
        f"    <updated>2026-11-{day:02d}T00:00:00+08:00</updated>\n    <link href=\"{link}\"/>\n"
        f"    <summary>Summary &lt;{day}&gt;</summary>\n    <published>2026-11-{day:02d}T00:00:00+08:00</published>\n  </entry>\n"
    )


def test_the_feed_gives_each_item_whole_with_absolute_links_and_its_day() -> None:
    feed = feeds.atom([_news(12), _news(3)], "CP: What's new", "en", "https://cp.example.gov.hk/", "en/")
    assert feed.decode("utf-8") == (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
        "  <id>https://cp.example.gov.hk/en/news/</id>\n"
        "  <title>CP: What's new</title>\n"
        "  <updated>2026-11-12T00:00:00+08:00</updated>\n"  # its newest item's day, not the build's
        '  <link href="https://cp.example.gov.hk/en/news/feed.xml" rel="self" type="application/atom+xml"/>\n'
        '  <link href="https://cp.example.gov.hk/en/news/" rel="alternate" type="text/html"/>\n'
        "  <generator>cleanprod</generator>\n"
        + _entry(12) + _entry(3) + "</feed>\n"
    )


def test_a_feed_with_no_items_is_dated_from_the_programme_s_start() -> None:
    feed = feeds.atom([], "CP", "zh-Hant", "https://cp.example.gov.hk/", "").decode("utf-8")
    assert "<updated>2008-04-01T00:00:00+08:00</updated>" in feed and "<entry>" not in feed
    assert '<link href="https://cp.example.gov.hk/news/feed.xml" rel="self"' in feed


def test_each_language_publishes_its_calendars_and_feed_beside_its_pages(tmp_path: Path, venues: Dataset) -> None:
    events = Events(EVENT_SCHEMA, {"en": [_event(), _past_event()]})
    extra_files.write(
        tmp_path, lang="en", labels=EVENT_LABELS | {"news.title": "News"}, site_name="CP", site_url="https://cp.example.gov.hk/",
        events=events, news=[_news(3)], venues=venues, changed={"2027-01-21-energy": CHANGED, "2008-04-18-a": CHANGED},
    )
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "events/2008-04-18-a.ics", "events/2027-01-21-energy.ics", "events/calendar.ics", "news/feed.xml",
    ]
    every = _ical_lines((tmp_path / "events" / "calendar.ics").read_bytes())
    assert "X-WR-CALNAME:CP: Upcoming" in every
    assert [line for line in every if line.startswith("UID:")] == ["UID:2027-01-21-energy@cp.example.gov.hk", "UID:2008-04-18-a@cp.example.gov.hk"]
    one = _ical_lines((tmp_path / "events" / "2008-04-18-a.ics").read_bytes())
    assert "X-WR-CALNAME:Visit A" in one and [line for line in one if line.startswith("UID:")] == ["UID:2008-04-18-a@cp.example.gov.hk"]
    assert "<title>CP: News</title>" in (tmp_path / "news" / "feed.xml").read_text(encoding="utf-8")


# ---- Case studies' panels and index (render/cases.py) -----------------------------

CASE_SCHEMA = {"properties": {
    "technology": {"enum": ["heat-recovery", "led"], "x-labels": {"heat-recovery": {"zh-Hant": "熱能回收", "en": "Heat <recovery>"}, "led": {"zh-Hant": "LED", "en": "LED lighting"}}},
    "city": {"x-labels": {"dongguan": {"zh-Hant": "東莞", "en": "Dongguan & area"}}},
    "results": {"properties": {
        "electricity_kwh": {"x-labels": {"zh-Hant": "節省電力", "en": "Electricity <saved>"}, "x-unit": {"zh-Hant": "千瓦時", "en": "kWh"}},
        "water_m3": {"x-labels": {"zh-Hant": "節省用水", "en": "Water saved"}, "x-unit": {"zh-Hant": "立方米", "en": "m³"}},
        "cost_saved_hkd": {"x-labels": {"zh-Hant": "節省成本", "en": "Cost saved"}, "x-unit": {"zh-Hant": "港元", "en": "HK$"}},
    }},
}}
CASE_LABELS = {
    "calc.money": "HK${amount}", "cases.headline": "{amount} of {result} a year", "cases.payback.none": "No saving stated",
    "cases.payback.years": "{years} years", "cases.sector": "Sector", "cases.technology": "Technology", "cases.year": "Year",
    "cases.city": "City", "cases.investment": "Investment", "cases.subsidy": "Subsidy", "cases.payback": "Payback",
    "cases.details": "Project <facts>", "cases.results": "Results", "cases.result": "Result", "cases.per-year": "A year",
    "cases.payback.how": "Payback: investment / saving", "example.case": "An example case.", "example.badge": "Example",
    "cases.shown": "{shown} of {total} cases", "cases.none": "No cases", "cases.totals": "Totals", "cases.totals.examples": "Totals of examples",
    "cases.chart": "{result} by sector ({unit})", "cases.chart.examples": "{result} by sector ({unit}), examples",
    "cases.chart.source": "From the cases above", "cases.chart.none": "None of these has the result", "data.chart.desc": "Bars <desc>",
    "data.chart.table": "The numbers", "events.filter.sector": "Sector of trade", "events.filter.all": "All",
}


def _case(**changes: object) -> Case:
    case = Case(
        slug="dyehouse", lang="en", title="Dyehouse & <heat>", description="", sector="textiles", technology="heat-recovery",
        year=2014, city="dongguan", investment_hkd=1_200_000, subsidy_hkd=15_000,
        results={"electricity_kwh": 350_000, "cost_saved_hkd": 480_000}, example=True, source=Path("cases/dyehouse.md"),
    )
    return replace(case, **changes)


@pytest.mark.parametrize("results,expected", [
    ({"electricity_kwh": 350_000, "cost_saved_hkd": 480_000}, "350,000 kWh of Electricity <saved> a year"),
    ({"cost_saved_hkd": 480_000, "water_m3": 1_200}, "1,200 m³ of Water saved a year"),  # the schema's order, not the page's
    ({"electricity_kwh": 0, "cost_saved_hkd": 480_000}, "HK$480,000 of Cost saved a year"),  # a result of nothing is passed over
    ({"water_m3": 0}, "0 m³ of Water saved a year"),  # unless there is no other
])
def test_case_headline_is_its_first_result_in_the_schema_s_order(results: dict[str, int], expected: str) -> None:
    assert case_render.headline(_case(results=results), Cases(CASE_SCHEMA, {}), CASE_LABELS) == expected


@pytest.mark.parametrize("investment,saved,expected", [
    (1_200_000, 480_000, "2.5 years"),
    (900_000, 300_000, "3.0 years"),
    (1_000_000, 300_000, "3.3 years"),
    (1_000_000, None, "No saving stated"),
])
def test_case_payback_in_years_to_one_place(investment: int, saved: int | None, expected: str) -> None:
    results = {"electricity_kwh": 1} if saved is None else {"cost_saved_hkd": saved}
    assert case_render.payback_text(_case(investment_hkd=investment, results=results), CASE_LABELS) == expected


def test_case_panel_gives_its_facts_and_results(sectors: Dataset) -> None:
    results = {"cost_saved_hkd": 480_000, "electricity_kwh": 350_000}
    assert case_render.panel(_case(results=results), Cases(CASE_SCHEMA, {}), sectors, CASE_LABELS) == (
        '<p class="example-note"><strong class="example-badge">Example</strong> An example case.</p>'
        '<section class="case-panel" aria-label="Project &lt;facts&gt;"><dl>'
        "<dt>Sector</dt><dd>Textiles &amp; &lt;dyeing&gt;</dd><dt>Technology</dt><dd>Heat &lt;recovery&gt;</dd>"
        "<dt>Year</dt><dd>2014</dd><dt>City</dt><dd>Dongguan &amp; area</dd><dt>Investment</dt><dd>HK$1,200,000</dd>"
        "<dt>Subsidy</dt><dd>HK$15,000</dd><dt>Payback</dt><dd>2.5 years</dd></dl>"
        '<div class="data-table"><table><caption>Results</caption>'
        '<thead><tr><th scope="col">Result</th><th scope="col" class="num">A year</th></tr></thead>'
        '<tbody><tr><th scope="row">Electricity &lt;saved&gt;</th><td class="num">350,000 kWh</td></tr>'
        '<tr><th scope="row">Cost saved</th><td class="num">HK$480,000</td></tr></tbody></table></div>'
        '<p class="case-payback-note">Payback: investment / saving</p></section>'
    )
    assert case_render.panel(_case(example=False), Cases(CASE_SCHEMA, {}), sectors, CASE_LABELS).startswith('<section class="case-panel"')


def test_cases_index_filters_totals_list_and_chart(tmp_path: Path) -> None:
    sectors = _names(tmp_path / "sectors.csv", [("textiles", "紡織業", "Textiles & <dyeing>"), ("food", "食品業", "Food"), ("paper", "造紙業", "Paper")])
    dyehouse = _case()
    bakery = _case(slug="bakery", title="Bakery", sector="food", technology="led", year=2016, results={"electricity_kwh": 70_000, "water_m3": 1_200}, example=False)
    mill = _case(slug="mill", title="Mill", sector="paper", technology="led", year=2016, results={"water_m3": 300}, example=False)
    cases = Cases(CASE_SCHEMA, {"en": [bakery, mill, dyehouse]})
    title = "Electricity &lt;saved&gt; by sector (kWh), examples"
    assert case_render.index("en", cases, sectors, CASE_LABELS, "/a&b/") == (
        '<form class="event-filters" data-case-filters hidden>'
        '<div class="question"><label for="filter-sector">Sector of trade</label><select id="filter-sector" name="sector"><option value="">All</option>'
        '<option value="textiles">Textiles &amp; &lt;dyeing&gt;</option><option value="food">Food</option><option value="paper">Paper</option></select></div>'
        '<div class="question"><label for="filter-technology">Technology</label><select id="filter-technology" name="technology"><option value="">All</option>'
        '<option value="heat-recovery">Heat &lt;recovery&gt;</option><option value="led">LED lighting</option></select></div>'
        '<div class="question"><label for="filter-year">Year</label><select id="filter-year" name="year"><option value="">All</option>'
        '<option value="2016">2016</option><option value="2014">2014</option></select></div></form>'
        '<p class="case-count" role="status" aria-live="polite" data-case-count data-template="{shown} of {total} cases" data-none="No cases">3 of 3 cases</p>'
        '<div class="data-table"><table class="case-totals"><caption>Totals of examples</caption>'
        '<thead><tr><th scope="col">Result</th><th scope="col" class="num">A year</th></tr></thead><tbody>'
        '<tr><th scope="row">Electricity &lt;saved&gt;</th><td class="num"><span data-total="electricity-kwh">420,000</span> kWh</td></tr>'
        '<tr><th scope="row">Water saved</th><td class="num"><span data-total="water-m3">1,500</span> m³</td></tr>'
        '<tr><th scope="row">Cost saved</th><td class="num">HK$<span data-total="cost-saved-hkd">480,000</span></td></tr></tbody></table></div>'
        '<ul class="case-list" data-case-list data-pagefind-weight="0.5">'
        '<li class="case-item" data-sector="food" data-technology="led" data-year="2016" data-electricity-kwh="70000" data-water-m3="1200">'
        '<a href="/a&amp;b/cases/bakery/">Bakery</a><br><span class="case-facts">Food · LED lighting · 2016</span><br>'
        "<strong>70,000 kWh of Electricity &lt;saved&gt; a year</strong></li>"
        '<li class="case-item" data-sector="paper" data-technology="led" data-year="2016" data-water-m3="300">'
        '<a href="/a&amp;b/cases/mill/">Mill</a><br><span class="case-facts">Paper · LED lighting · 2016</span><br>'
        "<strong>300 m³ of Water saved a year</strong></li>"
        '<li class="case-item" data-sector="textiles" data-technology="heat-recovery" data-year="2014" data-electricity-kwh="350000" data-cost-saved-hkd="480000">'
        '<a href="/a&amp;b/cases/dyehouse/">Dyehouse &amp; &lt;heat&gt;</a> <strong class="example-badge">Example</strong><br>'
        '<span class="case-facts">Textiles &amp; &lt;dyeing&gt; · Heat &lt;recovery&gt; · 2014</span><br>'
        "<strong>350,000 kWh of Electricity &lt;saved&gt; a year</strong></li></ul>"
        f'<h2 id="by-sector">{title}</h2><p class="case-chart-none" data-chart-none hidden>None of these has the result</p>'
        '<figure data-case-chart="electricity-kwh" class="data-figure">'
        '<svg class="data-chart" viewBox="0 -10 640 140" data-bar-room="510" data-group-height="74" data-group-gap="18" role="img" '
        'aria-labelledby="cases-chart-title cases-chart-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="cases-chart-title">{title}</title><desc id="cases-chart-desc">Bars &lt;desc&gt;</desc>'
        '<g data-key="textiles"><text x="0" y="21.0" class="axis">Textiles &amp; &lt;dyeing&gt;</text>'
        '<rect x="0" y="30.0" width="510.0" height="22" fill="#00695c"/><text x="516.0" y="47.6" class="value">350,000</text></g>'
        '<g data-key="food"><text x="0" y="95.0" class="axis">Food</text>'
        '<rect x="0" y="104.0" width="102.0" height="22" fill="#00695c"/><text x="108.0" y="121.6" class="value">70,000</text></g></svg>'
        '<details class="data-chart-table"><summary>The numbers</summary>'
        '<div class="data-table"><table><thead><tr><th scope="col">Sector of trade</th><th scope="col" class="num">kWh</th></tr></thead><tbody>'
        '<tr data-key="textiles"><th scope="row">Textiles &amp; &lt;dyeing&gt;</th><td class="num">350,000</td></tr>'
        '<tr data-key="food"><th scope="row">Food</th><td class="num">70,000</td></tr></tbody></table></div></details>'
        "<figcaption>From the cases above</figcaption></figure>"
    )


def test_cases_index_of_real_cases_without_the_result_charted(sectors: Dataset) -> None:
    """Totals and chart titles say 'examples' only where a case is one; no
    case with electricity saved, no chart."""
    html = case_render.index("en", Cases(CASE_SCHEMA, {"en": [_case(example=False, results={"water_m3": 5})]}), sectors, CASE_LABELS, "/")
    assert "<caption>Totals</caption>" in html
    assert html.endswith("<strong>5 m³ of Water saved a year</strong></li></ul>")
    charted = case_render.index("en", Cases(CASE_SCHEMA, {"en": [_case(example=False)]}), sectors, CASE_LABELS, "/")
    assert '<h2 id="by-sector">Electricity &lt;saved&gt; by sector (kWh)</h2>' in charted



def test_case_chart_adds_up_only_the_cases_with_the_result(sectors: Dataset) -> None:
    """A sector's bar is its cases' electricity saved: a case of the sector
    without that result adds nothing."""
    lit = _case(example=False, results={"electricity_kwh": 100})
    watered = _case(slug="watered", example=False, results={"water_m3": 7})
    html = case_render.index("en", Cases(CASE_SCHEMA, {"en": [lit, watered]}), sectors, CASE_LABELS, "/")
    assert '<tbody><tr data-key="textiles"><th scope="row">Textiles &amp; &lt;dyeing&gt;</th><td class="num">100</td></tr></tbody>' in html

# ---- The partner directory (render/partners.py) ----------------------------------

PARTNER_LABELS = {
    "data.table.more": "Scroll", "partners.counts": "Names by year", "partners.counts.examples": "Names by year (examples)",
    "partners.year": "Year", "partners.class": "Class", "partners.more": "More <…>", "partners.search": "Search names",
    "partners.shown": "{shown} of {total} names", "partners.none": "No names", "partners.name-zh": "Chinese name",
    "partners.name-en": "English name", "partners.sector": "Sector", "partners.list": "Awardees", "example.partner": "Example",
    "events.filter.all": "All",
}


def _partners(path: Path, example: bool) -> Dataset:
    classes = {"maker": {"zh-Hant": "製造商", "en": "Maker <M>"}, "supplier": {"zh-Hant": "供應商", "en": "Supplier"}, "buyer": {"zh-Hant": "採購商", "en": "Buyer"}}
    schema = {"fields": [{"name": "class", "type": "string", "constraints": {"enum": list(classes)}, "x-labels": classes}], "x-names": "name"}
    rows = [(2012, "maker", "丙公司", "C Co", ""), (2013, "buyer", "乙電器", "b & <Co>", "food"), (2013, "maker", "甲紡織廠", "Z Mill", "textiles"), (2013, "maker", "丁廠", "a Works", "")]
    return Dataset(path, schema, tuple(
        {"year": year, "class": kind, "name_zh-Hant": zh, "name_en": en, "sector": sector, "example": example and year == 2013} for year, kind, zh, en, sector in rows
    ))


def test_partner_counts_by_year_and_class(tmp_path: Path) -> None:
    assert partners.counts(_partners(tmp_path / "p.csv", example=False), "en", PARTNER_LABELS) == (
        '<div class="data-table" role="group" tabindex="0" aria-label="Names by year"><p class="data-table__more" data-pagefind-ignore>Scroll</p>'
        '<table class="partner-counts"><caption>Names by year</caption><thead><tr><th scope="col">Year</th>'
        '<th scope="col" class="num">Maker &lt;M&gt;</th><th scope="col" class="num">Supplier</th><th scope="col" class="num">Buyer</th></tr></thead>'
        '<tbody><tr><th scope="row">2013</th><td class="num">2</td><td class="num">0</td><td class="num">1</td></tr>'
        '<tr><th scope="row">2012</th><td class="num">1</td><td class="num">0</td><td class="num">0</td></tr></tbody></table></div>'
    )
    assert "<caption>Names by year (examples)</caption>" in partners.counts(_partners(tmp_path / "p.csv", example=True), "en", PARTNER_LABELS)


def test_partner_directory_by_year_class_and_name(tmp_path: Path, sectors: Dataset) -> None:
    """Newest year first, then class, then English name whatever its case;
    each row searchable by its names in both Chinese scripts and English."""
    html = partners.directory(_partners(tmp_path / "p.csv", example=True), sectors, "en", PARTNER_LABELS)
    badge = ' <strong class="example-badge">Example</strong>'
    assert html.endswith(
        '<form class="event-filters" data-directory-filters hidden role="search" data-more="More &lt;…&gt;">'
        '<div class="question"><label for="partner-search">Search names</label>'
        '<input id="partner-search" type="search" name="q" autocomplete="off" spellcheck="false"></div>'
        '<div class="question"><label for="partner-year">Year</label><select id="partner-year" name="year"><option value="">All</option>'
        '<option value="2013">2013</option><option value="2012">2012</option></select></div>'
        '<div class="question"><label for="partner-class">Class</label><select id="partner-class" name="class"><option value="">All</option>'
        '<option value="maker">Maker &lt;M&gt;</option><option value="supplier">Supplier</option><option value="buyer">Buyer</option></select></div>'
        '<p class="event-count" role="status" aria-live="polite" data-directory-count data-template="{shown} of {total} names" '
        'data-none="No names" data-total="4">4 of 4 names</p></form>'
        '<div class="data-table partner-directory"><table class="partner-list"><caption>Awardees</caption><thead><tr>'
        '<th scope="col">Year</th><th scope="col">Class</th><th scope="col">Chinese name</th><th scope="col">English name</th><th scope="col">Sector</th>'
        "</tr></thead><tbody data-directory>"
        '<tr data-year="2013" data-class="buyer" data-search="乙電器 乙电器 b &amp; &lt;co&gt;"><td>2013</td><td>Buyer</td>'
        f'<td lang="zh-Hant">乙電器{badge}</td><td lang="en">b &amp; &lt;Co&gt;</td><td>Food</td></tr>'
        '<tr data-year="2013" data-class="maker" data-search="丁廠 丁厂 a works"><td>2013</td><td>Maker &lt;M&gt;</td>'
        f'<td lang="zh-Hant">丁廠{badge}</td><td lang="en">a Works</td><td></td></tr>'
        '<tr data-year="2013" data-class="maker" data-search="甲紡織廠 甲纺织厂 z mill"><td>2013</td><td>Maker &lt;M&gt;</td>'
        f'<td lang="zh-Hant">甲紡織廠{badge}</td><td lang="en">Z Mill</td><td>Textiles &amp; &lt;dyeing&gt;</td></tr>'
        '<tr data-year="2012" data-class="maker" data-search="丙公司 丙公司 c co"><td>2012</td><td>Maker &lt;M&gt;</td>'
        '<td lang="zh-Hant">丙公司</td><td lang="en">C Co</td><td></td></tr></tbody></table></div>'
    )
    assert html.startswith('<div class="data-table" role="group" tabindex="0" aria-label="Names by year">')


def test_partner_directory_in_simplified_chinese(tmp_path: Path, sectors: Dataset) -> None:
    html = partners.directory(_partners(tmp_path / "p.csv", example=False), sectors, "zh-Hans", PARTNER_LABELS)
    assert '<td>2013</td><td>制造商</td><td lang="zh-Hans">甲纺织厂</td><td lang="en">Z Mill</td><td>纺织业</td></tr>' in html


# ---- Bar charts drawn at build time (render/chart.py) ------------------------------

def _texts(value: str) -> dict[str, str]:
    """A text staff write, the same in both languages."""
    return {"zh-Hant": value, "en": value}


CHART_LABELS = {"data.chart.desc": "Bars <desc>", "data.chart.table": "Numbers & table", "data.total": "Total", **LABELS}


def test_bar_chart_of_a_pivot_with_its_legend_and_table(tmp_path: Path) -> None:
    """Two measures (a, b) over two years: a legend, each year a group of
    two bars, the longest (1,000) drawn 640 - 130 = 510 wide."""
    html = chart.bar_chart(_dataset(tmp_path / "t.csv"), "en", CHART_LABELS, "c1")
    assert html == (
        '<figure class="data-figure">'
        '<svg class="data-chart" viewBox="0 -10 640 270" role="img" aria-labelledby="c1-title c1-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="c1-title">{ESCAPED}</title><desc id="c1-desc">Bars &lt;desc&gt;</desc>'
        '<rect x="0" y="8.0" width="14" height="14" fill="#00695c"/><text x="22" y="21.0" class="legend">&lt;i&gt;a&lt;/i&gt;</text>'
        '<rect x="0" y="38.0" width="14" height="14" fill="#b34700"/><text x="22" y="51.0" class="legend">b &amp; c</text>'
        '<text x="0" y="99.0" class="axis">1</text>'
        '<rect x="0" y="108.0" width="510.0" height="22" fill="#00695c"/><text x="516.0" y="125.6" class="value">1,000</text>'
        '<rect x="0" y="134.0" width="15.3" height="22" fill="#b34700"/><text x="21.3" y="151.6" class="value">30</text>'
        '<text x="0" y="199.0" class="axis">2</text>'
        '<rect x="0" y="208.0" width="1.0" height="22" fill="#00695c"/><text x="7.0" y="225.6" class="value">2</text>'
        '<rect x="0" y="234.0" width="2.0" height="22" fill="#b34700"/><text x="8.0" y="251.6" class="value">4</text></svg>'
        '<details class="data-chart-table"><summary>Numbers &amp; table</summary>'
        f'<div class="data-table" role="group" tabindex="0" aria-label="{ESCAPED}">{MORE}<table>'
        f'<thead><tr><th scope="col">{ESCAPED} kind</th><th scope="col" class="num">1</th><th scope="col" class="num">2</th><th scope="col" class="num">Total</th></tr></thead>'
        '<tbody><tr><th scope="row">&lt;i&gt;a&lt;/i&gt;</th><td class="num">1,000</td><td class="num">2</td><td class="num">1,002</td></tr>'
        '<tr><th scope="row">b &amp; c</th><td class="num">30</td><td class="num">4</td><td class="num">34</td></tr></tbody>'
        '<tfoot><tr><th scope="row">Total</th><td class="num">1,030</td><td class="num">6</td><td class="num">1,036</td></tr></tfoot>'
        f"</table></div></details><figcaption>{ESCAPED} source</figcaption></figure>"
    )



def test_bar_chart_names_its_groups_by_their_labels(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "t.csv")
    fields = [dict(f, **{"x-labels": {"1": {"zh-Hant": "第一年", "en": "Year <1>"}, "2": {"zh-Hant": "第二年", "en": "Year 2"}}}) if f["name"] == "year" else f for f in dataset.schema["fields"]]
    html = chart.bar_chart(Dataset(dataset.path, {**dataset.schema, "fields": fields}, dataset.rows), "en", CHART_LABELS, "c1")
    assert '<text x="0" y="99.0" class="axis">Year &lt;1&gt;</text>' in html
    assert '<text x="0" y="199.0" class="axis">Year 2</text>' in html

def test_stated_chart_draws_each_figure_as_its_source_states_it(tmp_path: Path) -> None:
    """'over 500' is drawn to 500 and says 'over'; only the rows `where` picks."""
    schema = {
        "x-title": _texts("Approvals"), "x-source": _texts("Sources <S>"), "x-value": "approved",
        "x-chart": {"groups": "as_of", "where": {"kind": "a"}, "x-title": _texts("Stated <figures>")},
        "fields": [
            {"name": "as_of", "type": "date", "x-title": _texts("As of")},
            {"name": "approved", "type": "integer", "x-title": _texts("Approved"), "x-qualifier": "qualifier"},
            {"name": "qualifier", "type": "string", "x-title": _texts("How"), "x-labels": {"over": _texts("over {n}")}},
            {"name": "kind", "type": "string", "x-title": _texts("Kind")},
        ],
    }
    rows = ({"as_of": date(2009, 9, 30), "approved": 500, "qualifier": "over", "kind": "a"},
            {"as_of": date(2010, 1, 1), "approved": 9999, "qualifier": "over", "kind": "b"},
            {"as_of": date(2012, 11, 20), "approved": 2000, "qualifier": "over", "kind": "a"})
    html = chart.stated_chart(Dataset(tmp_path / "s.csv", schema, rows, (2, 3, 4)), "en", CHART_LABELS, "c2")
    assert html == (
        '<figure class="data-figure"><p class="data-figure-title"><strong>Stated &lt;figures&gt;</strong></p>'
        '<svg class="data-chart" viewBox="0 -10 640 140" role="img" aria-labelledby="c2-title c2-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="c2-title">Stated &lt;figures&gt;</title><desc id="c2-desc">Bars &lt;desc&gt;</desc>'
        '<text x="0" y="21.0" class="axis">30 September 2009</text>'
        '<rect x="0" y="30.0" width="127.5" height="22" fill="#00695c"/><text x="133.5" y="47.6" class="value">over 500</text>'
        '<text x="0" y="95.0" class="axis">20 November 2012</text>'
        '<rect x="0" y="104.0" width="510.0" height="22" fill="#00695c"/><text x="516.0" y="121.6" class="value">over 2,000</text></svg>'
        '<details class="data-chart-table"><summary>Numbers &amp; table</summary>'
        f'<div class="data-table" role="group" tabindex="0" aria-label="Approvals">{MORE}<table>'
        '<thead><tr><th scope="col">As of</th><th scope="col" class="num">Approved</th><th scope="col">Kind</th></tr></thead><tbody>'
        '<tr><td><time datetime="2009-09-30">30 September 2009</time></td><td class="num">over 500</td><td>a</td></tr>'
        '<tr><td><time datetime="2012-11-20">20 November 2012</time></td><td class="num">over 2,000</td><td>a</td></tr></tbody></table></div>'
        "</details><figcaption>Sources &lt;S&gt;</figcaption></figure>"
    )



def test_stated_chart_of_every_row_names_its_groups_by_their_labels(tmp_path: Path) -> None:
    """Without `where`, every row; a group that is not a date, by its label."""
    schema = {
        "x-title": _texts("Counts"), "x-source": _texts("Source"), "x-value": "count", "x-chart": {"groups": "period", "x-title": _texts("By period")},
        "fields": [
            {"name": "period", "type": "string", "x-title": _texts("Period"), "x-labels": {"p1": _texts("First <p>"), "p2": _texts("Second")}},
            {"name": "count", "type": "integer", "x-title": _texts("Count")},
        ],
    }
    rows = ({"period": "p1", "count": 1500}, {"period": "p2", "count": 3000})
    html = chart.stated_chart(Dataset(tmp_path / "s.csv", schema, rows), "en", CHART_LABELS, "c4")
    assert (
        '<text x="0" y="21.0" class="axis">First &lt;p&gt;</text>'
        '<rect x="0" y="30.0" width="255.0" height="22" fill="#00695c"/><text x="261.0" y="47.6" class="value">1,500</text>'
        '<text x="0" y="95.0" class="axis">Second</text>'
        '<rect x="0" y="104.0" width="510.0" height="22" fill="#00695c"/><text x="516.0" y="121.6" class="value">3,000</text></svg>'
    ) in html
    assert '<tbody><tr><td>First &lt;p&gt;</td><td class="num">1,500</td></tr><tr><td>Second</td><td class="num">3,000</td></tr></tbody>' in html

def test_bars_of_nothing_and_a_sixth_series_colour() -> None:
    """All bars at 0 are drawn at 0, not divided by 0; colours start again after five."""
    svg = chart.svg_bars("T", "D", ["g"], [str(n) for n in range(6)], [[0]] * 6, "en", "c3")
    assert '<rect x="0" y="158.0" width="14" height="14" fill="#00695c"/><text x="22" y="171.0" class="legend">5</text>' in svg
    assert svg.endswith('<rect x="0" y="358.0" width="0.0" height="22" fill="#00695c"/><text x="6.0" y="375.6" class="value">0</text></svg>')


# ---- The open data page (render/catalogue.py) -------------------------------------

CATALOGUE_LABELS = {
    "data.type.integer": "Whole number", "data.type.string": "Text", "data.type.date": "Date", "data.dict.name": "Name",
    "data.dict.title": "Title", "data.dict.type": "Type", "data.dict.unit": "Unit", "data.dict.values": "Values", "data.bytes": "bytes",
    "data.schema": "Schema <JSON>", "data.updated": "Updated: ", "data.dict.caption": "Data dictionary", "data.package": "All files: ",
    "data.table.more": "Scroll",
}


def test_catalogue_lists_each_file_with_its_dictionary(tmp_path: Path) -> None:
    schema = {"x-title": _texts("Waste & <W>"), "x-source": _texts("Source <S>"), "fields": [
        {"name": "kind", "type": "string", "x-title": _texts("Kind <k>"), "constraints": {"enum": ["a", "b"]}, "x-labels": {"a": _texts("over {n}"), "b": _texts("B & co")}},
        {"name": "count", "type": "integer", "x-title": _texts("Count"), "x-unit": _texts("tonnes <t>")},
        {"name": "day", "type": "date", "x-title": _texts("Day")},
        {"name": "size", "type": "string", "x-title": _texts("Size"), "constraints": {"enum": ["S", "M"]}},
    ]}
    # 60 rows of "a,1200,2012-03-31,S\n" (20 bytes) under "kind,count,day,size\n" (20 bytes): 1,220 bytes.
    rows = tuple({"kind": "a", "count": 1200, "day": date(2012, 3, 31), "size": "S"} for _ in range(60))
    html = catalogue([(Dataset(tmp_path / "waste.csv", schema, rows), date(2026, 11, 3), "3 Nov <2026>")], "en", CATALOGUE_LABELS, "/a&b/")
    assert html == (
        '<p>All files: <a href="/a&amp;b/datapackage.json">datapackage.json</a></p>'
        '<section class="data-file" aria-labelledby="file-waste" data-pagefind-weight="0.5">'
        '<h2 id="file-waste" data-pagefind-weight="0.5">Waste &amp; &lt;W&gt;</h2>'
        '<ul><li><a href="/a&amp;b/waste.csv" download>waste.csv</a> (CSV, UTF-8, 1,220 bytes)'
        ' · <a href="/a&amp;b/waste.schema.json">Schema &lt;JSON&gt;</a></li>'
        '<li>Updated: <time datetime="2026-11-03">3 Nov &lt;2026&gt;</time></li><li>Source &lt;S&gt;</li></ul>'
        '<div class="data-table" role="group" tabindex="0" aria-label="Data dictionary"><p class="data-table__more" data-pagefind-ignore>Scroll</p>'
        '<table><caption>Data dictionary</caption><thead><tr><th scope="col">Name</th><th scope="col">Title</th><th scope="col">Type</th>'
        '<th scope="col">Unit</th><th scope="col">Values</th></tr></thead><tbody>'
        "<tr><td><code>kind</code></td><td>Kind &lt;k&gt;</td><td>Text</td><td></td><td>a (over N), b (B &amp; co)</td></tr>"
        "<tr><td><code>count</code></td><td>Count</td><td>Whole number</td><td>tonnes &lt;t&gt;</td><td></td></tr>"
        "<tr><td><code>day</code></td><td>Day</td><td>Date</td><td></td><td></td></tr>"
        "<tr><td><code>size</code></td><td>Size</td><td>Text</td><td></td><td>S, M</td></tr>"
        "</tbody></table></div></section>"
    )


def test_catalogue_sections_follow_one_another(tmp_path: Path) -> None:
    schema = {"x-title": _texts("T"), "x-source": _texts("S"), "fields": [{"name": "n", "type": "integer", "x-title": _texts("N")}]}
    files = [(Dataset(tmp_path / f"{name}.csv", schema, ()), date(2026, 1, 1), "1 Jan") for name in ("first", "second")]
    html = catalogue(files, "en", CATALOGUE_LABELS, "")
    assert html.count("<section") == 2
    assert '</tbody></table></div></section><section class="data-file" aria-labelledby="file-second"' in html


# ---- Problems found while the pages render (labels.py, problems.py) -----------


def test_a_label_missing_is_noted_for_the_build_and_raised_elsewhere() -> None:
    """A build notes a deleted label and renders on, to list it with every
    other problem (engine/site_build.py); anywhere else it stops at once."""
    labels = LanguageLabels(Path("docs/_data/labels.yml"))
    labels["nav"] = "導覽"
    noted: list[Problem] = []
    in_build = labels.noting(noted)
    assert (in_build["nav"], in_build["footer.privacy"], in_build["footer.privacy"]) == ("導覽", "", "")
    assert [(p.where, p.what) for p in noted] == [("label 'footer.privacy'", "the site uses this label, but the file has no label of that name")] * 2
    with pytest.raises(ContentError) as raised:
        labels["footer.privacy"]
    assert raised.value.problems == noted[:1]


def test_a_problem_every_language_found_is_listed_once() -> None:
    first, second = (Problem(Path("docs/about.md"), f"line {n}", "the <a> has a style attribute", "remove 'style=…'") for n in (3, 12))
    error = ContentError([second, first, second, first])
    assert error.problems == [second, first]
    assert str(error) == (
        "The site was not built: 2 problems found.\n"
        "  1. docs/about.md, line 3: the <a> has a style attribute. Fix: remove 'style=…'.\n"
        "  2. docs/about.md, line 12: the <a> has a style attribute. Fix: remove 'style=…'."
    )


# ---- Reading built pages in the tests (conftest.read_html) ------------------------


def test_a_page_written_again_is_read_again_at_once_and_at_the_same_length(tmp_path: Path) -> None:
    """The tests share each page's parsed tree; a page a test's build wrote
    again must not be read as it was, even within one tick of the file
    system's clock, which two writes of a page the same length would share."""
    page = tmp_path / "en" / "about" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<h1>Before</h1>", encoding="utf-8")
    assert read_html(tmp_path, "en/about/").h1.string == "Before"
    first = page.stat()
    page.write_text("<h1>Latest</h1>", encoding="utf-8")
    os.utime(page, ns=(first.st_atime_ns, first.st_mtime_ns))  # as if in the same tick
    assert read_html(tmp_path, "en/about/").h1.string == "Latest"
    assert read_html(tmp_path, "en/about/index.html") is read_html(tmp_path, "en/about/")
