"""WCAG 2.2 AA, where axe-core cannot judge: a focused element is never hidden
under the sticky header (2.4.11), targets are 24 × 24 px or spaced apart
(2.5.8), and nothing needs dragging (2.5.7). And a positive control: axe,
run with the options the accessibility tests use, reports violations seeded
into a page, so that a passing run means something."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, all_html_files
from page_checks import at_width, axe_violations

pytestmark = pytest.mark.browser

SEEDED = """<!doctype html><html lang="en"><head><title>Seeded</title></head><body><main><h1>Seeded</h1>
<form><input type="search" title="Search" placeholder="Search"></form>
<p><button style="width:10px;height:10px;padding:0">a</button><button style="width:10px;height:10px;padding:0">b</button></p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main></body></html>"""


def test_axe_reports_the_violations_seeded_into_a_page(page) -> None:
    """Each seeded violation is one rule from each set of tags run: WCAG 2.0
    (image-alt), WCAG 2.2 AA (target-size) and best practice (label-title-only)."""
    page.set_content(SEEDED)
    found = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "target-size", "label-title-only"} <= found


# After each Tab (or Shift+Tab), the focused element if the header (or
# anything else) covers all of it: points across its box, inside the
# screen, none of which shows the element. The page checks as the key comes
# up, after the focus has moved and the page has scrolled to it, and keeps
# what it found, so that each stop costs one key press. It also notes when
# the focus comes to an element it has been on: the walk has gone round.
HIDDEN_FOCUS = """() => {
  window.__hidden = [];
  window.__stops = 0;
  window.__round = false;
  const visited = new Set();
  document.addEventListener('keyup', event => {
    if (event.key !== 'Tab') return;
    window.__stops += 1;
    const e = document.activeElement;
    if (!e || e === document.body) return;
    if (visited.has(e)) window.__round = true;
    visited.add(e);
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth), top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    const name = e.tagName.toLowerCase() + ' "' + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40) + '"';
    if (left >= right) return; // beside the screen: the closed navigation drawer on a phone, not this test's concern
    if (top >= bottom) { window.__hidden.push(name + ' above or below the screen'); return; }
    for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.1, 0.5, 0.9]) {
      const hit = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
      if (hit && (e.contains(hit) || hit.contains(e) || (e.labels && [...e.labels].includes(hit)))) return;
    }
    window.__hidden.push(name + ' hidden under ' + document.elementFromPoint((left + right) / 2, (top + bottom) / 2)?.className);
  });
}"""
LONG_PAGES = ["en/funding/", "statistics/", "zh-Hans/open-data/", "en/cases/"]


PRESSES = 10  # between two looks at whether the walk has gone round
MOST_STOPS = 400  # more than any page has: a walk that never comes round fails


def hidden_round_the_page(page, key: str) -> list[str]:
    """The focused elements found hidden (HIDDEN_FOCUS) as `key` is pressed
    from where the focus is, round the page and on until the focus comes to
    an element again: every stop of the page, and the jump from its one end
    to the other, whatever the number of stops."""
    page.evaluate(HIDDEN_FOCUS)
    presses = 0
    while not page.evaluate("window.__round"):
        assert presses < MOST_STOPS, f"the focus did not come round the page in {presses} presses of {key}"
        for _ in range(PRESSES):
            page.keyboard.press(key)
        presses += PRESSES
    assert page.evaluate("window.__stops") == presses
    return page.evaluate("window.__hidden")


@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
def test_a_focused_element_is_never_hidden_under_the_sticky_header(server: str, page, width: int, key: str) -> None:
    """Tabbing back up a page scrolls each element to the top of the screen,
    where the sticky header stands."""
    page.set_viewport_size({"width": width, "height": 700})
    hidden = []
    for url in LONG_PAGES:
        page.goto(server + url)
        if key == "Shift+Tab":  # from the foot of the page
            page.locator("footer a").last.focus()
            assert page.evaluate("scrollY") > 0
        hidden += [f"{url}: {problem}" for problem in hidden_round_the_page(page, key)]
    assert hidden == []


def test_the_hidden_focus_check_reports_focus_under_the_header(server: str, page) -> None:
    """The positive control: with the sticky header stretched over the top
    60% of the screen, Shift+Tab leaves links under it, and the check says
    so; as built, the same walk finds none."""
    page.set_viewport_size({"width": 390, "height": 700})
    hidden = {}
    for header in ("60vh", ""):
        page.goto(server + "en/funding/")
        page.evaluate("height => document.querySelector('.md-header').style.height = height", header)
        page.locator("footer a").last.focus()
        hidden[header] = hidden_round_the_page(page, "Shift+Tab")
    assert len(hidden["60vh"]) >= 10
    assert all(problem.endswith(" hidden under md-header md-header--shadow") for problem in hidden["60vh"]), hidden["60vh"]
    assert hidden[""] == []


@pytest.mark.slow
@pytest.mark.parametrize("width", at_width(390, 1280))
def test_targets_are_24_px_or_spaced_apart(every_page_at, width: int) -> None:
    """page_checks.SMALL_TARGETS says which targets fail, and which are exempt."""
    visited = every_page_at(width)
    assert len(visited) > 70  # every page of the three languages
    found = {url or "/": checks["small targets"][:5] for url, checks in visited.items() if checks["small targets"]}
    assert found == {}


DRAGGING = re.compile(r"\bdrag(?:start|over|end)?\b|pointermove|mousemove|touchmove", re.IGNORECASE)


def test_nothing_needs_dragging(site: Path) -> None:
    """No element is draggable and no script of the site follows a pointer's
    movement, so every action is a tap or a key (2.5.7)."""
    scripts = sorted((ROOT / "overrides" / "assets").glob("*.js"))
    assert len(scripts) >= 5
    assert [s.name for s in scripts if DRAGGING.search(s.read_text(encoding="utf-8"))] == []
    draggable = [f for f in all_html_files(site) if 'draggable="true"' in f.read_text(encoding="utf-8")]
    assert draggable == []
