"""The registry of data views (scripts/cleanprod/render/views.py): the staff guide's
table is made from it, its examples work, the page is rendered with the view
the check found, and the check reads the glossary and search words of the
folder it is given."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

from cleanprod.content import funding
from cleanprod.content.datasets import Dataset
from cleanprod.content.funding import Rules
from cleanprod.render import directives, views
from cleanprod.paths import CONFIG, DATA_FILES, DOCS, STAFF_GUIDE
from cleanprod.checks.validate import Content, validate


@functools.cache
def _content() -> Content:
    found, problems = validate(DOCS)
    assert problems == []
    return found


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
    content = _content()
    for view in views.VIEWS:
        assert view.examples
        for example, shows in view.examples:
            assert shows
            placed, problems = directives.check(Path("example.md"), example, 1, content.datasets, content.rules)
            assert problems == [] and [p.view for p in placed] == [view], example


def test_every_directive_on_the_site_is_placed_with_its_view() -> None:
    content = _content()
    for page in content.pages:
        found = [match[0] for match in directives.DIRECTIVE.finditer(page.body)]
        assert [p.directive.text for p in content.placed[page.path]] == found


def test_page_is_rendered_with_the_views_the_check_found() -> None:
    content = _content()
    placed, _ = directives.check(Path("a.md"), "[[data:approvals.csv|total]]", 1, content.datasets, content.rules)
    # The zh-Hans page is the zh-Hant page converted: its directives are rendered as checked.
    rendered, blocks = directives.replace("共 [[data:approvals.csv|total]] 项", placed, lambda p: f"<{p.view.word}:{p.directive.file}>")
    assert (rendered, blocks) == ("共 <total:approvals.csv> 项", [])


def test_a_listing_takes_no_filter() -> None:
    content = _content()
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
