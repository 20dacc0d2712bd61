"""Search: one Pagefind index per language, loaded only when a reader searches."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from cleanprod.paths import DOCS
from conftest import CONTENT_PAGES, SEARCH_BOX, wait_for_search_of

pytestmark = pytest.mark.browser


def test_one_bundle_per_language_holding_only_that_language_pages(site: Path) -> None:
    # Every content page, event and news item is indexed; the search page and
    # the site map (a list of every title, which would match every query) are not.
    records = [p for folder in ("events", "news", "cases") for p in (DOCS / folder).glob("*.md") if p.suffixes == [".md"] and p.stem != "index"]
    expected = len(CONTENT_PAGES) - 1 + len(records)
    assert len(records) >= 10
    for prefix, lang in (("", "zh-hant"), ("en/", "en"), ("zh-Hans/", "zh-hans")):
        entry = json.loads((site / prefix / "pagefind" / "pagefind-entry.json").read_text())
        assert {code: info["page_count"] for code, info in entry["languages"].items()} == {lang: expected}


def _pages(tab) -> list[str]:
    """The pages the results in the tab list, each once: a result lists the
    page, then its sections that match."""
    links = tab.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => new URL(a.href).pathname)")
    return list(dict.fromkeys(links))


def _query(url: str) -> list[str]:
    """The query an address carries (?q=), as a list: empty if none."""
    return parse_qs(urlsplit(url).query).get("q", [])


def _results(search, path: str, query: str) -> list[str]:
    """The pages `query`, typed into the search page at `path`, finds."""
    return _pages(search(path, query))


# The page a reader means, and must see first, for each query. Traditional
# Chinese queries are typed in Traditional characters: the zh-Hant page
# converts them for its index (cleanprod/publish/search_index.py).
FIRST_RESULT = [
    ("search/", "資格", "/eligibility/"),
    ("search/", "示範項目", "/funding/"),
    ("search/", "核證", "/funding/"),
    ("search/", "實地評估", "/funding/"),  # the statistics' name for 實地改善評估
    ("zh-Hans/search/", "实地评估", "/zh-Hans/funding/"),
    ("search/", "開放數據", "/open-data/"),
    ("search/", "統計", "/statistics/"),
    ("search/", "私隱", "/privacy/"),
    ("zh-Hans/search/", "资格", "/zh-Hans/eligibility/"),
    ("zh-Hans/search/", "核证", "/zh-Hans/funding/"),
    ("zh-Hans/search/", "开放数据", "/zh-Hans/open-data/"),
    ("zh-Hans/search/", "无障碍", "/zh-Hans/accessibility/"),
    ("en/search/", "eligibility", "/en/eligibility/"),
    ("en/search/", "verification", "/en/funding/"),
    ("en/search/", "open data", "/en/open-data/"),
    ("en/search/", "partners", "/en/partners/"),
    ("en/search/", "awardees", "/en/partners/"),  # not the open data page, which names every data file
    ("en/search/", "case studies", "/en/cases/"),
    ("en/search/", "statistics", "/en/statistics/"),
    ("en/search/", "HKPC", "/en/about/"),  # the about page says who runs the programme; the site never abbreviates it
    ("en/search/", "logo holders", "/en/partners/"),  # the site says awardees
    ("en/search/", "inverter", "/en/cases/2011-metal-motors/"),  # the site says variable speed drives; Pagefind alone found every page with "in"
    ("en/search/", "maximum", "/en/funding/"),  # the site says cap
    ("zh-Hans/search/", "节水", "/zh-Hans/cases/"),  # the site says 節省用水, and the case studies' results hold it
    ("search/", "ＣＳＶ", "/open-data/"),  # full-width letters, as a Chinese keyboard types them
    ("en/search/", "ｅｌｉｇｉｂｉｌｉｔｙ", "/en/eligibility/"),
    ("search/", "顧問", "/partners/"),  # the site says 環境技術服務供應商: the partners page names them as a class of logo awardees (技術服務) and lists them; only the first phase's funding, no longer current, paid for them
    ("search/", "示範項目資助多少", "/funding/"),
    ("search/", "化工", "/eligibility/"),  # a trade's everyday name finds who can apply, which names the sector (化學製品業)
    ("search/", "廢氣", "/funding/"),  # the site says 空氣污染物
    ("en/search/", "audit", "/en/funding/"),  # the site says assessment; Pagefind alone found 19 pages with "a…"  # 多少, a question word, is left out; only the eligibility page held it
    # A news item's or an event's title finds that page, not the lists that name it.
    ("search/", "粵港清潔生產工作小組第九次會議", "/events/2022-12-15-working-group-ninth-meeting/"),
    ("zh-Hans/search/", "延展的计划接受申请", "/zh-Hans/news/2013-03-27-extended-programme-applications/"),
    ("en/search/", "online seminar", "/en/events/2025-03-25-online-seminar/"),
    ("search/", "統計數字", "/statistics/"),  # and the page that explains a topic still comes before a news item that names it
]


@pytest.mark.parametrize("path,query,expected", FIRST_RESULT)
def test_query_finds_the_page_that_explains_it_first(search, path: str, query: str, expected: str) -> None:
    results = _results(search, path, query)
    assert results[:1] == [expected], results
    prefix = "/" + path.removesuffix("search/")
    assert all(r.startswith(prefix) for r in results)
    if prefix == "/":
        assert not any(r.startswith(("/en/", "/zh-Hans/")) for r in results)


@pytest.mark.parametrize("query,at_least", [("資助", 10), ("计划", 10), ("計劃", 10), ("項目管理委員會", 2)])
def test_traditional_queries_find_every_page_that_uses_the_words(search, query: str, at_least: int) -> None:
    """Pagefind segments Traditional text poorly: before the zh-Hant index was
    made from Simplified text, 資助 found 1 page of the 12 that use it. A
    query typed in Simplified characters on the Traditional page finds as many."""
    message = search("search/", query).inner_text(".pagefind-ui__message")  # "找到 12 個 … 的相關結果"; five are listed at first
    assert int(re.search(r"\d+", message).group()) >= at_least, message
    assert message.startswith("找到") and "個" in message and "个" not in message  # Pagefind's own Chinese strings are Simplified


# Words that Pagefind's own Chinese segmentation cut differently in the text,
# so that before pages were indexed as pairs of characters the query found
# nothing: 食品業節能工作坊 was cut into 業節 and 能; 計算機 is the calculator
# in 資助計算機; 障礙 is inside 無障礙. 各階段的資助見資助 runs into a link;
# 視像會議 and 第九次會議 sit inside longer runs of characters.
FOUND = [
    ("search/", "各階段的資助見資助", "/news/2013-03-27-extended-programme-applications/"),
    ("search/", "視像會議", "/events/2022-12-15-working-group-ninth-meeting/"),
    ("search/", "第九次會議", "/events/2022-12-15-working-group-ninth-meeting/"),
    ("search/", "計算機", "/eligibility/"),
    ("search/", "障礙", "/accessibility/"),
    ("zh-Hans/search/", "视像会议", "/zh-Hans/events/2022-12-15-working-group-ninth-meeting/"),
    ("zh-Hans/search/", "计算机", "/zh-Hans/eligibility/"),
]


# The programme writes 伙伴, and a reader may type the variant 夥伴, which no
# page holds; or type Traditional characters on the Simplified page. Either
# query finds what the site's own form finds (the character table). A word
# the site does not use finds what the site's word for it finds
# (docs/_data/search-words.yml): no page says 補貼, 联系 or "grant".
@pytest.mark.parametrize("path,query,same_as", [
    ("search/", "夥伴", "伙伴"),
    ("zh-Hans/search/", "夥伴", "伙伴"),
    ("zh-Hans/search/", "資助計算機", "资助计算机"),
    ("search/", "補貼", "資助"),
    ("search/", "申請津貼", "申請資助"),
    ("zh-Hans/search/", "补贴", "资助"),
    ("zh-Hans/search/", "補貼", "资助"),
    ("zh-Hans/search/", "联系", "联络"),
    ("zh-Hans/search/", "空压机", "压缩空气"),
    ("search/", "日曆", "行事曆"),
    ("zh-Hans/search/", "申报", "申请"),  # as the mainland says it
    ("zh-Hans/search/", "案例", "个案"),
    ("zh-Hans/search/", "食品厂", "食品"),  # 品厂, a pair no page holds, found nothing with 食品
    ("search/", "傢俬", "家具"),  # as Hong Kong says it
    ("en/search/", "allowance", "funding"),
    ("en/search/", "grant", "funding"),
    ("en/search/", "Grants", "funding"),
    ("en/search/", "CO2", "CO₂"),  # as a keyboard types it
])
def test_a_variant_or_the_other_script_finds_the_same_pages(search, path: str, query: str, same_as: str) -> None:
    expected = _results(search, path, same_as)
    assert expected and _results(search, path, query) == expected


@pytest.mark.parametrize("path,query,expected", FOUND)
def test_chinese_query_finds_a_page_holding_it_however_the_text_is_cut(search, path: str, query: str, expected: str) -> None:
    assert expected in _results(search, path, query)


def test_chinese_query_finds_only_pages_holding_its_characters_in_order(search) -> None:
    # 視像會議 is on two pages (the ninth Working Group meeting and the events listing), though 視, 像, 會 and 議 are on many.
    assert sorted(_results(search, "search/", "視像會議")) == ["/events/", "/events/2022-12-15-working-group-ninth-meeting/"]


@pytest.mark.parametrize("path,name,target", [("search/", "網站地圖", "/sitemap/"), ("en/search/", "site map", "/en/sitemap/"), ("zh-Hans/search/", "网站地图", "/zh-Hans/sitemap/")])
def test_a_search_that_finds_nothing_points_to_the_site_map(search, path: str, name: str, target: str) -> None:
    tab = search(path, "xqzvw")
    assert _pages(tab) == []
    link = tab.locator("article").get_by_role("link", name=name)
    assert link.is_visible()
    assert urlsplit(link.evaluate("a => a.href")).path == target


def _shorter(page) -> list[tuple[str, str]]:
    """The shorter queries the search page offers, once it has looked for them: each link's words and query."""
    page.wait_for_function("() => document.querySelector('.search-shorter a')")
    links = page.locator(".search-shorter a")
    return [(link.inner_text(), *_query(link.get_attribute("href"))) for link in links.all()]


# Pagefind finds only pages that hold every word of a query that some page
# holds: 廢水 is on the dyeing case and 處理 on the about page, so 廢水處理 finds nothing.
@pytest.mark.parametrize("path,query,offered,leads_to", [
    ("search/", "廢水處理", ["廢水", "處理"], "/about/"),  # not 廢水處 or 水處理: no page has 水處
    ("zh-Hans/search/", "废水处理", ["废水", "处理"], "/zh-Hans/about/"),
    ("en/search/", "dyeing privacy policy", ["privacy policy", "dyeing"], "/en/cases/2011-dyeing-heat-recovery/"),  # not privacy and policy again
])
def test_a_query_that_finds_nothing_offers_shorter_queries_that_do(search, path: str, query: str, offered: list[str], leads_to: str) -> None:
    page = search(path, query)
    assert _pages(page) == []
    assert [words for words, _ in _shorter(page)] == offered
    assert all(words == target for words, target in _shorter(page))
    page.locator(".search-shorter a").last.click()  # to the search page again, with the query in its address
    page.wait_for_url(lambda url: _query(url) == offered[-1:])  # the address named the query typed before the click
    wait_for_search_of(page, offered[-1])
    assert leads_to in _pages(page)
    assert page.inner_text(".search-shorter") == ""


def test_shorter_queries_are_offered_only_while_the_query_finds_nothing(search) -> None:
    page = search("search/", "廢水處理")
    assert _shorter(page)
    page.fill(SEARCH_BOX, "資助")  # typed over it, not into an emptied box
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result-link').length >= 5")
    page.wait_for_function("() => document.querySelector('.search-shorter').textContent === ''")
    # A word on no page offers nothing shorter: the site map line is there for it.
    search("search/", "xqzvw")  # which waits until every shorter query is tried
    assert page.inner_text(".search-shorter") == ""


@pytest.mark.parametrize("path,query,note", [
    ("search/", "補貼", "已改為搜尋本網站的用詞：資助"),
    ("zh-Hans/search/", "补贴 讲座", "已改为搜索本网站的用词：资助、研讨会"),  # in Simplified characters, as the page is
    ("en/search/", "Grant", "Searched for the words this site uses: funding"),
])
def test_results_name_the_site_words_searched_for_instead(search, path: str, query: str, note: str) -> None:
    """The results line repeats the reader's word (找到 12 個 補貼 的相關結果)
    while the results hold the site's word (資助); the line under it says so."""
    page = search(path, query)
    page.wait_for_function("() => document.querySelector('.pagefind-ui__message + .search-site-words')")
    assert page.inner_text(".search-site-words") == note
    page.fill(SEARCH_BOX, "資助" if path != "en/search/" else "funding")
    page.wait_for_function("() => document.querySelector('.pagefind-ui__message + .search-site-words')?.textContent === ''")


@pytest.mark.parametrize("path,query,no_result", [("search/", "月曆", "找不到"), ("zh-Hans/search/", "月历", "找不到")])
def test_chinese_query_that_no_page_holds_finds_nothing(search, path: str, query: str, no_result: str) -> None:
    # No page says 月曆, and 月 stands alone in every date (2026年11月28日).
    # Pagefind takes the longest word in the index that starts a query's word
    # it cannot find, so 日曆 found the 16 pages with a date.
    page = search(path, query)
    assert _pages(page) == []
    assert page.inner_text(".pagefind-ui__message").startswith(no_result)
    search(path, "月")  # a character alone still finds the pages that hold it
    assert int(re.search(r"\d+", page.inner_text(".pagefind-ui__message")).group()) >= 10


@pytest.mark.parametrize("path,query", [("search/", "資助"), ("zh-Hans/search/", "资助")])
def test_chinese_results_show_their_opening_words_once(search, path: str, query: str) -> None:
    # Pagefind shows a result's metadata as tags: the excerpt, which its record carries, appeared twice.
    page = search(path, query)
    assert page.locator(".pagefind-ui__result-excerpt").count() >= 5
    assert page.locator(".pagefind-ui__result-tag").count() == 0


def test_simplified_search_page_speaks_simplified(search) -> None:
    page = search("zh-Hans/search/", "资格")
    message = page.inner_text(".pagefind-ui__message")
    assert message.startswith("找到") and "个" in message, message
    assert page.get_attribute(SEARCH_BOX, "placeholder") == "搜索"
    excerpt = page.inner_text(".pagefind-ui__result-excerpt >> nth=0")
    assert len(excerpt) > 20 and "資" not in excerpt


def test_traditional_results_are_shown_in_traditional_characters(search) -> None:
    page = search("search/", "示範項目")
    title = page.inner_text(".pagefind-ui__result-link >> nth=0")
    excerpt = page.inner_text(".pagefind-ui__result-excerpt >> nth=0")
    assert title == "資助措施"
    assert "资" not in title + excerpt and "项" not in title + excerpt
    assert len(excerpt) > 20


@pytest.mark.parametrize("path,query,expected", [("search/", "有甚麼資助", "/funding/"), ("zh-Hans/search/", "有什么资助", "/zh-Hans/funding/"), ("search/", "我可以申請嗎", "/eligibility/")])
def test_a_question_finds_the_pages_on_its_topic(search, path: str, query: str, expected: str) -> None:
    """A question word (甚麼, 可以, 嗎) is on few pages, and Pagefind shows only
    pages holding every word some page holds: 有甚麼資助 found only the home
    page, whose heading asks it. search-words.yml leaves such words out."""
    results = _results(search, path, query)
    assert expected in results[:3] and len(results) >= 5, results


def test_english_results_keep_neighbouring_table_cells_apart(search) -> None:
    """Pagefind ran the text of neighbouring cells and terms together
    ("Factory locationDongguanInvestmentHK$420,000"), in the index and in the excerpt."""
    page = search("en/search/", "Dongguan")
    excerpt = page.inner_text(".pagefind-ui__result-excerpt >> nth=0")
    assert re.search(r"\bDongguan\b", excerpt), excerpt


def test_english_index_holds_no_chinese_pages(search) -> None:
    assert _results(search, "en/search/", "示範項目") == []


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
    wait_for_search_of(page, "demonstration")  # every result loaded, not only the first
    assert "/en/funding/" in _pages(page)


def test_the_address_names_the_query_typed(page, server: str) -> None:
    """So that a reload, Back from a result, or the address shared brings the
    reader's last query, not the one the page was opened with; and Back
    leaves the search page, as each query replaces the last in the history."""
    page.goto(f"{server}search/?q=資格")
    wait_for_search_of(page, "資格")
    entries = page.evaluate("history.length")
    page.fill(SEARCH_BOX, "核證 費用")
    page.wait_for_url(lambda url: _query(url) == ["核證 費用"])
    page.reload()
    wait_for_search_of(page, "核證 費用")
    assert page.input_value(SEARCH_BOX) == "核證 費用"
    assert _pages(page)[0] == "/funding/"
    page.fill(SEARCH_BOX, "")
    page.wait_for_url(f"{server}search/")
    assert page.evaluate("history.length") == entries


def test_the_clear_button_takes_the_shorter_queries_and_the_address_with_it(search) -> None:
    """Pagefind's clear button empties the box without an input event: the
    shorter queries went on being offered under no results, and the address
    went on naming the query cleared."""
    page = search("search/", "廢水處理")
    assert _shorter(page)
    page.click(".pagefind-ui__search-clear")
    page.wait_for_url(lambda url: _query(url) == [])
    assert page.inner_text(".search-shorter") == ""
    assert page.input_value(SEARCH_BOX) == ""


def test_results_line_up_with_the_search_box(page, server: str) -> None:
    # Material indents every list in an article; Pagefind's list of results was 30 px in from the box on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}search/?q=資助")
    wait_for_search_of(page, "資助")
    box = page.locator(".pagefind-ui__form").bounding_box()
    first = page.locator(".pagefind-ui__result >> nth=0").bounding_box()
    assert first["x"] == box["x"]


@pytest.mark.parametrize("path,query", [
    ("search/", "補貼"),  # a word the site does not use, named under the results line
    ("zh-Hans/search/", "資助計算機"),  # Traditional characters on the Simplified page
    ("en/search/", "dyeing privacy policy"),  # nothing found, and shorter queries offered
])
def test_a_query_in_the_address_finds_what_the_same_query_typed_finds(page, server: str, search, path: str, query: str) -> None:
    """The tests above type each query into a search page already open
    (`search`, conftest.py); a reader who comes from the header's search box,
    or from a link, brings the query in the page's address (?q=)."""
    shown = "() => ['.pagefind-ui__message', '.search-site-words', '.search-shorter'].map(s => document.querySelector(s)?.textContent)"
    typed = search(path, query)
    page.goto(f"{server}{path}?q={quote(query)}")
    wait_for_search_of(page, query)
    assert _pages(page) == _pages(typed)
    assert page.evaluate(shown) == typed.evaluate(shown)
    assert page.evaluate(shown)[0]
