"""The cases page's filters update every figure they affect: the list, the
count, the totals and the chart by sector (with its table of numbers)."""

from __future__ import annotations

import pytest

from conftest import visible_links

pytestmark = pytest.mark.browser


def chart(page) -> dict[str, str]:
    """The chart's groups drawn: each sector's name with the number on its bar."""
    return dict(page.eval_on_selector_all(
        "[data-case-chart] svg g[data-key]",
        "groups => groups.filter(g => g.getBoundingClientRect().height > 0).map(g => [g.querySelector('text.axis').textContent, g.querySelector('text.value').textContent])",
    ))


def chart_table(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all(
        "[data-case-chart] tbody tr:not([hidden])", "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])"
    ))


def totals(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all(
        ".case-totals tbody tr:not([hidden])", "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])"
    ))


def test_one_sector_chosen_the_totals_and_the_chart_show_that_sector_only(server: str, page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "en/cases/")
    everything = {"Printing and publishing": "310,000", "Metal and metal products": "420,000"}
    assert chart(page) == everything and chart_table(page) == everything
    full_bar = page.locator('[data-case-chart] g[data-key="metal-products"] rect').bounding_box()

    page.select_option("#filter-sector", "metal-products")
    assert chart(page) == {"Metal and metal products": "420,000"} == chart_table(page)
    bar = page.locator('[data-case-chart] g[data-key="metal-products"] rect').bounding_box()
    name = page.locator('[data-case-chart] g[data-key="metal-products"] text.axis').bounding_box()
    svg = page.locator("[data-case-chart] svg").bounding_box()
    assert bar["width"] == pytest.approx(full_bar["width"], abs=1)  # still the largest bar
    assert svg["y"] <= name["y"] < svg["y"] + 40  # moved up to the chart's top
    assert svg["height"] < 120  # one sector's height, no blank space for the others
    assert totals(page)["Electricity saved"] == "420,000 kWh"

    page.select_option("#filter-sector", "printing-publishing")
    assert chart(page) == {"Printing and publishing": "310,000"}
    bar = page.locator('[data-case-chart] g[data-key="printing-publishing"] rect').bounding_box()
    assert bar["width"] == pytest.approx(full_bar["width"], abs=1)  # the largest of those shown fills the room


def test_a_sector_without_the_charted_result_shows_no_chart_and_no_zero_total(server: str, page) -> None:
    page.goto(server + "en/cases/")
    page.select_option("#filter-sector", "textiles")
    assert visible_links(page, ".case-item") == ["Example: heat recovery from dyeing waste water"]
    assert "Electricity saved" not in totals(page)  # not "0 kWh": no case shown measured it
    assert totals(page)  # the results the textiles case has are still added up
    assert page.locator("[data-case-chart]").is_hidden()
    assert page.locator("[data-chart-none]").is_visible()

    page.select_option("#filter-sector", "")
    assert page.locator("[data-case-chart]").is_visible() and page.locator("[data-chart-none]").is_hidden()
    assert len(chart(page)) == 2 and "Electricity saved" in totals(page)


def test_chinese_chart_follows_the_filters_too(server: str, page) -> None:
    page.goto(server + "zh-Hans/cases/")
    page.select_option("#filter-year", "2010")
    assert list(chart(page).values()) == ["310,000"]
