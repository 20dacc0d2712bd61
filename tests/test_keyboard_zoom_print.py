"""Every page works by keyboard, at 200% zoom, on a phone and on paper (WCAG
2.1.1, 2.4.1, 2.4.7, 1.4.4, 1.4.10), checked in a real browser in all three
languages."""

from __future__ import annotations

import pytest

from conftest import CONTENT_PAGES, LANG_PREFIXES
from page_checks import on_the_visit

pytestmark = pytest.mark.browser
PAGES = [prefix + page for prefix in LANG_PREFIXES.values() for page in CONTENT_PAGES]

# What each Tab reached: kept by the page as the key comes up, after the
# focus has moved, so that walking 40 stops is 40 key presses, not 40 more
# questions to the browser.
RECORD_TAB_STOPS = """() => {
  window.__stops = [];
  document.addEventListener('keyup', event => {
    if (event.key !== 'Tab') return;
    const e = document.activeElement;
    const style = getComputedStyle(e);
    window.__stops.push({
      tag: e.tagName, skip: e.classList.contains('md-skip'), text: (e.textContent || '').trim(), href: e.getAttribute('href') || '',
      hreflang: e.getAttribute('hreflang') || '', name: e.getAttribute('name') || '',
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      shown: e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0,
    });
  });
}"""


def tab_through(page, presses: int = 40) -> list[dict]:
    """Where each of `presses` Tabs from the top of the page put the focus."""
    page.evaluate(RECORD_TAB_STOPS)
    for _ in range(presses):
        page.keyboard.press("Tab")
    stops = page.evaluate("window.__stops")
    assert len(stops) == presses
    return stops


@pytest.mark.parametrize("url", PAGES)
def test_keyboard_reaches_skip_link_language_switcher_and_search(server: str, page, url: str) -> None:
    page.goto(server + url)
    stops = tab_through(page)
    first = stops[0]
    assert first["skip"] and first["href"].startswith("#"), first  # the skip link comes first
    assert first["shown"], "the skip link must appear when it has focus"
    assert {"en", "zh-Hant", "zh-Hans"} <= {s["hreflang"] for s in stops}, "every language is reachable by Tab"
    assert any(s["name"] == "q" for s in stops), "the search box is reachable by Tab"
    missing_ring = [s for s in stops if s["tag"] in ("A", "INPUT", "BUTTON", "SUMMARY") and not s["outline"]]
    assert missing_ring == [], "every focused control shows a focus ring"


def test_skip_link_moves_focus_past_the_navigation(server: str, page) -> None:
    page.goto(server + "en/funding/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.closest('.md-content') !== null")
    assert focused, "after the skip link, Tab moves into the page's content"


@on_the_visit(640)
@pytest.mark.parametrize("url", PAGES)
def test_200_percent_zoom_hides_no_content(every_page_at, url: str) -> None:
    """A 1280 × 800 window zoomed to 200% lays out as a 640 × 400 one
    (page_checks.zoomed)."""
    zoomed = every_page_at(640)[url]["zoom"]
    assert not zoomed["scrolls sideways"], "the page scrolls sideways at 200% zoom"
    assert zoomed["heading shows"]
    assert zoomed["menu opens"], "the menu opens at 200% zoom"


# Where the focused element is, and whether it shows: on the screen (not the
# closed drawer's links beside it), and at its middle (not under the header,
# the drawer or the overlay).
WHERE_FOCUS_IS = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return {
    text: (e.getAttribute('aria-label') || e.textContent || '').trim(), tag: e.tagName,
    onScreen: r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight,
    shown: !!hit && (e.contains(hit) || hit.contains(e)),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    inDrawer: !!e.closest('.md-sidebar--primary'),
  };
}"""
# The closed drawer's overlay has faded out (it covers the page for a
# quarter of a second after the drawer closes).
OVERLAY_GONE = "() => document.querySelector('.md-overlay').getBoundingClientRect().width === 0"
# The navigation's name in each language (Material's theme string `nav`), and its first link: the home page.
MENU = {"zh-Hant": ("網站導覽", "清潔生產伙伴計劃"), "en": ("Navigation", "Cleaner Production Partnership Programme"), "zh-Hans": ("导航栏", "清洁生产伙伴计划")}


@pytest.mark.parametrize("width", [390, 320])  # a phone, and a desktop window 1280 px wide zoomed to 400%
@pytest.mark.parametrize("lang", MENU)
def test_the_phone_menu_opens_and_closes_from_the_keyboard(server: str, page, width: int, lang: str) -> None:
    """The menu is a checkbox (it works without JavaScript) that the keyboard
    reaches, named in the page's language, with its state; the closed
    drawer's links take no focus beside the screen (WCAG 2.1.1, 2.4.3,
    2.4.7, 4.1.2)."""
    name, home = MENU[lang]
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(server + LANG_PREFIXES[lang] + "about/")
    menu = page.get_by_role("checkbox", name=name, exact=True)
    assert menu.count() == 1
    first, second = tab_through(page, 2)[0], page.evaluate(WHERE_FOCUS_IS)
    assert first["skip"], "the skip link comes first"
    assert second == {"text": name, "tag": "INPUT", "onScreen": True, "shown": True, "ring": True, "inDrawer": False}
    assert not menu.is_checked()
    page.keyboard.press("Space")
    assert menu.is_checked()
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left === 0")  # slid in
    page.keyboard.press("Tab")
    link = page.evaluate(WHERE_FOCUS_IS)
    assert link == {"text": home, "tag": "A", "onScreen": True, "shown": True, "ring": True, "inDrawer": True}
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert not menu.is_checked()
    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(WHERE_FOCUS_IS))
    assert len(stops) == 30
    assert [s["text"] for s in stops if s["inDrawer"] or not s["onScreen"]] == [], "a link of the closed drawer takes focus"


@pytest.mark.parametrize("lang", MENU)
def test_escape_closes_the_phone_menu_and_returns_to_its_button(server: str, page, lang: str) -> None:
    """As a reader expects of an open menu (assets/menu.js): from a link in
    the drawer, Escape closes it, and the focus is back on the button."""
    name, home = MENU[lang]
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(server + LANG_PREFIXES[lang] + "about/")
    menu = page.get_by_role("checkbox", name=name, exact=True)
    page.keyboard.press("Escape")  # closed: nothing happens
    assert not menu.is_checked()
    menu.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate(WHERE_FOCUS_IS)["text"] == home
    page.keyboard.press("Escape")
    assert not menu.is_checked()
    page.wait_for_function(OVERLAY_GONE)
    assert page.evaluate(WHERE_FOCUS_IS) == {"text": name, "tag": "INPUT", "onScreen": True, "shown": True, "ring": True, "inDrawer": False}
    assert page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == "hidden"


def test_tab_past_the_last_link_of_the_phone_menu_closes_it(server: str, page) -> None:
    """Focus that leaves the open drawer closes it (assets/menu.js), so the
    next link is not under the overlay."""
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(server + "en/about/")
    menu = page.get_by_role("checkbox", name="Navigation", exact=True)
    menu.focus()
    page.keyboard.press("Space")
    walked = [page.evaluate(WHERE_FOCUS_IS)]
    while walked[-1]["inDrawer"] or walked[-1]["tag"] == "INPUT":  # the button, then the drawer's links
        assert len(walked) < 60, "Tab never leaves the drawer"
        page.keyboard.press("Tab")
        walked.append(page.evaluate(WHERE_FOCUS_IS))
    assert len(walked) > 10  # the button, every page of the site, and the first stop after them
    assert not menu.is_checked()
    page.wait_for_function(OVERLAY_GONE)
    assert page.evaluate(WHERE_FOCUS_IS)["shown"]


def test_the_menu_opens_in_a_browser_without_has(server: str, page) -> None:
    """A browser that cannot read :has() opens the drawer from the class the
    menu script puts on the page while its box is checked (site.css): the
    class follows the box, and the class alone opens the drawer."""
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(server + "en/about/")
    menu = page.get_by_role("checkbox", name="Navigation", exact=True)
    drawer = "getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility"
    marked = "document.documentElement.classList.contains('drawer-open')"
    assert (page.evaluate(marked), page.evaluate(drawer)) == (False, "hidden")
    menu.focus()
    page.keyboard.press("Space")
    assert page.evaluate(marked)
    page.keyboard.press("Space")
    assert not page.evaluate(marked)
    page.evaluate("document.documentElement.classList.add('drawer-open')")  # the box unchecked, as :has() unread
    assert page.evaluate(drawer) == "visible"


def test_a_wide_screen_has_no_menu_control(server: str, page) -> None:
    """At a desktop's width the navigation is a sidebar, as it was: the
    menu control is hidden, and Tab goes from the skip link to the logo."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "en/about/")
    assert page.get_by_role("checkbox", name="Navigation", exact=True).count() == 0
    stops = tab_through(page, 2)
    assert stops[0]["skip"] and stops[1]["href"] == "../"
    assert page.locator(".md-sidebar--primary .md-nav__link[href='../funding/']").is_visible()


@pytest.mark.parametrize("url", ["", "en/funding/", "zh-Hans/statistics/"])
def test_print_shows_content_without_navigation(server: str, page, url: str) -> None:
    page.goto(server + url)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".site-search"):
        found, hidden = page.evaluate(
            "(s) => { const all = [...document.querySelectorAll(s)]; return [all.length, all.every(e => getComputedStyle(e).display === 'none' || e.closest('.md-header, .md-footer') && getComputedStyle(e.closest('.md-header, .md-footer')).display === 'none')]; }",
            chrome,
        )
        assert found > 0, f"the page has no {chrome}"
        assert hidden, f"{chrome} is printed"
    assert page.locator("article h1").first.is_visible()
    assert page.locator(".page-revised").first.is_visible(), "the revision date is printed"


@on_the_visit(390)
@pytest.mark.parametrize("url", PAGES)
def test_phone_width_leaves_no_gaps_under_headings_or_captions(every_page_at, url: str) -> None:
    """On a phone the funding tables stack into blocks: their captions had
    shrunk to a column of one or two characters (計/算/例/子), a quarter of
    the table's width. A heading that filled its line had a blank line under
    it, where its hidden ¶ link wrapped. A table that scrolls in its box has
    a caption as wide as the box (the screen), not the table
    (page_checks.GAPS)."""
    gaps = every_page_at(390)[url]["gaps"]
    assert gaps["squeezed"] == []
    assert gaps["taller"] == [], "these headings have a line more than their words"


@pytest.mark.parametrize("url", ["statistics/", "en/statistics/", "zh-Hans/statistics/"])
def test_a_table_wider_than_a_phone_keeps_its_caption_and_row_names_in_view(page, server: str, url: str) -> None:
    """A table that scrolls sideways in its box had a caption as wide as the
    table, so its source was cut off at the screen's edge until the reader
    scrolled; and the names of the rows scrolled away from their figures."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + url)
    scrolled = page.evaluate(
        """() => [...document.querySelectorAll('article .data-table[tabindex]')].filter(b => b.scrollWidth > b.clientWidth).map(b => {
          b.scrollLeft = b.scrollWidth;
          const box = b.getBoundingClientRect();
          const caption = (b.querySelector('caption') || b).getBoundingClientRect();  // a chart's table has the chart's caption
          const names = [...b.querySelectorAll('tr > :first-child')].map(c => Math.round(c.getBoundingClientRect().left - box.left));
          return {caption: [Math.round(caption.left - box.left), Math.round(box.right - caption.right)], names: [...new Set(names)]};
        })"""
    )
    assert scrolled, "a table of figures is wider than a phone"
    for table in scrolled:
        assert min(table["caption"]) >= -1, table  # within a pixel of the box
        assert table["names"] == [0], table


@pytest.mark.parametrize("url", ["statistics/", "en/statistics/", "en/cases/"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_chart_reads_at_the_size_of_small_print_and_holds_its_words(page, server: str, url: str, width: int) -> None:
    """A chart drawn for a wide screen and scaled to a phone's had words of
    6 pixels, and the names under its bars overlapped once there were many."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(server + url)
    texts = page.evaluate(
        """() => [...document.querySelectorAll('article svg.data-chart')].flatMap(svg => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')].map(t => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent, height: r.height, inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1};
          });
        })"""
    )
    assert len(texts) >= 4
    assert [t for t in texts if t["height"] < 12] == []  # the line box of text of about 12 px
    assert [t for t in texts if not t["inside"]] == []


@pytest.mark.parametrize("url", ["statistics/", "en/partners/", "cases/", "zh-Hans/cases/2011-metal-motors/"])
def test_figures_in_tables_line_up_on_the_right(page, server: str, url: str) -> None:
    # Material aligns every cell of a Markdown-style table left, and it had won over the site's rule.
    page.goto(server + url)
    alignments = page.eval_on_selector_all("article table .num", "cells => cells.map(c => getComputedStyle(c).textAlign)")
    assert alignments and set(alignments) == {"right"}


def test_wide_screen_sidebar_names_the_home_page_once(page, server: str) -> None:
    # The drawer's title, the site's name, stood just above the home page's link of the same name.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "funding/")
    shown = page.eval_on_selector_all(
        ".md-sidebar--primary .md-nav__title, .md-sidebar--primary .md-nav__link",
        "items => items.filter(i => i.getBoundingClientRect().height > 0).map(i => i.textContent.trim())",
    )
    assert shown.count("清潔生產伙伴計劃") == 1 and "資助措施" in shown
