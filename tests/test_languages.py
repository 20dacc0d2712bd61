"""The three languages: addresses, lang attributes, switcher, hreflang, conversion."""

from __future__ import annotations

import copy
import re
import struct
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from conftest import CONTENT_PAGES, LANG_PREFIXES, edit, failed_check, read_html, run_build

SITE_URL = "https://cleaner-production.example.org/"
PAGES = [(lang, path) for lang in LANG_PREFIXES for path in CONTENT_PAGES + ["search/"]]


@pytest.mark.parametrize("lang,path", PAGES)
def test_page_exists_with_its_language(site: Path, lang: str, path: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + path)
    assert html.html["lang"] == lang
    assert html.find("h1") is not None


@pytest.mark.parametrize("lang,path", PAGES)
def test_switcher_links_go_to_the_same_page_in_each_language(site: Path, lang: str, path: str) -> None:
    here = "/" + LANG_PREFIXES[lang] + path
    html = read_html(site, LANG_PREFIXES[lang] + path)
    links = {a["hreflang"]: a["href"] for a in html.select("a.md-select__link")}
    assert set(links) == set(LANG_PREFIXES)
    for target_lang, href in links.items():
        target = urlsplit(urljoin(here, href)).path
        assert target == "/" + LANG_PREFIXES[target_lang] + path
        assert read_html(site, target.lstrip("/")).html["lang"] == target_lang


@pytest.mark.parametrize("lang,path", PAGES)
def test_hreflang_alternates_are_absolute_with_x_default(site: Path, lang: str, path: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + path)
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "zh-Hant": SITE_URL + path,
        "en": SITE_URL + "en/" + path,
        "zh-Hans": SITE_URL + "zh-Hans/" + path,
        "x-default": SITE_URL + path,
    }


@pytest.mark.parametrize(
    "lang,site_name,nav_title,footer_link",
    [
        ("zh-Hant", "清潔生產伙伴計劃", "資助措施", "重要告示"),
        ("en", "Cleaner Production Partnership Programme", "Funding", "Important notices"),
        ("zh-Hans", "清洁生产伙伴计划", "资助措施", "重要告示"),
    ],
)
def test_site_name_nav_and_footer_are_in_the_page_language(
    site: Path, lang: str, site_name: str, nav_title: str, footer_link: str
) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "about/")
    assert html.title.string.endswith(site_name)
    nav = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary a.md-nav__link")]
    assert nav_title in nav
    footer = [a.get_text(strip=True) for a in html.select(".site-footer-links a")]
    assert footer[1] == footer_link and len(footer) == 5
    assert footer[0] == {"zh-Hant": "如何申請", "en": "How to apply", "zh-Hans": "如何申请"}[lang]


@pytest.mark.parametrize("lang,site_name,locale", [
    ("zh-Hant", "清潔生產伙伴計劃", "zh_HK"),
    ("en", "Cleaner Production Partnership Programme", "en_GB"),
    ("zh-Hans", "清洁生产伙伴计划", "zh_CN"),
])
@pytest.mark.parametrize("path", ["", "funding/", "events/2015-10-29-working-group-second-meeting/"])
def test_a_shared_link_previews_the_page_in_its_language(site: Path, lang: str, site_name: str, locale: str, path: str) -> None:
    """Chat apps and social sites show a shared page's Open Graph title and description."""
    html = read_html(site, LANG_PREFIXES[lang] + path)
    shared = {meta["property"]: meta["content"] for meta in html.select("meta[property^='og:']")}
    heading = copy.copy(html.h1)  # the page's tree is shared (read_html)
    for anchor in heading.select(".headerlink"):
        anchor.decompose()
    assert shared == {
        "og:type": "website",
        "og:site_name": site_name,
        "og:title": heading.get_text(strip=True),
        "og:description": html.select_one("meta[name=description]")["content"],
        "og:url": SITE_URL + LANG_PREFIXES[lang] + path,
        "og:locale": locale,
        "og:image": SITE_URL + "assets/share.png",
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": site_name,
    }
    image = (site / "assets" / "share.png").read_bytes()
    assert image[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", image[16:24]) == (1200, 630)  # as the page says, for the preview's layout


@pytest.mark.parametrize("lang,title", [("zh-Hant", "永久連結"), ("en", "Permanent link"), ("zh-Hans", "永久链接")])
def test_a_heading_s_permanent_link_is_named_in_the_page_s_language(site: Path, lang: str, title: str) -> None:
    """The ¶ link beside each heading shows its title as a tooltip: it was
    English on the Chinese pages (the toc extension's own words)."""
    links = read_html(site, LANG_PREFIXES[lang] + "about/").select("article .headerlink")
    assert len(links) == 9  # the title and eight headings
    assert {a["title"] for a in links} == {title}


def test_zh_hant_theme_strings_use_hong_kong_usage(site: Path) -> None:
    html = read_html(site, "about/")
    assert html.select_one("a.md-skip").get_text(strip=True) == "跳至內容"


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_zh_hans_pages_are_simplified(site: Path, path: str) -> None:
    text = read_html(site, "zh-Hans/" + path).select_one("article").get_text()
    traditional_only = set("資劃與證計畫產發隱為這書體網頁們說區東")
    assert not traditional_only & set(text), sorted(traditional_only & set(text))


def test_zh_hans_funding_page_converted_and_keeps_figures(site: Path) -> None:
    text = read_html(site, "zh-Hans/funding/").select_one("article").get_text()
    for expected in ["资助措施", "示范项目", "核证", "15,000 港元", "160,000 港元", "每个项目平均", "650,000 港元"]:
        assert expected in text


def test_zh_hans_glossary_applies(site: Path) -> None:
    html = read_html(site, "zh-Hans/privacy/")
    assert html.find("h1").get_text(strip=True).startswith("隐私政策")


def test_zh_hans_anchor_links_follow_converted_headings(site: Path) -> None:
    html = read_html(site, "zh-Hans/about/")
    ids = {tag["id"] for tag in html.select("[id]")}
    assert "sectors" in ids and "partners" in ids


@pytest.mark.parametrize("lang,title", [("zh-Hant", "找不到這一頁"), ("en", "Page not found"), ("zh-Hans", "找不到这一页")])
def test_each_language_has_its_own_404_page(site: Path, lang: str, title: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "404.html")
    assert html.html["lang"] == lang
    assert html.find("h1").get_text(strip=True) == title


def test_root_404_page_leads_readers_of_every_language_home(site: Path) -> None:
    """A host may serve /404.html for every missing address, /en/… too."""
    html = read_html(site, "404.html")
    elsewhere = {s["lang"]: (s.h2.get_text(), [a["href"] for a in s.select("a")]) for s in html.select("section.notfound-elsewhere")}
    assert elsewhere == {"en": ("Page not found", ["/en/", "/en/sitemap/"]), "zh-Hans": ("找不到这一页", ["/zh-Hans/", "/zh-Hans/sitemap/"])}
    assert not read_html(site, "en/404.html").select("section.notfound-elsewhere")


def test_sitemap_xml_lists_every_page_in_every_language_with_its_alternates(site: Path) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", namespaces)
    entries = {u.find("s:loc", namespaces).text: u for u in urls}
    for lang, prefix in LANG_PREFIXES.items():
        for path in CONTENT_PAGES + ["search/", "events/2025-03-25-online-seminar/"]:
            entry = entries[SITE_URL + prefix + path]
            alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", namespaces)}
            assert alternates == {
                **{code: SITE_URL + p + path for code, p in LANG_PREFIXES.items()},
                "x-default": SITE_URL + path,
            }
            # The day the page says it was last revised, as its source's last commit gives it.
            revised = read_html(site, prefix + path).select_one(".page-revised time")["datetime"]
            assert entry.find("s:lastmod", namespaces).text == revised
    assert len(urls) == len(entries) == len(list(site.glob("**/index.html")))  # every page, once


def test_robots_txt_points_to_the_sitemap(site: Path) -> None:
    assert (site / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {SITE_URL}sitemap.xml"


# A fourth language, French, added as languages.py's docstring says: its record,
# its entry in mkdocs.yml (Material has its theme strings), a labels.yml column
# and two pages; everything else falls back to the zh-Hant pages and texts.
FRENCH_RECORD = (
    '    Language(code="fr", name="French", label_column="fr", required=False, long_date="{day} {month_name} {year}",'
    ' month_names=tuple("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()),'
    ' day_with_weekday="{weekday} {date}", day_time_separator=",", joiner=", ", full_stop=".",'
    ' hreflang="fr", pagefind="fr", og_locale="fr_FR"),\n'
)
FRENCH_CONFIG = "        - locale: fr\n          name: Français\n          build: true\n          site_name: Programme de partenariat pour une production plus propre\n"


def test_a_fourth_language_is_its_record_theme_strings_labels_and_pages(project: Path) -> None:
    languages_file = project / "scripts" / "cleanprod" / "languages.py"
    table_end = "\n)\n\n_BY_CODE"
    edit(languages_file, table_end, "\n" + FRENCH_RECORD.rstrip("\n") + table_end)
    edit(project / "mkdocs.yml", "          name: 简体中文\n          build: true\n", "          name: 简体中文\n          build: true\n" + FRENCH_CONFIG)
    labels = project / "docs" / "_data" / "labels.yml"
    labels.write_text(re.sub(r"^  en: (.*)$", r"  en: \1\n  fr: \1", labels.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    edit(labels, "  fr: Important notices", "  fr: Avis importants")
    docs = project / "docs"
    (docs / "index.fr.md").write_text("# Programme de partenariat pour une production plus propre\n\nLe programme aide les usines à produire plus proprement. Lire [le programme](about.md).\n", encoding="utf-8")
    (docs / "about.fr.md").write_text("# Le programme\n\nLe programme a commencé en 2008.\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    home = read_html(project / "site", "fr/")
    assert home.html["lang"] == "fr"
    assert home.select_one('link[rel="alternate"][hreflang="fr"]')["href"] == SITE_URL + "fr/"
    assert home.select_one("meta[property='og:locale']")["content"] == "fr_FR"
    assert "Avis importants" in [a.get_text(strip=True) for a in home.select(".site-footer-links a")]
    fallback = read_html(project / "site", "fr/funding/")  # not written in French: the zh-Hant page, marked as such
    assert fallback.html["lang"] == "fr" and fallback.select_one("div[lang='zh-Hant'] h1") is not None


def test_languages_of_mkdocs_yml_must_be_the_sites(project: Path) -> None:
    edit(project / "mkdocs.yml", "        - locale: zh-Hans\n", "        - locale: zh-CN\n")
    edit(project / "mkdocs.yml", "          default: true\n", "")
    result = failed_check(project, 3)
    assert "mkdocs.yml, line" in result.stderr
    assert "the i18n plugin does not list the language 'zh-Hans', which scripts/cleanprod/languages.py has" in result.stderr
    assert "the i18n plugin lists the language 'zh-CN', which scripts/cleanprod/languages.py does not have. Fix: add its record to scripts/cleanprod/languages.py" in result.stderr
    assert "the i18n plugin's default language is not given, but the site's default is 'zh-Hant'" in result.stderr
