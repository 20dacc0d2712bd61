"""Each language as its readers write it: the Simplified pages in Mainland
words and quotation marks, amounts in Chinese in 港元, English without a word
broken inside, and a page not yet translated saying so in the reader's
language."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from cleanprod.checks import mainland_usage
from cleanprod.content.chinese import characters_to_simplified, markdown_to_simplified, to_simplified
from conftest import LANG_PREFIXES, all_html_files, copy_project, parsed_page, read_html, run_build, run_command

# Hong Kong words a Mainland reader pointed out on the Simplified pages, each
# with a page that had it and the Mainland word it must now show there.
MAINLAND_WORDS = [
    ("eligibility/", "计算机", "资格核查和资助计算器"),
    ("about/", "甚么", "什么是清洁生产"),
    ("about/", "透过", "通过伙伴计划"),
    ("about/", "利便", "鼓励及便利"),
    ("about/", "档号", "文件编号 CB1/PL/EA"),
    ("", "现时", "目前的计划：第五阶段，至 2027 年"),
    ("eligibility/", "不肯定", "不确定"),
    ("cases/2011-dyeing-heat-recovery/", "公吨", "260 吨"),
    ("cases/2011-dyeing-heat-recovery/", "回本期", "投资回收期"),
    ("open-data/", "栏位", "每个字段的名称"),
    ("events/", "行事历", "订阅所有活动（.ics 日历）"),
    ("statistics/", "厂户", "约有 4,100 名厂家及员工参加"),
]


def _simplified_text(site: Path, path: str) -> str:
    return mainland_usage.reader_text((site / "zh-Hans" / path / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path,hong_kong,mainland", MAINLAND_WORDS)
def test_simplified_pages_use_mainland_words(site: Path, path: str, hong_kong: str, mainland: str) -> None:
    text = _simplified_text(site, path)
    assert hong_kong not in text
    assert mainland in text


def test_no_simplified_page_shows_a_listed_hong_kong_word(site: Path) -> None:
    terms, problems = mainland_usage.read_terms()
    assert not problems and {"甚么", "透过", "公吨", "「"} <= set(terms)
    assert mainland_usage.problems(site) == []


def test_simplified_pages_use_mainland_quotation_marks(site: Path) -> None:
    for page in sorted((site / "zh-Hans").rglob("index.html")):
        if "pagefind" not in page.parts:
            text = mainland_usage.reader_text(page.read_text(encoding="utf-8"))
            assert not set("「」『』") & set(text), page
    assert "“粤港清洁生产伙伴”标志计划" in _simplified_text(site, "about/")


def _page_text(page: Path) -> str:
    """A built page's text, with the labels its scripts show (JSON)."""
    soup = parsed_page(page)
    return soup.get_text(" ") + " ".join(script.get_text() for script in soup.select('script[type="application/json"]'))


AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*[万萬]?\s*(港?)元")


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_every_amount_in_chinese_is_in_hong_kong_dollars(site: Path, lang: str) -> None:
    folder = site / LANG_PREFIXES[lang]
    pages = [page for page in all_html_files(folder) if lang == "zh-Hans" or not {"en", "zh-Hans"} & set(page.relative_to(site).parts)]
    amounts = 0
    for page in pages:
        for match in AMOUNT.finditer(_page_text(page)):
            amounts += 1
            assert match[1] == "港", f"{page}: '{match[0]}' does not say 港元"
    assert amounts > 50


@pytest.mark.parametrize("lang,path,expected", [
    ("zh-Hant", "funding/", "每宗申請 15,000 港元"),
    ("zh-Hant", "about/", "逾 9,300 萬港元資助"),
    ("zh-Hant", "cases/2011-dyeing-heat-recovery/", "380,000 港元"),
    ("zh-Hans", "funding/", "每项申请 15,000 港元"),
    ("zh-Hans", "news/2015-06-15-new-phase-applications/", "额外拨款 1.5 亿港元"),
    ("zh-Hans", "eligibility/", "{amount} 港元"),  # the calculator's answers
])
def test_amounts_name_the_currency(site: Path, lang: str, path: str, expected: str) -> None:
    assert expected in _page_text(site / LANG_PREFIXES[lang] / path / "index.html")


def test_conversion_leaves_link_targets_and_code_alone() -> None:
    source = "見[資助計算機](eligibility.md#計算機)和「[甚麼](../about.md#cleaner-production)」，`透過「」` <a href=\"計算機.md\">透過</a>\n```\n甚麼「」\n```\n"
    assert markdown_to_simplified(source) == (
        # The fragment follows the heading, which is converted (and read through the glossary) the same way.
        "见[资助计算器](eligibility.md#计算器)和“[什么](../about.md#cleaner-production)”，`透過「」` <a href=\"計算機.md\">通过</a>\n```\n甚麼「」\n```\n"
    )
    assert to_simplified("「計算機」") == "“计算器”"


@pytest.mark.parametrize("path", ["", "about/", "funding/", "eligibility/", "news/2015-06-15-new-phase-applications/", "cases/"])
def test_simplified_pages_link_where_the_traditional_ones_do(site: Path, path: str) -> None:
    """Conversion changes no link: the same targets, fragments included, in the
    same order. A page's link leads to the same page in the reader's language;
    a file that has one address for every language (a data file under
    /data/) is reached at that address, one folder further up from the
    Simplified page."""
    def links(url_path: str) -> list[str]:
        return [a["href"] for a in read_html(site, url_path).select("article a[href]") if not a["href"].startswith("#")]

    def in_simplified(target: str) -> str:
        """Where a link of the Traditional page must lead from the Simplified one."""
        parts = urlsplit(target)
        if parts.scheme or not (site / "zh-Hans" / parts.path.lstrip("/")).exists():
            return target
        return "/zh-Hans" + target

    traditional, simplified = links(path), links("zh-Hans/" + path)
    assert [in_simplified(urljoin("/" + path, href)) for href in traditional] == [urljoin("/zh-Hans/" + path, href) for href in simplified]
    assert [href for href in traditional if "/data/" not in href] == [href for href in simplified if "/data/" not in href]
    assert path != "about/" or "../statistics/#partners" in simplified


def test_hong_kong_word_fails_the_built_site_check_with_its_page_and_fix(site: Path, project: Path, tmp_path: Path) -> None:
    built = tmp_path / "built"
    shutil.copytree(site, built)
    page = built / "zh-Hans" / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    seeded = '<p>本网站的伺服器在香港。</p><p><code>伺服器</code></p><p lang="zh-Hant">伺服器</p>'
    page.write_text(html.replace("</article>", seeded + "</article>", 1), encoding="utf-8")
    result = run_command(project, "links", "--site-dir", str(built))
    assert result.returncode == 1
    # Once, for the text: not for the code, nor for the part in Traditional Chinese.
    assert "Hong Kong words on Simplified Chinese pages: 1 problem found." in result.stderr
    assert (
        "the Simplified Chinese page /zh-Hans/about/ shows '伺服器', which is Hong Kong usage. "
        "Fix: add a line '伺服器: <the Mainland word>' to docs/_data/glossary.yml, which the Simplified pages are converted through."
    ) in result.stderr

    # On a hand-written Simplified page the fix is in that page.
    (project / "docs" / "about.zh-Hans.md").write_text("# 关于计划\n", encoding="utf-8")
    [problem] = mainland_usage.problems(built, project / "docs")
    assert problem.file == project / "docs" / "about.zh-Hans.md"
    assert problem.fix == "write the Mainland word instead of '伺服器' in this hand-written Simplified page"


def test_hong_kong_terms_file_mistake_is_named(tmp_path: Path) -> None:
    terms = tmp_path / "hong-kong-terms.yml"
    terms.write_text("- 甚么\n- \n", encoding="utf-8")
    [problem] = mainland_usage.read_terms(terms)[1]
    assert str(problem).endswith("line 2: 'None' is not a word. Fix: write the word as the Simplified page shows it, after '- ', such as '- 透过'.")


def _bundle_records(site: Path, lang: str) -> list[dict]:
    """The search results' records in a language's bundle, as Pagefind stores them."""
    records = []
    for fragment in sorted((site / LANG_PREFIXES[lang] / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        records.append(json.loads(data[data.index(b"{"):]))
    return records


def test_simplified_search_excerpts_are_simplified(site: Path) -> None:
    """A news item's excerpt is its summary, which was left in Traditional characters."""
    records = _bundle_records(site, "zh-Hans")
    news = [r for r in records if r["url"].startswith("/news/20")]
    assert len(news) == 2
    assert "政府额外拨款 1.5 亿港元" in next(r for r in news if r["url"] == "/news/2015-06-15-new-phase-applications/")["meta"]["excerpt"]
    for record in records:
        shown = record["meta"]["title"] + record["meta"]["excerpt"]
        traditional = {c for c in shown if characters_to_simplified(c) != c}
        assert not traditional, (record["url"], shown)


# A build without privacy.en.md, a page not yet translated into English, and
# with a hand-written Simplified page for the notices.
HAND_WRITTEN = "# 重要告示\n\n手写的页面照原样发布：「透过」不改。\n"


@pytest.fixture(scope="module")
def untranslated_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("untranslated"))
    (project / "docs" / "privacy.en.md").unlink()
    (project / "docs" / "notices.zh-Hans.md").write_text(HAND_WRITTEN, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def untranslated_site(untranslated_project: Path) -> Path:
    return untranslated_project / "site"


def test_hand_written_simplified_page_wins_and_is_named_in_the_check(untranslated_project: Path) -> None:
    site = untranslated_project / "site"
    article = read_html(site, "zh-Hans/notices/").select_one("article").get_text()
    assert "手写的页面照原样发布：「透过」不改。" in article  # neither the glossary nor the quotation marks touch it
    found = {(p.file.name, p.what.split("shows ")[1].split(",")[0]) for p in mainland_usage.problems(site, untranslated_project / "docs")}
    assert found == {("notices.zh-Hans.md", "'透过'"), ("notices.zh-Hans.md", "'「'"), ("notices.zh-Hans.md", "'」'")}


def test_untranslated_page_says_so_in_english(untranslated_site: Path) -> None:
    html = read_html(untranslated_site, "en/privacy/")
    assert html.html["lang"] == "en"
    article = html.select_one("article")
    note = article.select_one("p.untranslated")
    assert note.get_text() == "This page is not yet available in English. It is shown below in Chinese."
    assert note.find_parent(attrs={"lang": True})["lang"] == "en"  # in the page's own language
    chinese = article.select_one('div[lang="zh-Hant"]')
    assert chinese.find("h1").get_text(strip=True).startswith("私隱政策")
    assert note.find_next_sibling() is chinese
    # A translated page has neither.
    about = read_html(untranslated_site, "en/about/").select_one("article")
    assert about.select_one(".untranslated") is None and about.select_one("[lang]") is None


def test_untranslated_page_is_not_announced_as_english(untranslated_site: Path) -> None:
    for path in ("privacy/", "en/privacy/", "zh-Hans/privacy/"):
        alternates = {link["hreflang"]: link["href"] for link in read_html(untranslated_site, path).select('head link[rel="alternate"][hreflang]')}
        assert set(alternates) == {"zh-Hant", "zh-Hans", "x-default"}, path
    sitemap = (untranslated_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/en/privacy/" not in sitemap
    assert "<loc>https://cleaner-production.example.org/privacy/</loc>" in sitemap
    assert 'hreflang="en" href="https://cleaner-production.example.org/en/about/"' in sitemap
    # The English search does not offer the Chinese page as English.
    assert all(r["url"] != "/privacy/" for r in _bundle_records(untranslated_site, "en"))


def test_english_sentences_read_plainly(site: Path) -> None:
    conditions = read_html(site, "en/funding/").select_one(".funding-conditions").get_text(" ", strip=True)
    assert conditions.startswith("The applicant is a business registered in Hong Kong under the Business Registration Ordinance (Cap. 310) The business is connected with a factory in Guangdong in one of these ways: the factory is owned and run by")
    assert "Who may apply in Phase 5 (2025 to 2027):" in read_html(site, "en/funding/").select_one("article").get_text()
    for page in all_html_files(site / "en"):
        text = parsed_page(page).get_text(" ")
        assert "one of the Hong Kong-owned factories" not in text, page
    about = read_html(site, "en/about/").select_one("article").get_text()
    assert "facilitate" not in about and "To encourage them and make this easier, the Government launched" in about


BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("article table th, article table td")) {
    let shown = true;  // a visually hidden header row (the stacked tables on phones) is left out
    for (let e = cell; e; e = e.parentElement) {
      const box = e.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2) shown = false;
    }
    if (!shown) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[A-Za-z]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [1366, 390, 320])
@pytest.mark.parametrize("path", ["en/funding/", "en/eligibility/", "en/open-data/"])
def test_no_word_in_a_table_is_broken_inside(page, server: str, path: str, width: int) -> None:
    """At 1366 px the funding tables' first column broke 'Demonstrat/ion' and
    'assessmen/t': every word of every table shown is on one line. Both pages
    lead with the current phase's measure; the funding page also shows the
    first phase's measures."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + path)
    if path != "en/open-data/":
        names = page.evaluate("() => [...document.querySelectorAll('article table th')].map(c => c.textContent).join(' ')")
        assert "Project adopting a new cleaner production technology" in names
        assert path != "en/funding/" or ("Demonstration project" in names and "On-site improvement assessment" in names)
    assert page.evaluate(BROKEN_WORDS) == []
