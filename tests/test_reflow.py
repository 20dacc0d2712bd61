"""Reflow (WCAG 1.4.10): every built page, in every language, fits a phone
320 and 390 px wide without scrolling sideways; a table wider than the screen
scrolls in its own box, says so, and keeps its row names in view."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanprod import languages
from cleanprod.content import pages
from cleanprod.paths import DOCS
from page_checks import at_width

pytestmark = pytest.mark.browser


@pytest.mark.slow
@pytest.mark.parametrize("width", at_width(320, 390))
def test_no_page_scrolls_sideways_on_a_phone(every_page_at, width: int) -> None:
    visited = every_page_at(width)
    keys = {pages.page_key(path, DOCS) for path in pages.markdown_files(DOCS)}
    # every page (and the 404 page) in every language: none left out of the test
    assert len(visited) == len(languages.ALL) * (len(keys) + 1)
    found = {url or "/": checks["overflow"] for url, checks in visited.items() if checks["overflow"]}
    assert found == {}


@pytest.mark.parametrize("prefix,more", [("", "左右滑動"), ("en/", "scroll sideways"), ("zh-Hans/", "左右滑动")])
def test_a_wide_table_says_there_is_more_and_keeps_its_row_names_in_view(server: str, page, prefix: str, more: str) -> None:
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(server + prefix + "statistics/")
    # the first table of figures that names its rows (the logo awards by year)
    box = page.locator("article .data-table[tabindex]").filter(has=page.locator("tbody th")).first
    cue = box.locator(".data-table__more")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    # The browser applies a scroll-state query at the next frame after layout, not at once.
    cue.wait_for(state="visible")
    assert more in cue.inner_text()
    row_name = box.locator("tbody th").first
    before, cue_before = row_name.bounding_box(), cue.bounding_box()
    box.evaluate("b => b.scrollLeft = b.scrollWidth")  # to the last column
    assert box.evaluate("b => b.scrollLeft") > 0
    assert row_name.bounding_box()["x"] == pytest.approx(before["x"], abs=1)
    assert cue.bounding_box()["x"] == pytest.approx(cue_before["x"], abs=1)  # the line stays in view too

    page.set_viewport_size({"width": 1366, "height": 800})  # a table that fits says nothing
    page.locator("article .data-table[tabindex]").evaluate_all("boxes => boxes.forEach(b => b.scrollLeft = 0)")
    fitting = page.locator("article .data-table[tabindex]").evaluate_all("boxes => boxes.filter(b => b.scrollWidth <= b.clientWidth).length")
    assert fitting > 0
    page.wait_for_function(  # at a frame after the new layout, as above
        "() => [...document.querySelectorAll('article .data-table[tabindex]')].filter(b => b.scrollWidth <= b.clientWidth)"
        ".every(b => getComputedStyle(b.querySelector('.data-table__more')).display === 'none')"
    )
