"""Every internal link and anchor resolves in every language; links to other
sites are listed, not fetched."""

from __future__ import annotations

from pathlib import Path

from cleanprod.checks import links


def test_no_broken_internal_links(site: Path) -> None:
    report = links.check(site)
    assert report.broken == {}


def test_external_links_are_listed_with_their_pages(site: Path) -> None:
    report = links.check(site)
    source = "https://www.legco.gov.hk/yr07-08/chinese/panels/ea/papers/ea1217cb1-418-6-c.pdf"
    assert sorted(report.external[source]) == ["about/index.html", "en/about/index.html", "zh-Hans/about/index.html"]
    assert any(line.startswith(f"EXTERNAL  {source}") for line in report.lines())


def test_checker_finds_missing_pages_and_anchors(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en" / "about").mkdir(parents=True)
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://example.org/">'
        '<a href="en/about/#why">ok</a> <a href="en/about/#nowhere">no anchor</a>'
        '<a href="funding/">no page</a> <a href="https://example.org/en/about/">own site</a>'
        '<a href="mailto:event@cleanerproduction.hk">mail</a>',
        encoding="utf-8",
    )
    (site / "en" / "about" / "index.html").write_text('<h2 id="why">Why</h2><a href="../../">home</a>', encoding="utf-8")
    report = links.check(site)
    assert report.broken == {
        "index.html": ["'en/about/#nowhere': the page has no anchor '#nowhere'", "'funding/' leads to no page or file"]
    }
    assert list(report.external) == ["mailto:event@cleanerproduction.hk"]
