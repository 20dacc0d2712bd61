"""Search: one Pagefind index per language, loaded only when a reader searches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanprod.paths import DOCS
from conftest import CONTENT_PAGES

pytestmark = pytest.mark.browser


def test_one_index_per_language_holding_that_language_pages(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    # Every content page, event and news item is indexed; the search page itself is not.
    records = [p for folder in ("events", "news", "cases") for p in (DOCS / folder).glob("*.md") if p.suffixes == [".md"] and p.stem != "index"]
    expected = len(CONTENT_PAGES) + len(records)
    assert len(records) >= 10
    assert counts == {"zh-hant": expected, "en": expected, "zh-hans": expected}


def _results(page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_selector(".pagefind-ui__message", state="attached")
    page.wait_for_function(
        "() => !/…|\\.\\.\\./.test(document.querySelector('.pagefind-ui__message')?.textContent || '…')"
    )
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.xfail(
    strict=True,
    reason="Pagefind segments Chinese words by context: 示範項目 on the funding page is indexed "
    "as other words than the query, so only the demonstration results page is found",
)
def test_known_gap_chinese_word_segmentation(page, server: str) -> None:
    assert "/funding/" in _results(page, f"{server}search/?q=示範項目")


@pytest.mark.parametrize(
    "path,query,expected",
    [
        ("search/", "核證", "/funding/"),
        ("search/", "項目管理委員會", "/about/"),
        ("zh-Hans/search/", "示范项目", "/zh-Hans/funding/"),
        ("zh-Hans/search/", "核证", "/zh-Hans/funding/"),
        ("en/search/", "verification", "/en/funding/"),
        ("en/search/", "furniture", "/en/about/"),
    ],
)
def test_query_finds_the_page_that_explains_it(page, server: str, path: str, query: str, expected: str) -> None:
    results = _results(page, f"{server}{path}?q={query}")
    assert expected in results
    prefix = "/" + path.removesuffix("search/")
    assert all(r.startswith(prefix) for r in results)
    if prefix == "/":
        assert not any(r.startswith(("/en/", "/zh-Hans/")) for r in results)


def test_english_index_holds_no_chinese_pages(page, server: str) -> None:
    assert _results(page, f"{server}en/search/?q=示範項目") == []


def test_no_search_index_is_downloaded_before_searching(page, server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}funding/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    assert [url for url in requested if not url.startswith(server)] == []


def test_header_search_box_takes_the_reader_to_results(page, server: str) -> None:
    page.goto(f"{server}en/about/")
    page.fill("#site-search-q", "demonstration")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/en/search/?q=demonstration")
    page.wait_for_selector(".pagefind-ui__result-link")
    assert "/en/funding/" in page.eval_on_selector_all(
        ".pagefind-ui__result-link", "links => links.map(a => new URL(a.href).pathname)"
    )
