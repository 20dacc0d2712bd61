"""The registry of data views (scripts/cleanprod/render/views.py): the staff guide's
table is made from it, its examples work, the page is rendered with the view
the check found, and the check reads the glossary and search words of the
folder it is given."""

from __future__ import annotations

import dataclasses
import functools
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from cleanprod.content import funding
from cleanprod.content.datasets import Dataset
from cleanprod.content.funding import Rules
from cleanprod.render import data, directives, funding as render_funding, views
from cleanprod.render.directives import Directive, Placed
from cleanprod.paths import CONFIG, DATA_FILES, DOCS, STAFF_GUIDE
from cleanprod.checks.validate import validate
from conftest import checked_content




def test_staff_guide_has_the_registrys_table_of_views() -> None:
    guide = STAFF_GUIDE.read_text(encoding="utf-8")
    start, end = views.MARKERS
    assert guide.count(start) == 1 and guide.count(end) == 1
    written = guide.split(start + "\n", 1)[1].split(end, 1)[0]
    assert written == views.staff_table(), "run 'make views' to write the table again"


def test_views_table_is_written_between_its_markers(tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    guide.write_text(f"# Guide\n\n{views.MARKERS[0]}\n| old |\n{views.MARKERS[1]}\n\nAfter.\n", encoding="utf-8")
    assert views.write_staff_table(guide)
    assert guide.read_text(encoding="utf-8") == f"# Guide\n\n{views.MARKERS[0]}\n{views.staff_table()}{views.MARKERS[1]}\n\nAfter.\n"
    assert not views.write_staff_table(guide)


def test_each_view_is_one_entry_with_an_example_of_its_own() -> None:
    names = [(view.source, view.word) for view in views.VIEWS]
    assert len(names) == len(set(names))
    content = checked_content()
    for view in views.VIEWS:
        assert view.examples
        for example, shows in view.examples:
            assert shows
            placed, problems = directives.check(Path("example.md"), example, 1, content.datasets, content.rules)
            assert problems == [] and [p.view for p in placed] == [view], example


def test_every_directive_on_the_site_is_placed_with_its_view() -> None:
    content = checked_content()
    for page in content.pages:
        found = [match[0] for match in directives.DIRECTIVE.finditer(page.body)]
        assert [p.directive.text for p in content.placed[page.path]] == found


def test_page_is_rendered_with_the_views_the_check_found() -> None:
    content = checked_content()
    placed, _ = directives.check(Path("a.md"), "[[data:approvals.csv|total]]", 1, content.datasets, content.rules)
    # The zh-Hans page is the zh-Hant page converted: its directives are rendered as checked.
    rendered, blocks = directives.replace("共 [[data:approvals.csv|total]] 项", placed, lambda p: f"<{p.view.word}:{p.directive.file}>")
    assert (rendered, blocks) == ("共 <total:approvals.csv> 项", [])


def test_a_listing_takes_no_filter() -> None:
    content = checked_content()
    _, problems = directives.check(Path("a.md"), "[[data:events|index|year=2020]]\n[[data:catalogue|all]]", 1, content.datasets, content.rules)
    assert [(p.where, p.what, p.fix) for p in problems] == [
        ("line 1", "[[data:events|index|year=2020]]: 'year' is not a filter of events", "remove it: [[data:events|index]] takes none"),
        ("line 2", "[[data:catalogue|all]]: 'all' is not a view of catalogue", "write it as [[data:catalogue]]"),
    ]


def test_glossary_and_search_words_come_from_the_folder_checked(tmp_path: Path) -> None:
    shutil.copytree(DOCS, tmp_path / "docs")
    shutil.copy(CONFIG, tmp_path / CONFIG.name)
    glossary = tmp_path / "docs" / "_data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("私隐: 隐私", "私隐: 个人资料"), encoding="utf-8")
    words = tmp_path / "docs" / "_data" / "search-words.yml"
    words.write_text(re.sub(r"(?m)^zh-Hant:\n", "zh-Hant:\n  私穩: 私隱\n", words.read_text(encoding="utf-8")), encoding="utf-8")
    content, _ = validate(tmp_path / "docs")
    assert ("私隐", "个人资料") in content.glossary
    assert content.search_words["zh-Hant"]["私穩"] == "私隱"


# ---- A page's data views, each given what its view needs (render/data.py) ----


def _t(en: str) -> dict[str, str]:
    return {"zh-Hant": "中" + en, "en": en}


COUNTS = Dataset(Path("a&b.csv"), {
    "x-title": _t("Counts"),
    "x-value": "count",
    "primaryKey": ["id"],
    "fields": [
        {"name": "id", "type": "string"},
        {"name": "kind", "type": "string", "x-labels": {"a": {"zh-Hant": "甲<", "en": "A <&>"}}},
        {"name": "count", "type": "integer", "x-qualifier": "q"},
        {"name": "q", "type": "string", "x-labels": {"over": {"zh-Hant": "超過 <{n}>", "en": "over <{n}>"}}},
        {"name": "day", "type": "date"},
        {"name": "plain", "type": "integer"},
    ],
}, (
    {"id": "1", "kind": "a", "count": 2800, "q": "over", "day": date(2024, 3, 5), "plain": 1234},
    {"id": "2", "kind": "b", "count": 5, "q": "over", "day": date(2024, 1, 1), "plain": 7},
))
NAMED = Dataset(Path("sectors.csv"), {"x-names": "name", "primaryKey": ["code"]}, (
    {"code": "textiles", "name_zh-Hant": "紡織<染>", "name_en": "Textiles & <dye>"},
    {"code": "furniture", "name_zh-Hant": "傢俬", "name_en": "Furniture"},
))
VENUES = Dataset(Path("venues.csv"), {}, ())
RULES = object()  # handed on, never read here
EVENTS, CASES, NEWS = object(), object(), [object()]


class _Recorded:
    """Stand-ins for the renderers a view hands its work to: each returns
    `[its name]` and notes what it was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple] = []
        self.monkeypatch = monkeypatch

    def replace(self, owner: object, *names: str) -> None:
        for name in names:
            self.monkeypatch.setattr(owner, name, lambda *args, name=name, **named: self.calls.append((name, *args, *([named] if named else []))) or f"[{name}]")


def _page(lang: str = "en") -> data.PageData:
    labels = {"data.download": "Download <it>"}
    datasets = {"a&b.csv": COUNTS, "sectors.csv": NAMED, "venues.csv": VENUES}
    facts = {"a&b.csv": (date(2024, 1, 2), "2 Jan"), "sectors.csv": (date(2024, 1, 3), "3 Jan"), "venues.csv": (date(2024, 1, 4), "4 Jan")}
    return data.PageData(datasets, lang, labels, "../d&ta/", "../", facts, RULES, EVENTS, NEWS, CASES, date(2027, 1, 1))


def _d(file: str, view: str, **where: str) -> Directive:
    return Directive("", file, view, where)


DOWNLOAD = '<p class="data-source"><a href="../d&amp;ta/a&amp;b.csv" download>Download &lt;it&gt; (a&amp;b.csv)</a></p>'


@pytest.mark.parametrize(("lang", "view", "where", "shown"), [
    ("en", "count", {"id": "1"}, "over &lt;2,800&gt;"),
    ("zh-Hant", "count", {"id": "1"}, "超過 &lt;2,800&gt;"),
    ("en", "plain", {"id": "1"}, "1,234"),
    ("en", "day", {"id": "1"}, "5 March 2024"),
    ("zh-Hant", "day", {"id": "1"}, "2024年3月5日"),
    ("en", "kind", {"id": "1"}, "A &lt;&amp;&gt;"),
    ("zh-Hant", "kind", {"id": "1"}, "甲&lt;"),
    ("en", "kind", {"id": "2"}, "b"),
])
def test_a_value_is_shown_as_its_source_states_it(lang: str, view: str, where: dict[str, str], shown: str) -> None:
    assert data.value(_page(lang), _d("a&b.csv", view, **where)) == shown


def test_a_total_and_a_list_of_names() -> None:
    assert data.total(_page(), _d("a&b.csv", "total", kind="a")) == "2,800"
    assert data.total(_page(), _d("a&b.csv", "total")) == "2,805"
    assert data.names(_page(), _d("sectors.csv", "list")) == '<ol data-pagefind-weight="10.0"><li>Textiles &amp; &lt;dye&gt;</li><li>Furniture</li></ol>'
    assert data.names(_page("zh-Hant"), _d("sectors.csv", "list")) == '<ol data-pagefind-weight="10.0"><li>紡織&lt;染&gt;</li><li>傢俬</li></ol>'


def test_a_table_is_pivoted_where_its_schema_says_and_has_its_download(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = _Recorded(monkeypatch)
    recorded.replace(data, "pivot_table", "plain_table", "stated_pivot")
    page = _page("zh-Hant")
    pivoted = Dataset(COUNTS.path, {**COUNTS.schema, "x-pivot": {}}, COUNTS.rows)
    assert data.table(page, _d("a&b.csv", "table")) == "[plain_table]" + DOWNLOAD
    page.datasets["a&b.csv"] = pivoted
    assert data.table(page, _d("a&b.csv", "table")) == "[pivot_table]" + DOWNLOAD
    assert data.by_year(page, _d("a&b.csv", "by-year")) == "[stated_pivot]" + DOWNLOAD
    assert recorded.calls == [
        ("plain_table", COUNTS, "zh-Hant", page.labels),
        ("pivot_table", pivoted, "zh-Hant", page.labels),
        ("stated_pivot", pivoted, "zh-Hant", page.labels),
    ]


def test_a_chart_is_drawn_as_its_schema_says_with_the_page_s_next_id(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = _Recorded(monkeypatch)
    recorded.replace(data, "bar_chart", "stated_chart")
    recorded.replace(render_funding, "caps_chart")
    page = _page()
    stated = Dataset(COUNTS.path, {**COUNTS.schema, "x-chart": {}}, COUNTS.rows)
    assert data.chart(page, _d("a&b.csv", "chart")) == "[bar_chart]"
    page.datasets["a&b.csv"] = stated
    assert data.chart(page, _d("a&b.csv", "chart")) == "[stated_chart]"
    assert data.caps_chart(page, _d("funding-rules.yml", "chart")) == "[caps_chart]"
    assert recorded.calls == [
        ("bar_chart", COUNTS, "en", page.labels, "chart-1"),
        ("stated_chart", stated, "en", page.labels, "chart-2"),
        ("caps_chart", RULES, "en", page.labels, "chart-3"),
    ]


def test_the_directory_and_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = _Recorded(monkeypatch)
    recorded.replace(data.partners, "directory")
    recorded.replace(data.render_catalogue, "catalogue")
    page = _page()
    assert data.directory(page, _d("a&b.csv", "directory")) == "[directory]"
    assert data.catalogue(page, _d("catalogue", "")) == "[catalogue]"
    assert recorded.calls == [
        ("directory", COUNTS, NAMED, "en", page.labels),
        ("catalogue", [(COUNTS, date(2024, 1, 2), "2 Jan"), (NAMED, date(2024, 1, 3), "3 Jan"), (VENUES, date(2024, 1, 4), "4 Jan")], "en", page.labels, "../d&ta/"),
    ]


class _Rules:
    """Rules that give the phase asked for by its code (None: the one in force)."""

    places = {"area": []}

    def phase(self, code: str | None = None) -> object:
        return PHASES[code]

    def is_current(self, phase: object) -> bool:
        return phase is PHASES[None]


class _Phase:
    def measure(self, code: str) -> str:
        return f"measure {code} of {self.name}"

    def __init__(self, name: str) -> None:
        self.name = name


PHASES = {None: _Phase("in force"), "2008-04": _Phase("first")}


def test_each_funding_view_is_of_the_phase_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = _Recorded(monkeypatch)
    recorded.replace(render_funding, "current", "rules_table", "history", "summary", "conditions", "examples", "checker", "calculator", "script_data")
    rules = _Rules()
    page = dataclasses.replace(_page(), rules=rules, home_prefix="../../")
    shown = [
        data.current(page, _d("funding-rules.yml", "current")),
        data.rules(page, _d("funding-rules.yml", "rules")),
        data.rules(page, _d("funding-rules.yml", "rules", phase="2008-04")),
        data.history(page, _d("funding-rules.yml", "history")),
        data.summary(page, _d("funding-rules.yml", "summary", measure="assessment")),
        data.summary(page, _d("funding-rules.yml", "summary", measure="demonstration", phase="2008-04")),
        data.conditions(page, _d("funding-rules.yml", "conditions", phase="2008-04")),
        data.examples(page, _d("funding-rules.yml", "examples")),
        data.examples(page, _d("funding-rules.yml", "examples", phase="2008-04")),
        data.conditions(page, _d("funding-rules.yml", "conditions")),
    ]
    assert shown == ["[current]", "[rules_table]", "[rules_table]", "[history]", "[summary]", "[summary]", "[conditions]", "[examples]", "[examples]", "[conditions]"]
    first, in_force = PHASES["2008-04"], PHASES[None]
    assert recorded.calls == [
        ("current", rules, "en", page.labels, "../../apply/"),
        ("rules_table", in_force, "en", page.labels),
        ("rules_table", first, "en", page.labels),
        ("history", rules, "en", page.labels),
        ("summary", "measure assessment of in force", "en", page.labels, {"past": False}),
        ("summary", "measure demonstration of first", "en", page.labels, {"past": True}),
        ("conditions", first, NAMED, "en", page.labels, "../../apply/"),
        ("examples", in_force, "en", page.labels),
        ("examples", first, "en", page.labels),
        ("conditions", in_force, NAMED, "en", page.labels, "../../apply/"),
    ]


def test_the_first_form_on_a_page_carries_the_data_eligibility_js_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = _Recorded(monkeypatch)
    recorded.replace(render_funding, "checker", "calculator", "script_data")
    page = dataclasses.replace(_page(), rules=_Rules())
    checker = Placed(_d("funding-rules.yml", "checker"), next(v for v in views.VIEWS if v.render is data.checker))
    calculator = Placed(_d("funding-rules.yml", "calculator"), next(v for v in views.VIEWS if v.render is data.calculator))
    assert page.render(checker) == "[checker][script_data]"
    assert page.render(calculator) == "[calculator]"
    assert page.scripts == {"eligibility"}
    assert recorded.calls == [
        ("checker", page.rules, NAMED, _Rules.places, "en", page.labels),
        ("script_data", page.rules, NAMED, "en", page.labels, "../apply/"),
        ("calculator", page.rules, "en", page.labels),
    ]
    fresh = dataclasses.replace(_page(), rules=_Rules(), scripts={"events"})
    assert fresh.render(calculator) == "[calculator][script_data]" and fresh.scripts == {"events", "eligibility"}


def test_listings_are_given_the_page_s_records(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = _Recorded(monkeypatch)
    recorded.replace(data.render_cases, "index")
    recorded.replace(data.render_events, "index")
    recorded.replace(data.render_news, "index", "latest")
    page = _page("zh-Hant")
    assert [data.cases_index(page, _d("cases", "index")), data.events_index(page, _d("events", "index")),
            data.news_index(page, _d("news", "index")), data.news_latest(page, _d("news", "latest"))] == ["[index]", "[index]", "[index]", "[latest]"]
    assert recorded.calls == [
        ("index", "zh-Hant", CASES, NAMED, page.labels, "../"),
        ("index", "zh-Hant", EVENTS, VENUES, NAMED, page.labels, "../", date(2027, 1, 1)),
        ("index", NEWS, page.labels, "../"),
        ("latest", NEWS, page.labels, "../"),
    ]


def test_a_record_s_page_has_its_panel_or_date_line(monkeypatch: pytest.MonkeyPatch) -> None:
    content = checked_content()
    event, case, item = content.events.by_lang["en"][0], content.cases.by_lang["en"][0], content.news["en"][0]
    recorded = _Recorded(monkeypatch)
    recorded.replace(data.render_events, "panel")
    recorded.replace(data.render_cases, "panel")
    recorded.replace(data.render_news, "header")
    page = _page()
    assert [page.record_header(event), page.record_header(case), page.record_header(item), page.record_header(None)] == ["[panel]", "[panel]", "[header]", ""]
    assert page.scripts == {"events"}  # the event's panel has its calendar buttons
    assert recorded.calls == [
        ("panel", event, EVENTS, VENUES, NAMED, page.labels, f"../{event.slug}.ics", date(2027, 1, 1)),
        ("panel", case, CASES, NAMED, page.labels),
        ("header", item, page.labels),
    ]


# ---- The check of each directive, with small files of its own -------------------


def _table_file() -> Dataset:
    """A pivot of counts by year and kind: it offers table, chart and total, and a column's value."""
    fields = [{"name": "year", "type": "string"}, {"name": "kind", "type": "string"}, {"name": "count", "type": "integer"}]
    schema = {"fields": fields, "x-value": "count", "x-pivot": {"rows": "kind", "columns": "year"}}
    rows = ({"year": "2011/12", "kind": "a", "count": 1}, {"year": "2011/12", "kind": "b", "count": 2}, {"year": "2012/13", "kind": "a", "count": 3})
    return Dataset(Path("t.csv"), schema, rows)


@functools.cache
def _rules() -> Rules:
    rules, problems = funding.load(DATA_FILES / funding.RULES_FILE)
    assert problems == []
    return rules


def _problems(markdown: str, first_line: int = 1) -> list[tuple[str, str, str]]:
    placed, problems = directives.check(Path("a.md"), markdown, first_line, {"t.csv": _table_file(), "u.csv": _table_file()}, _rules())
    assert all(problem.file == Path("a.md") for problem in problems)
    return [(p.where, p.what, p.fix) for p in problems]


def test_a_directive_is_read_with_its_view_and_filters() -> None:
    match = directives.DIRECTIVE.search("See [[ data : t.csv | total | year = 2011/12 | kind=a=b | note ]].")
    assert directives.parse(match) == directives.Directive(
        "[[ data : t.csv | total | year = 2011/12 | kind=a=b | note ]]", "t.csv", "total", {"year": "2011/12", "kind": "a=b"}
    )
    assert directives.parse(directives.DIRECTIVE.search("[[data:catalogue]]")) == directives.Directive("[[data:catalogue]]", "catalogue", "", {})


def test_each_mistake_in_a_data_file_s_directive_is_named_on_its_line() -> None:
    markdown = "\n".join([
        "Text.",
        "[[data:t.csv|total]] and [[data:t.csv|total|year=2011/12|kind=a]] are right.",
        "Typed wide: ［［data：t.csv｜total］］ here.",
        "[[Data:t.csv|total]]",
        "[[data:nope.csv|total]]",
        "[[data:t.csv|count|year=2011/12]]",
        "[[data:t.csv|table|colour=red]]",
        "[[data:t.csv|total|year=2020]]",
        "[[data:t.csv|total|year=2012/13|kind=b]]",
        "[[data:t.csv|pie]]",
        "[[data:t.csv|count|year=2020]]",
    ])
    assert _problems(markdown, 10) == [
        ("line 12", "'［［data：t.csv｜total］］' is meant as a data line, but is not written as one",
         "write it with ordinary (half-width) brackets, colon and |, and 'data' in small letters, as in [[data:approvals.csv|total]]"),
        ("line 13", "'[[Data:t.csv|total]]' is meant as a data line, but is not written as one",
         "write it with ordinary (half-width) brackets, colon and |, and 'data' in small letters, as in [[data:approvals.csv|total]]"),
        ("line 14", "[[data:nope.csv|total]]: there is no data file 'nope.csv'", "use one of: t.csv, u.csv"),
        ("line 15", "[[data:t.csv|count|year=2011/12]]: the filter matches 2 rows, not one", "add filters such as year=2011/12 so that exactly one row matches"),
        ("line 16", "[[data:t.csv|table|colour=red]]: 'colour' is not a column of t.csv", "filter on one of: year, kind, count"),
        ("line 17", "[[data:t.csv|total|year=2020]]: no row of t.csv has year=2020", "use one of: 2011/12, 2012/13"),
        ("line 18", "[[data:t.csv|total|year=2012/13|kind=b]]: no row matches all of the filters", "remove a filter, or correct one"),
        ("line 19", "[[data:t.csv|pie]]: 'pie' is not a view of t.csv", "use one of: table, chart, total, year, kind, count"),
        ("line 20", "[[data:t.csv|count|year=2020]]: no row of t.csv has year=2020", "use one of: 2011/12, 2012/13"),
    ]


def test_the_views_a_directive_finds_in_the_page_s_order() -> None:
    markdown = "[[data:t.csv|total]] [[data:u.csv|count|year=2012/13]]\n[[data:catalogue]]"
    placed, problems = directives.check(Path("a.md"), markdown, 1, {"t.csv": _table_file(), "u.csv": _table_file()}, _rules())
    assert problems == []
    assert [(p.directive.file, p.directive.view, p.directive.where, p.view.source, p.view.word) for p in placed] == [
        ("t.csv", "total", {}, views.DATA_FILE, "total"),
        ("u.csv", "count", {"year": "2012/13"}, views.DATA_FILE, views.COLUMN),
        ("catalogue", "", {}, views.CATALOGUE, ""),
    ]


def test_a_file_with_problems_of_its_own_is_not_checked_again() -> None:
    markdown = "[[data:t.csv|pie]]\n[[data:funding-rules.yml|pie]]\n[[data:u.csv|pie]]"
    placed, problems = directives.check(Path("a.md"), markdown, 1, {"t.csv": _table_file(), "u.csv": _table_file()}, None, unusable={"t.csv"})
    assert placed == []
    assert [(p.where, p.what) for p in problems] == [("line 3", "[[data:u.csv|pie]]: 'pie' is not a view of u.csv")]


def test_each_mistake_in_a_directive_of_the_rules_or_records_is_named() -> None:
    markdown = "\n".join([
        "[[data:funding-rules.yml|rules|phase=1999]]",
        "[[data:funding-rules.yml|rules|colour=red|phase=2020]]",
        "[[data:funding-rules.yml|summary]]",
        "[[data:funding-rules.yml|summary|phase=2008-04|measure=audit]]",
        "[[data:news|all]]",
        "[[data:catalogue| |year=2020]]",
        "[[data:funding-rules.yml|summary|colour=red|measure=assessment]]",
    ])
    assert _problems(markdown) == [
        ("line 1", "[[data:funding-rules.yml|rules|phase=1999]]: there is no phase '1999'", "use one of: 2008-04, 2013-04, 2015-06, 2020, 2025"),
        ("line 2", "[[data:funding-rules.yml|rules|colour=red|phase=2020]]: 'colour' is not a filter of funding-rules.yml", "filter on phase= or measure="),
        ("line 3", "[[data:funding-rules.yml|summary]]: the summary needs a measure of the phase", "add one of: measure=new-technology"),
        ("line 4", "[[data:funding-rules.yml|summary|phase=2008-04|measure=audit]]: the summary needs a measure of the phase",
         "add one of: measure=awareness, measure=assessment, measure=demonstration, measure=verification"),
        ("line 5", "[[data:news|all]]: 'all' is not a view of news", "use one of: index, latest"),
        ("line 6", "[[data:catalogue| |year=2020]]: 'year' is not a filter of catalogue", "remove it: [[data:catalogue]] takes none"),
        ("line 7", "[[data:funding-rules.yml|summary|colour=red|measure=assessment]]: 'colour' is not a filter of funding-rules.yml", "filter on phase= or measure="),
    ]
    assert _problems("[[data:funding-rules.yml|summary|phase=2013-04|measure=assessment]] [[data:funding-rules.yml|rules|phase=2020]]") == []


def test_views_a_file_offers_by_its_schema() -> None:
    fields = [{"name": "code", "type": "string"}, {"name": "name_en", "type": "string"}]
    names = Dataset(Path("n.csv"), {"fields": fields, "x-names": "name", "x-views": ["by-year", "table"]}, ())
    assert [(word, view.word) for word, view in views.offered(names)] == [
        ("table", "table"), ("code", views.COLUMN), ("name_en", views.COLUMN), ("list", "list"), ("by-year", "by-year"),
    ]


def test_a_data_block_alone_on_its_line_is_kept_out_of_markdown() -> None:
    """A table alone on its line is kept for after Markdown; a figure, or a
    table inside a sentence, is put in at once."""
    markdown = "[[data:t.csv|table]]\nText [[data:t.csv|total]] end.\n[[data:t.csv|total]]\nSee [[data:u.csv|table]]\n[[data:u.csv|table]]"
    placed, _ = directives.check(Path("a.md"), markdown, 1, {"t.csv": _table_file(), "u.csv": _table_file()}, None)
    shown = {"table": '<table id="{}" data-id="x"></table>', "total": "42"}
    rendered, blocks = directives.replace(markdown, placed, lambda p: shown[p.view.word].format(p.directive.file))
    assert rendered == (
        "<!-- data block 0 -->\nText 42 end.\n42\nSee <table id=\"u.csv\" data-id=\"x\"></table>\n<!-- data block 1 -->"
    )
    assert blocks == ['<table id="t.csv" data-id="x"></table>', '<table id="u.csv" data-id="x"></table>']
    assert directives.ids(blocks) == {"t.csv", "u.csv"}
    assert directives.restore("<p><!-- data block 1 --></p><!-- data block 0 -->", ["A", "B"]) == "<p>B</p>A"
