"""Search lands where the answer is: Chinese results link to the matching
section and show the matching passage, as English ones do; the results line
names the words searched; near-synonyms find the site's word; a sector's
name finds the pages on eligibility first; and the site map, which the
search page points to, lists every page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import LANG_PREFIXES, all_html_files, read_html


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_site_map_lists_every_page_with_records_under_their_listings(site: Path, lang: str) -> None:
    prefix = LANG_PREFIXES[lang]
    others = tuple(p for p in LANG_PREFIXES.values() if p and p != prefix)
    pages = {
        "/" + f.relative_to(site).as_posix().removesuffix("index.html")
        for f in all_html_files(site)
        if f.relative_to(site).as_posix().startswith(prefix) and not f.relative_to(site).as_posix().startswith(others) and f.name != "404.html"
    }
    assert len(pages) == 25
    here = f"/{prefix}sitemap/"
    html = read_html(site, f"{prefix}sitemap/")
    linked = {urljoin(here, a["href"]) for a in html.select("article ul.site-map a")}
    assert sorted(pages - linked) == []
    for folder in ("events", "news", "cases"):
        listing = html.select_one(f'article ul.site-map > li > a[href="../{folder}/"]').parent
        records = [urljoin(here, a["href"]) for a in listing.select(":scope > ul a")]
        assert records and all(r.startswith(f"/{prefix}{folder}/") and r != f"/{prefix}{folder}/" for r in records)
