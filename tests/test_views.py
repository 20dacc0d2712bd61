"""The registry of data views (scripts/cleanprod/render/views.py): the staff guide's
table is made from it, its examples work, the page is rendered with the view
the check found, and the check reads the glossary and search words of the
folder it is given."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

from cleanprod.render import directives, views
from cleanprod.paths import CONFIG, DOCS, STAFF_GUIDE
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
