"""Search lands where the answer is: Chinese results link to the matching
section and show the matching passage, as English ones do; the results line
names the words searched; near-synonyms find the site's word; a sector's
name finds the pages on eligibility first; and the site map, which the
search page points to, lists every page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import CONTENT_PAGES, LANG_PREFIXES, ROOT, SEARCH_BOX, all_html_files, read_html


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_site_map_lists_every_page_with_records_under_their_listings(site: Path, lang: str) -> None:
    prefix = LANG_PREFIXES[lang]
    others = tuple(p for p in LANG_PREFIXES.values() if p and p != prefix)
    pages = {
        "/" + f.relative_to(site).as_posix().removesuffix("index.html")
        for f in all_html_files(site)
        if f.relative_to(site).as_posix().startswith(prefix) and not f.relative_to(site).as_posix().startswith(others) and f.name != "404.html"
    }
    records = [p for folder in ("events", "news", "cases") for p in (ROOT / "docs" / folder).glob("*.md") if p.suffixes == [".md"] and p.stem != "index"]
    assert len(records) >= 10
    assert len(pages) == len(CONTENT_PAGES) + 1 + len(records)  # and the search page
    here = f"/{prefix}sitemap/"
    html = read_html(site, f"{prefix}sitemap/")
    linked = {urljoin(here, a["href"]) for a in html.select("article ul.site-map a")}
    assert sorted(pages - linked) == []
    for folder in ("events", "news", "cases"):
        listing = html.select_one(f'article ul.site-map > li > a[href="../{folder}/"]').parent
        records = [urljoin(here, a["href"]) for a in listing.select(":scope > ul a")]
        assert records and all(r.startswith(f"/{prefix}{folder}/") and r != f"/{prefix}{folder}/" for r in records)


def _results(page) -> list[str]:
    """The result links shown, pages and their sections, as paths with their #sections."""
    return page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => { const u = new URL(a.href); return u.pathname + u.hash; })")


@pytest.mark.browser
@pytest.mark.parametrize("path,query,section,passage", [
    ("search/", "核證", "/funding/#verification", "核證"),
    ("zh-Hans/search/", "核证", "/zh-Hans/funding/#verification", "核证"),
    ("en/search/", "verification", "/en/funding/#verification", "Verification"),
])
def test_chinese_results_link_to_the_matching_section_and_show_the_passage(search, page, server: str, path: str, query: str, section: str, passage: str) -> None:
    results = search(path, query)
    assert section in _results(results)
    heading = results.locator(f'.pagefind-ui__result-link[href$="{section.rsplit("/", 1)[1]}"]').first.inner_text()
    excerpts = results.locator(".pagefind-ui__result-excerpt").all_inner_texts()
    assert all(not re.search(r"\b[a-p]{8}\b|[a-p]{4}z\b|¶", e) for e in excerpts), excerpts  # no index letters shown
    marked = results.locator(".pagefind-ui__result-excerpt mark").all_inner_texts()
    assert passage in marked  # the words searched for, marked in their passage
    page.goto(server + section.lstrip("/"))  # the link lands on the heading it names
    assert page.locator(f'[id="{section.rsplit("#", 1)[1]}"]').inner_text().strip().rstrip("¶").strip() == heading


@pytest.mark.browser
def test_traditional_passages_are_in_the_characters_the_page_uses(search) -> None:
    """The index holds Simplified characters; 制 stands for 製 in 製品 and 製造
    but for 制 in 管制, and each passage shows the page's own."""
    page = search("search/", "製品")
    text = " ".join(page.locator(".pagefind-ui__result-excerpt").all_inner_texts() + page.locator(".pagefind-ui__result-title").all_inner_texts())
    assert "製品" in text and "制品" not in text
    assert not re.search(r"[资项厂环织]", text), text
    headings = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").all_inner_texts()
    assert headings and all(re.search(r"[\u4e00-\u9fff]", h) and "¶" not in h for h in headings), headings


@pytest.mark.browser
@pytest.mark.parametrize("path,query,line,then,line_then", [
    ("search/", "印染", "找到 7 個 紡織 的相關結果", "資助", "個 資助 的相關結果"),
    ("zh-Hans/search/", "印染厂", "个 纺织厂 的相关结果", "补贴", "个 资助 的相关结果"),
    ("en/search/", "grant", "results for funding", "audit", "results for assessment"),
])
def test_the_results_line_names_the_words_searched(search, path: str, query: str, line: str, then: str, line_then: str) -> None:
    page = search(path, query)
    message = page.locator(".pagefind-ui__message")
    page.wait_for_function("([m, t]) => document.querySelector(m).textContent.includes(t)", arg=[".pagefind-ui__message", line])
    assert query not in message.inner_text()
    page.fill(SEARCH_BOX, then)  # and again for the next query typed over it
    page.wait_for_function("([m, t]) => document.querySelector(m).textContent.includes(t)", arg=[".pagefind-ui__message", line_then])


@pytest.mark.browser
@pytest.mark.parametrize("path,query,expected", [
    ("search/", "累積", "/statistics/"),  # the site says 累計
    ("zh-Hans/search/", "累积", "/zh-Hans/statistics/"),
    ("search/", "總計", "/statistics/"),  # 總數
    ("search/", "批核", "/apply/"),  # 審批: who approves an application (申請交給誰、由誰審批)
    ("search/", "認證", "/funding/"),  # 核證
    ("search/", "熱線", "/apply/"),  # 聯絡: the enquiry line (聯絡和查詢)
    ("en/search/", "cumulative", "/en/statistics/"),  # total
    ("en/search/", "criteria", "/en/funding/"),  # conditions
    ("en/search/", "hotline", "/en/apply/"),  # contact: the enquiry line
])
def test_near_synonyms_find_the_pages_using_the_site_word(search, path: str, query: str, expected: str) -> None:
    assert _results(search(path, query))[0].split("#")[0] == expected


@pytest.mark.browser
@pytest.mark.parametrize("path,query", [
    ("en/search/", "textiles"), ("en/search/", "furniture"), ("en/search/", "food"), ("en/search/", "metal"), ("en/search/", "printing"),
    ("search/", "紡織"), ("search/", "家具"), ("zh-Hans/search/", "食品"), ("zh-Hans/search/", "金属"),
])
def test_a_sector_name_finds_the_pages_on_who_may_apply_before_any_example(search, path: str, query: str) -> None:
    pages = list(dict.fromkeys(r.split("#")[0] for r in _results(search(path, query))))
    home = "/" + path.removesuffix("search/")
    answers = {home + "eligibility/", home + "funding/", home + "about/"}
    examples = [i for i, p in enumerate(pages) if p.startswith(tuple(home + f + "/" for f in ("events", "cases", "news"))) and p.count("/") > home.count("/") + 1]
    assert pages[0] in answers, pages
    assert not examples or min(examples) > max(i for i, p in enumerate(pages) if p in answers), pages


@pytest.mark.browser
def test_a_reader_word_finds_the_case_that_uses_the_site_word(search) -> None:
    """The case says "waste water" (search-words.yml). Its title no longer
    gets Pagefind's title boost, which example titles lost so that a trade's
    name finds who may apply; the about page, on waste-water technologies,
    may come first."""
    pages = list(dict.fromkeys(r.split("#")[0] for r in _results(search("en/search/", "wastewater"))))
    assert "/en/cases/2011-dyeing-heat-recovery/" in pages[:2], pages
