"""Checks run in the browser on every built page, and the one visit of each
page that they share on a wide screen and on a phone.

Loading a page costs a seventh of a core-second, as much as the checks but
axe's, so the tests that check every page at a width (axe in
test_accessibility.py, target sizes in test_wcag22.py, reflow in
test_reflow.py, 200% zoom and headings on a phone in
test_keyboard_zoom_print.py, the security policy in test_security.py) do
not each load every page again: the first of them visits every page once,
runs every check of its widths, and keeps what each found for the others
(`every_page_at` in conftest.py). The tests of one visit are kept on one
worker (`on_the_visit`), which holds what was found."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT

# Every axe rule of WCAG 2.2 A/AA (which takes in 2.0 and 2.1) and of its best
# practices runs, and every violation is reported whole; the rules that pass
# (or cannot tell) are described by one node each rather than every node they
# looked at, which had taken half of axe's time on a long page.
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}

# Targets smaller than 24 × 24 px whose 24 px circle (centred on the target)
# meets another target's box or circle. A link inside a sentence is exempt,
# as 2.5.8 allows: its size is set by the line of text; so is what is hidden
# until it has focus (1 px, as a heading's ¶ link).
SMALL_TARGETS = """() => {
  const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && !e.closest('[hidden]'); })
    .filter(e => {
      if (getComputedStyle(e).display !== 'inline') return true;
      const block = e.parentElement.closest('p, li, td, dd, figcaption, caption, th, span, small');
      return !(block && block.textContent.trim().length > e.textContent.trim().length);
    });
  const boxes = targets.map(e => e.getBoundingClientRect());
  const small = (r) => r.width < 24 || r.height < 24;
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distance = (p, r) => Math.hypot(Math.max(r.left - p[0], 0, p[0] - r.right), Math.max(r.top - p[1], 0, p[1] - r.bottom));
  return targets.filter((e, i) => small(boxes[i]) && boxes.some((other, j) => j !== i && !targets[j].contains(e) && !e.contains(targets[j]) && (
      distance(centre(boxes[i]), other) < 12 || (small(other) && Math.hypot(centre(boxes[i])[0] - centre(other)[0], centre(boxes[i])[1] - centre(other)[1]) < 24))))
    .map(e => e.tagName.toLowerCase() + ' "' + (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 30) + '"');
}"""

# Elements wider than the page's width, leaving out what is inside a box that
# scrolls on its own (a wide table), and what is hidden from sight; null if
# the page does not scroll sideways.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth;
  const wide = [...document.body.querySelectorAll('*')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 0.5 && !e.closest('.data-table[tabindex], .visually-hidden');
  }).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
  return page > width ? {page, wide} : null;
}"""


# Where the test server (conftest.py) serves axe, beside the site: loaded from
# there, the browser keeps it compiled, where handing its 570 kB to every page
# had taken a sixth of a core-second a page.
AXE_PATH = "/.tests/axe.min.js"


def axe_violations(page) -> list[dict]:
    """axe's violations (with the options above) on the page in the tab. Only
    the violations leave the browser: the rest of axe's results are no
    assertion's concern, and were hundreds of kilobytes a page."""
    if page.url.startswith("http"):
        page.add_script_tag(url=AXE_PATH)
    else:  # a page the test wrote into the tab, which has no server
        page.evaluate(AXE_SCRIPT)
    return page.evaluate("options => axe.run(document, options).then(results => results.violations)", WCAG)


def zoomed(page) -> dict[str, bool]:
    """What 200% zoom leaves of a page (a window 1280 × 800 zoomed to 200%
    lays out as one 640 × 400): whether it scrolls sideways, whether its
    heading shows, and whether the menu button opens the navigation. The
    button is clicked last: the drawer stays open until the next page."""
    scrolls = page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")
    heading = page.locator("h1").first.is_visible()
    page.locator(".md-header label[for='__drawer']").click()
    return {"scrolls sideways": scrolls, "heading shows": heading, "menu opens": page.locator(".md-nav--primary").first.is_visible()}


# On a phone: captions squeezed to a narrow column (under half the width of
# their table, or of the box a wide table scrolls in), and headings a line
# taller than their words (where a hidden ¶ link wrapped).
GAPS = """() => ({
  squeezed: [...document.querySelectorAll('article caption')]
    .filter(c => c.getBoundingClientRect().width < 0.5 * Math.min(c.closest('table').getBoundingClientRect().width, (c.closest('.data-table[tabindex]') || c.closest('table')).clientWidth))
    .map(c => c.textContent.trim().slice(0, 20)),
  taller: [...document.querySelectorAll('article h1, article h2, article h3')].filter(h => {
    const text = document.createRange();
    text.selectNodeContents(h.firstChild);
    return h.getBoundingClientRect().height - text.getBoundingClientRect().height > parseFloat(getComputedStyle(h).lineHeight) / 2;
  }).map(h => h.textContent.trim()),
})"""


# True once a search page has built its search (or on any other page): the
# search script reads the page's query.json after the page has loaded, and
# then adds the search box, its interface, and last the line of shorter
# queries; the checks are to see the page a reader sees, whole.
SEARCH_READY = "() => !document.getElementById('search-ui') || document.querySelector('.search-shorter')"


class PolicyWatch:
    """What a tab reports against the pages' Content-Security-Policy, and
    what it requests from anywhere but the test server, since it was last
    asked. It listens from the start of each page, so it is asked right
    after the page loads, before any check puts a script into it."""

    def __init__(self, page, server: str) -> None:
        self.reported: list[str] = []
        here = urlsplit(server).netloc
        page.on("console", lambda message: self.reported.append(message.text) if "Content Security Policy" in message.text else None)
        page.on("request", lambda request: self.reported.append("requested " + request.url) if urlsplit(request.url).netloc not in (here, "") and not request.url.startswith("data:") else None)
        page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))")

    def take(self, page) -> list[str]:
        found = self.reported + page.evaluate("window.__violations")
        self.reported = []
        return found


CHECKS = {
    "axe": axe_violations,
    "small targets": lambda page: page.evaluate(SMALL_TARGETS),
    "overflow": lambda page: page.evaluate(OVERFLOW),
    "zoom": zoomed,
    "gaps": lambda page: page.evaluate(GAPS),
}
# The checks each width's tests make of every page, in this order: on a wide
# screen, the security policy (first, before axe is put into the page), axe
# and target sizes; at 200% zoom of it (640 px); on a phone, axe, target
# sizes, reflow and the space under headings and captions; reflow again on
# the narrowest screen WCAG names (320 px). The page is not loaded again at
# 640 or 320 px: the screen is narrowed to them, as zooming in narrows a
# page already shown.
CHECKS_AT = {
    1280: ("policy", "axe", "small targets"),
    640: ("zoom",),
    390: ("axe", "small targets", "overflow", "gaps"),
    320: ("overflow",),
}
NARROWED_FROM = {640: 1280, 320: 390}
HEIGHT = {640: 400}  # 800 px unless named


def screen(width: int) -> dict[str, int]:
    """The viewport of a visit's width."""
    return {"width": width, "height": HEIGHT.get(width, 800)}


def visit_of(width: int) -> int:
    """The width of the visit in which every page is checked at `width`."""
    return NARROWED_FROM.get(width, width)


def on_the_visit(width: int) -> pytest.MarkDecorator:
    """Keeps a test on the worker that visits every page at `width`
    (pytest-xdist's `loadgroup`)."""
    return pytest.mark.xdist_group(f"every page at {visit_of(width)} px")


def at_width(*widths: int) -> list:
    """`widths` as a test's parameters, each kept on the worker that visits
    every page at that width."""
    return [pytest.param(width, marks=on_the_visit(width)) for width in widths]


def visit_every_page(page, server: str, site: Path, files: list[Path], width: int) -> dict[int, dict[str, dict[str, object]]]:
    """What each check found on each page (by its address below the site's
    root, "" for the home page), at `width` and at the widths the screen is
    narrowed to from it. `page` is a tab of the visit's own: the policy's
    watch listens to it for good."""
    widths = [width] + [narrow for narrow, wide in NARROWED_FROM.items() if wide == width]
    checks = dict(CHECKS)
    watch = PolicyWatch(page, server) if "policy" in CHECKS_AT[width] else None
    if watch:
        checks["policy"] = watch.take
    found: dict[int, dict[str, dict[str, object]]] = {w: {} for w in widths}
    for file in files:
        url = file.relative_to(site).as_posix().removesuffix("index.html")
        page.set_viewport_size(screen(width))
        page.goto(server + url)
        page.wait_for_function(SEARCH_READY)
        for shown in widths:
            page.set_viewport_size(screen(shown))
            found[shown][url] = {name: checks[name](page) for name in CHECKS_AT[shown]}
    if watch:  # what the last page reported after it was asked (a report reaches the test late)
        found[width][url]["policy"] += watch.take(page)
    return found
