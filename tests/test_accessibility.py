"""axe-core finds no WCAG 2.2 A/AA violation (which takes in 2.0 and 2.1) and
no breach of its best practices on any built page, in any language, on a
wide screen and on a phone. test_wcag22.py checks that these options do
report violations, and what axe cannot check."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import CONTENT_PAGES, wait_for_search_of
from page_checks import at_width, axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.slow
@pytest.mark.parametrize("width", at_width(1280, 390))
def test_no_axe_violations_on_any_page(every_page_at, width: int) -> None:
    """On a phone, a table wider than the screen scrolls in its box, which
    must take focus (axe: scrollable-region-focusable)."""
    visited = every_page_at(width)
    assert len(visited) > 3 * len(CONTENT_PAGES)  # every page of every language, events and news too
    found = {url or "/": [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in checks["axe"]] for url, checks in visited.items() if checks["axe"]}
    assert found == {}


@pytest.mark.parametrize("url,shown", [
    ("search/?q=示範項目", ".pagefind-ui__result-link"),
    ("en/search/?q=verification", ".pagefind-ui__result-link"),
    ("search/?q=廢水處理", ".search-shorter a"),  # no result, and the shorter queries offered
    ("search/?q=補貼", ".pagefind-ui__message + .search-site-words"),  # the site's word searched for, named
])
def test_no_axe_violations_on_search_results(server: str, page, url: str, shown: str) -> None:
    page.goto(server + url)
    wait_for_search_of(page, parse_qs(urlsplit(url).query)["q"][0])  # the search finished, not only begun
    page.wait_for_selector(shown)
    assert axe_violations(page) == []


def test_axe_reports_a_violation_put_into_a_page(server: str, page) -> None:
    """The positive control: the same run, on a built page from which the
    language and an image's text alternative are taken away, reports both;
    an axe that found nothing would pass every test above."""
    page.goto(server + "en/funding/")
    assert axe_violations(page) == []
    page.evaluate("() => { document.documentElement.removeAttribute('lang'); document.querySelector('.md-logo img').removeAttribute('alt'); }")
    assert sorted(v["id"] for v in axe_violations(page)) == ["html-has-lang", "image-alt"]
