"""Nothing staff write can run a script or load from another site.

Hostile text goes through every field staff write: each must be rejected by
the check with its file, line and fix, or reach the built pages inert
(escaped for where it is written). Every page carries a
Content-Security-Policy, which a browser loading every page must never
report broken; and the built site holds no script or style written into a
page. A build stopped by Ctrl-C or SIGTERM leaves site/ as it was.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cleanprod import new
from cleanprod.checks import html_policy, text_checks, unfinished
from cleanprod.publish import search_index
from cleanprod.problems import describe
from cleanprod.checks.validate import validate
from conftest import ROOT, all_html_files, copy_project, edit, edit_front_matter, failed_check, parsed_page, read_html, run_build, run_command, wait_for_search_of
from page_checks import PolicyWatch, on_the_visit

# ---- The check: hostile HTML, links and text, each named with its line ------


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the sources, which each test below changes and puts back."""
    return copy_project(tmp_path_factory.mktemp("security"))


def _check_after(sources: Path, name: str, addition: str) -> str:
    """The check's report on docs/`name` with `addition` at its end (the file
    is put back afterwards), and the line the addition starts on."""
    path = sources / "docs" / name
    before = path.read_bytes()
    try:
        text = before.decode("utf-8")
        path.write_text(text + addition, encoding="utf-8")
        _, problems = validate(sources / "docs")
        return describe(problems) if problems else ""
    finally:
        path.write_bytes(before)


def _first_line(sources: Path, name: str) -> int:
    """The number of the line an addition to docs/`name` starts on."""
    return (sources / "docs" / name).read_text(encoding="utf-8").count("\n") + 1


RAW_HTML = [
    ('<details open ontoggle="alert(1)"><summary>More</summary></details>', "the <details> has an event handler (ontoggle=…), which would run a script. Fix: remove 'ontoggle=…'"),
    ("<p onmouseover=alert(1)>Text</p>", "the <p> has an event handler (onmouseover=…)"),
    ('<img src="&#104;ttps://evil.example/x.png" alt="Factory">', "the <img> would load 'https://evil.example/x.png' from another site. Fix: link to it instead"),
    ('<p style="background-image:url(https://evil.example/)">Text</p>', "the <p> has a style attribute. Fix: remove 'style=…'"),
    ("<style>@import url(https://evil.example/x.css);</style>", "the page has a <style> element. Fix: remove it"),
    ('<svg><image href="https://evil.example/x.png"/></svg>', "the page has a <svg> element, which pages may not use"),
    ('<input type="image" src="https://evil.example/i.png">', "the <input> would load 'https://evil.example/i.png' from another site"),
    ('<video controls><track src="//evil.example/t.vtt"></video>', "the <track> would load '//evil.example/t.vtt' from another site"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "the page has a <meta> element, which pages may not use"),
    ('<form action="https://evil.example/"></form>', "the <form> would load 'https://evil.example/' from another site"),
    ('<object data="x.swf"></object>', "the page has a <object> element, which pages may not use"),
    ('<base href="https://evil.example/">', "the page has a <base> element"),
    ("<SCRIPT>alert(1)</SCRIPT>", "the page has a script written into it. Fix: remove it"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "the <a> links to 'java\tscript:alert(1)', a javascript: address. Fix: link only to https:, http:, mailto: and tel: addresses"),
    ('<a href="data:text/html,x">x</a>', "the <a> links to 'data:text/html,x', a data: address"),
    ('<iframe src="https://evil.example/"></iframe>', "the <iframe> would load 'https://evil.example/' from another site"),
]


@pytest.mark.parametrize(("html", "message"), RAW_HTML, ids=[m[:40] for _, m in RAW_HTML])
def test_html_outside_the_policy_is_named_with_its_line(sources: Path, html: str, message: str) -> None:
    line = _first_line(sources, "about.en.md") + 1
    report = _check_after(sources, "about.en.md", f"\n{html}\n")
    assert f"docs/about.en.md, line {line}: {message}" in report


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4="])
def test_a_markdown_link_of_another_kind_than_the_web_mail_or_phone_is_named(sources: Path, link: str) -> None:
    line = _first_line(sources, "about.en.md") + 1
    report = _check_after(sources, "about.en.md", f"\nSee [the form]({link}).\n")
    assert f"docs/about.en.md, line {line}: the link '{link.split('(')[0]}" in report
    assert "address. Fix: link only to https:, http:, mailto: and tel: addresses" in report


def test_what_staff_need_passes_the_policy(sources: Path) -> None:
    allowed = (
        '\n<details><summary>More</summary>\n\nText.\n\n</details>\n\n<abbr title="Cleaner Production">CP</abbr> <kbd>Ctrl</kbd> x<sup>2</sup><br>\n\n'
        '<table><tr><th scope="col" colspan="2">A</th></tr><tr><td>1</td><td>2</td></tr></table>\n\n'
        '[mail](mailto:info@example.org) [call](tel:+85212345678) [web](https://example.org/) <a href="funding.md#measures">funding</a>\n\n'
        '<img src="assets/favicon.svg" alt="Logo" width="24" height="24">\n'
    )
    assert _check_after(sources, "about.en.md", allowed) == ""


@pytest.mark.parametrize(
    ("name", "old", "new", "where", "what"),
    [
        ("about.en.md", "# About", "# About \x00the programme", "line {line}, character 9", "a control character, U+0000"),
        ("about.en.md", "# About", "# About \u202eemmargorp", "line {line}, character 9", "U+202E (RIGHT-TO-LEFT OVERRIDE), which reverses the direction of what follows it"),
        ("data/sectors.csv", "Textiles", "Tex\x1btiles", "row 2, column 'name_en', character 17", "a control character, U+001B"),
        ("data/sectors.csv", "Textiles", "\u2067Textiles", "row 2, column 'name_en', character 14", "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
        ("_data/labels.yml", "Privacy policy", "Privacy\x07 policy", "line {line}, character 14", "a control character, U+0007"),
    ],
)
def test_invisible_characters_are_named_with_line_and_column(sources: Path, name: str, old: str, new: str, where: str, what: str) -> None:
    path = sources / "docs" / name
    before = path.read_bytes()
    try:
        text = before.decode("utf-8")
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        report = describe(validate(sources / "docs")[1])
    finally:
        path.write_bytes(before)
    assert f"docs/{name}, {where.format(line=line)}: the text holds {what}" in report
    assert "Fix: delete it" in report


def test_nesting_deeper_than_a_reader_can_follow_is_named_before_markdown_reads_it(sources: Path) -> None:
    line = _first_line(sources, "about.en.md") + 1
    deep = "".join("    " * level + "- item\n" for level in range(1000))
    report = _check_after(sources, "about.en.md", "\n" + deep)
    assert f"docs/about.en.md, line {line + text_checks.MAX_NESTING}: the text is nested 25 levels deep" in report
    stars = _check_after(sources, "about.en.md", "\n" + "*" * 3000 + "x" + "*" * 3000 + "\n")
    assert f"docs/about.en.md, line {line}: '*' is written 3000 times in a row" in stars
    assert _check_after(sources, "about.en.md", "\n" + "_" * 200 + "\n") == ""  # a rule across the page


def test_text_left_to_replace_is_named_however_its_line_is_spaced_or_ended() -> None:
    body = f"# Title\r\n\n  {unfinished.NEWS[1]} \r\n{unfinished.EVENT[0]}\nWrite the news here.\n"
    assert [(p.where, p.what) for p in unfinished.problems(Path("news/a.md"), body, 5)] == [
        ("line 7", f"{unfinished.WHAT}: '{unfinished.NEWS[1]}'"),
        ("line 8", f"{unfinished.WHAT}: '{unfinished.EVENT[0]}'"),
    ]


def test_text_left_for_staff_to_replace_is_named(sources: Path) -> None:
    line = _first_line(sources, "news/2015-06-15-new-phase-applications.en.md") + 1
    report = _check_after(sources, "news/2015-06-15-new-phase-applications.en.md", f"\n{unfinished.NEWS[1]}\n")
    assert f"docs/news/2015-06-15-new-phase-applications.en.md, line {line}: the page still holds the text written for you to replace: '(Write the news here.)'. Fix: write the page's text in its place" in report


def test_new_event_asks_for_what_readers_see_and_marks_the_text_to_replace(sources: Path) -> None:
    answers = {
        "slug": "energy-talk", "title_zh": "示例：節能講座", "title_en": "Example: energy talk", "type": "briefing",
        "start": "2030-08-01 10:00", "end": "2030-08-01 11:30", "venue": "online", "description_zh": "示例活動。",
        "description_en": "An example talk.", "registration_url": "https://example.org/register", "registration_deadline": "2030-07-25", "example": "yes",
    }
    docs = sources / "docs"
    written = [docs / "events" / "2030-08-01-energy-talk.md", docs / "events" / "2030-08-01-energy-talk.en.md"]
    try:
        assert new.create("event", answers, docs=docs) == 0
        english = written[1].read_text(encoding="utf-8")
        assert "description: An example talk.\n" in english and "example: true\n" in english
        assert "registration: {url: 'https://example.org/register', deadline: '2030-07-25'}" in english
        report = describe(validate(docs)[1])
        assert f"docs/events/2030-08-01-energy-talk.en.md, line {english.split(chr(10)).index(unfinished.EVENT[1]) + 1}: the page still holds the text written for you to replace" in report
    finally:
        for file in written:
            file.unlink(missing_ok=True)


def test_the_policy_enforced_on_the_article_keeps_only_what_it_allows(tmp_path: Path) -> None:
    """The build's second line: what Markdown made (attributes given with
    {…}, reference-style images) is compared and written again by nh3."""
    source = tmp_path / "page.md"
    source.write_text("# Title\n\n![x][r]\n\n[r]: https://evil.example/r.png\n\n## Part {onclick=\"alert(1)\"}\n", encoding="utf-8")
    article = '<h2 id="part" onclick="alert(1)">Part</h2><p><img alt="x" src="https://evil.example/r.png"><a href="javascript:alert(1)">x</a></p>'
    cleaned, problems = html_policy.enforce(article, source)
    assert [f"{p.where}: {p.what}" for p in problems] == [
        "line 7: the <h2> has an event handler (onclick=…), which would run a script",
        "line 5: the <img> would load 'https://evil.example/r.png' from another site",
        "the page: the <a> links to 'javascript:alert(1)', a javascript: address",
    ]
    assert "onclick" not in cleaned and "evil.example" not in cleaned and "javascript" not in cleaned
    assert '<h2 id="part">Part</h2>' in cleaned


# Each attribute by which an element the policy leaves out would load
# something, and each way of writing another site's address.
LOADING = [
    ('<object data="https://evil.example/x.swf"></object>', "the <object> would load 'https://evil.example/x.swf' from another site"),
    ('<button formaction="//evil.example/">Send</button>', "the <button> would load '//evil.example/' from another site"),
    ('<x-player poster="https://evil.example/p.png"></x-player>', "the <x-player> would load 'https://evil.example/p.png' from another site"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "the <link> would load 'https://evil.example/x.css' from another site"),
    ('<use href="https://evil.example/s.svg#i"/>', "the <use> would load 'https://evil.example/s.svg#i' from another site"),
    ('<image href=" //evil.example/i.png"/>', "the <image> would load ' //evil.example/i.png' from another site"),  # a browser drops the space
    ('<embed src="\\\\evil.example/e">', "the <embed> would load '\\\\evil.example/e' from another site"),  # \\ reads as //
    ('<embed src="/\\evil.example/e">', "the <embed> would load '/\\evil.example/e' from another site"),
    ('<area href="https://example.org/">', "the page has a <area> element, which pages may not use"),  # a link, which loads nothing
    ('<object data="files/x.pdf"></object>', "the page has a <object> element, which pages may not use"),
    ('<video controls poster="https://evil.example/p.png"></video>', "the <video> would load 'https://evil.example/p.png' from another site"),
]


@pytest.mark.parametrize(("html", "what"), LOADING, ids=[html[:30] for html, _ in LOADING])
def test_each_way_an_element_loads_from_another_site_is_named(html: str, what: str) -> None:
    assert [(b.line, b.what) for b in html_policy.breaches(html)] == [(1, what)]


def test_staff_may_mark_a_part_in_another_language_and_give_it_an_id_class_or_title() -> None:
    html = '<span lang="en" id="a" class="b" title="c">Cleaner Production</span>'
    assert html_policy.breaches(html) == []
    assert html_policy.enforce(html, Path("page.md")) == (html, [])


def test_an_element_outside_the_policy_is_told_which_elements_pages_may_use() -> None:
    [breach] = html_policy.breaches("<p>Text</p>\n<marquee>News</marquee>")
    assert (breach.line, breach.what, breach.written) == (2, "the page has a <marquee> element, which pages may not use", "<marquee")
    assert breach.fix.startswith("remove it, or write it with Markdown; the HTML elements pages may use are: a, abbr, audio, b, blockquote, br, caption, ")
    assert breach.fix.endswith(", u, ul, var, video, wbr") and "h1" not in breach.fix.split(": ")[1].split(", ")


def test_the_policy_enforced_on_the_article_keeps_what_it_allows_as_written(tmp_path: Path) -> None:
    """nh3 writes again only what the policy allows: the page's title, data
    attributes (which the site's scripts read as text), a link as written
    (no rel added) and comments stay; an element nh3 would allow by its
    own defaults but the policy does not goes, and is named."""
    source = tmp_path / "page.md"
    source.write_text("# Title\n\n<nav>Menu</nav>\n", encoding="utf-8")
    kept = '<h1 id="title">Title</h1><!-- note --><p data-count="3"><a href="https://example.org/" title="Site">site</a></p>'
    cleaned, problems = html_policy.enforce(kept + "<nav>Menu</nav>", source)
    assert cleaned == kept + "Menu"
    assert [(p.file, p.where, p.what, p.fix) for p in problems] == [
        (source, "line 3", "the page has a <nav> element, which pages may not use", html_policy.breaches("<nav>")[0].fix),
    ]


# ---- The build: hostile values in every field reach the pages inert ---------

TITLE = "</title><script>alert('title')</script>\"'<b>"
DESCRIPTION = "\"><img src=x onerror=alert('description')>"
LABEL = "<script>alert('label')</script>Privacy \"policy\""
CELL = "Textiles \"><svg onload=alert('cell')>"
EVENT_TITLE = "Example: <img src=x onerror=alert('event')>"
CASE_TITLE = "Example: </h1><script>alert('case')</script>"
NEWS_SUMMARY = "Example: \" onfocus=\"alert('news')\" autofocus \""
SEARCH_WORD = "</script><script>alert('search')</script>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site with hostile text in every field, built."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    docs = project / "docs"
    edit_front_matter(docs / "about.en.md", title=TITLE, description=DESCRIPTION)
    edit(docs / "_data" / "labels.yml", "en: Privacy policy", f"en: {json.dumps(LABEL)}")
    edit(docs / "data" / "sectors.csv", "Textiles", f'"{CELL.replace(chr(34), chr(34) * 2)}"')
    edit_front_matter(docs / "events" / "2025-03-25-online-seminar.en.md", title=EVENT_TITLE, description=DESCRIPTION)
    edit(docs / "events" / "2025-03-25-online-seminar.en.md", "# Online seminar on the programme's 2025–27 phase", "# Example: seminar &lt;/title&gt;&lt;script&gt;alert('heading')&lt;/script&gt;")
    edit_front_matter(docs / "cases" / "2011-metal-motors.en.md", title=CASE_TITLE)
    edit_front_matter(docs / "news" / "2015-06-15-new-phase-applications.en.md", summary=NEWS_SUMMARY)
    edit(docs / "_data" / "search-words.yml", "  carbon: co₂", f"  carbon: co₂\n  {json.dumps(SEARCH_WORD)}: funding")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _scripts_run(soup: BeautifulSoup) -> list[str]:
    """The script elements a browser would run that are not files of the site."""
    return [str(s)[:80] for s in soup.find_all("script") if not (s.get("type") == "application/json" or (s.get("src") and not s.string))]


def _handlers(soup: BeautifulSoup) -> list[str]:
    return [f"<{tag.name} {name}>" for tag in soup.find_all(True) for name in tag.attrs if name.lower().startswith("on")]


def test_hostile_values_reach_every_page_inert(hostile_site: Path) -> None:
    pages = all_html_files(hostile_site)
    assert len(pages) > 70
    for file in pages:
        soup = parsed_page(file)
        assert _scripts_run(soup) == [], file
        assert _handlers(soup) == [], file
        assert not soup.find_all(["svg", "img"], src=re.compile("^x$")), file
    # Each value is shown as the text it is, wherever it is written.
    about = read_html(hostile_site, "en/about/")
    assert about.title.string == f"{TITLE} – Cleaner Production Partnership Programme"
    assert about.find("meta", attrs={"property": "og:title"})["content"] == TITLE
    assert about.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    assert TITLE in [a.get_text(strip=True) for a in read_html(hostile_site, "en/").select(".md-nav a")]
    assert LABEL in read_html(hostile_site, "en/funding/").get_text()
    assert "Textiles \"><svg onload=alert('cell')>" in read_html(hostile_site, "en/about/").get_text()
    event = read_html(hostile_site, "en/events/2025-03-25-online-seminar/")
    assert event.title.string.startswith(EVENT_TITLE)
    assert event.h1.get_text().startswith("Example: seminar </title><script>alert('heading')</script>")
    assert read_html(hostile_site, "en/cases/2011-metal-motors/").title.string.startswith(CASE_TITLE)
    assert NEWS_SUMMARY in read_html(hostile_site, "en/news/").get_text()


def test_hostile_search_words_stay_data(hostile_site: Path) -> None:
    """The search words reach the search page's script as JSON data, which it reads as text."""
    words = json.loads((hostile_site / "en" / search_index.QUERY_FILE).read_text(encoding="utf-8"))["words"]
    assert words[SEARCH_WORD] == "funding"
    assert not [file for file in all_html_files(hostile_site) if "alert('search')" in file.read_text(encoding="utf-8")]


def test_a_glossary_replacement_holding_html_is_not_published(tmp_path: Path) -> None:
    """The glossary changes the Simplified Chinese pages' text: markup in a
    replacement is named on its line by the check, which the build runs
    first. (Found later, the pages' HTML policy would name the pages it
    reached, not the glossary.)"""
    project = copy_project(tmp_path)
    glossary = project / "docs" / "_data" / "glossary.yml"
    line = glossary.read_text(encoding="utf-8").splitlines().index("私隐: 隐私") + 1
    edit(glossary, "私隐: 隐私", "私隐: '隐私<script>alert(1)</script>'")
    output = failed_check(project, 1).stderr
    assert (f"docs/_data/glossary.yml, line {line}: the replacement '隐私<script>alert(1)</script>' holds '<' or '>', "
            "which would put markup into the Simplified Chinese pages. Fix: write the replacement as plain words.") in output
    assert "Traceback" not in output


# What a renderer may write into an attribute without escaping it: numbers,
# dates, its own constants and ids, and links escaped where they are made.
# Every other value, a code from a data file or the rules too, is escaped,
# so that a page stays safe even if a schema let a quote through.
RENDERED_UNESCAPED = {
    "cases.py": {'CHART_RESULT.replace("_", "-")', "case.results[f]", "case.year"},
    "catalogue.py": {"csv_link", "package", "schema_link", "updated.isoformat()"},
    "chart.py": {
        "BAR", "COLOURS[si % len(COLOURS)]", "GROUP_GAP", "KEY", "KEY + 8", "LINE + len(series) * (BAR + BAR_GAP) + GROUP_GAP", "TOP",
        "chart_id", "length + 6:.1f", "length:.1f", "longest", "y + (LINE - KEY) / 2:.1f", "y + BAR * 0.8:.1f", "y + LINE * 0.7:.1f", "y:.1f",
    },
    "data.py": {"link"},
    "events.py": {"(closes or event.end).isoformat()", "event.end.isoformat()", "event.start.year", "moment", "total", "year"},
    "forms.py": {"control_id", "name"},
    "funding.py": {"css_class", "name", "span"},
    "markup.py": {"ANSWER_WEIGHT", "PASSING_WEIGHT"},
    "news.py": {"FEED_FILE", "item.date.isoformat()"},
    "partners.py": {"other.code", 'row["year"]', "shown_lang", "total"},
    "table.py": {"value.isoformat()"},
}
# A value put into an attribute of an f-string (whose name may be made too,
# as data-{field}), unless it is escape()d.
_IN_AN_ATTRIBUTE = re.compile(r'[\w}-]="[^"<>]*?\{(?!escape\()([^{}]*)\}')


def test_renderers_escape_every_value_they_write_into_an_attribute() -> None:
    renderers = sorted((ROOT / "scripts" / "cleanprod" / "render").glob("*.py"))
    assert len(renderers) >= 14
    found = {path.name: set(_IN_AN_ATTRIBUTE.findall(path.read_text(encoding="utf-8"))) for path in renderers}
    assert {name: values for name, values in found.items() if values} == RENDERED_UNESCAPED


# ---- The built site: the policy on every page, nothing written in -----------


def test_every_page_has_the_policy_before_anything_it_governs(site: Path) -> None:
    for file in all_html_files(site):
        head = parsed_page(file).head
        tags = [tag for tag in head.find_all(["meta", "script", "link", "style"])]
        policies = [n for n, tag in enumerate(tags) if tag.get("http-equiv") == "Content-Security-Policy"]
        assert policies == [1], file  # one, right after <meta charset>
        assert tags[1]["content"] == html_policy.CONTENT_SECURITY_POLICY


def test_no_script_or_style_is_written_into_a_page(site: Path) -> None:
    """Every inline script and style on the site, each of which the policy
    (script-src and style-src 'self', no 'unsafe-inline') would block: none
    but JSON data, which a browser does not run."""
    found = []
    for file in all_html_files(site):
        soup = parsed_page(file)
        found += [f"{file}: {s}" for s in _scripts_run(soup)]
        found += [f"{file}: <style>" for _ in soup.find_all("style")]
        found += [f"{file}: {tag.name} style=" for tag in soup.find_all(style=True)]
        found += [f"{file}: {h}" for h in _handlers(soup)]
        found += [f"{file}: {a['href']}" for a in soup.find_all("a", href=re.compile(r"^\s*javascript:", re.I))]
    assert found == []


@pytest.mark.browser
@on_the_visit(1280)
def test_every_page_loads_under_the_policy_with_no_violation_and_nothing_from_elsewhere(site: Path, every_page_at) -> None:
    """Each page as it loads, before any test puts a script into it
    (page_checks.PolicyWatch)."""
    visited = every_page_at(1280)
    assert sorted(visited) == sorted(file.relative_to(site).as_posix().removesuffix("index.html") for file in all_html_files(site))
    assert {url: checks["policy"] for url, checks in visited.items() if checks["policy"]} == {}


@pytest.mark.browser
def test_the_policy_watch_reports_what_the_policy_blocks(server: str, browser) -> None:
    """The positive control of the test above: a script written into a page
    and an image from another site are reported."""
    context = browser.new_context()
    tab = context.new_page()
    watch = PolicyWatch(tab, server)
    tab.goto(server + "en/funding/")
    assert watch.take(tab) == []
    tab.evaluate("""() => {
      const script = document.createElement('script');
      script.textContent = 'window.ran = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.src = 'https://example.org/pixel.png';
      document.body.append(image);
    }""")
    tab.wait_for_function("window.__violations.length === 2")
    reported = watch.take(tab)
    context.close()
    # as the console reports it, as the tab saw the request, and as the page's event
    assert [line.split(" violates ")[0] for line in reported if "Content Security Policy" in line] == ["Executing inline script", "Loading the image 'https://example.org/pixel.png'"]
    assert [line for line in reported if "Content Security Policy" not in line] == ["requested https://example.org/pixel.png", "script-src-elem inline", "img-src https://example.org/pixel.png"]


@pytest.mark.browser
def test_search_and_the_forms_work_under_the_policy(server: str, page) -> None:
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(server + "en/search/?q=eligibility")
    wait_for_search_of(page, "eligibility")  # Pagefind's WebAssembly ran, and every result loaded
    assert "/en/eligibility/" in page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.getAttribute('href'))")
    page.goto(server + "en/eligibility/")
    page.wait_for_selector("form[data-checker]:not([hidden])")  # the checker's script ran
    page.goto(server + "en/partners/")
    page.wait_for_selector("[data-directory-filters]:not([hidden])")  # the directory's script ran
    assert violations == []


# ---- A stopped build --------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stopped_build_leaves_site_as_it_was_and_nothing_behind(project: Path, signum: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(project / "scripts"), NO_MKDOCS_2_WARNING="1")
    build = subprocess.Popen([sys.executable, "-m", "cleanprod", "build"], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until the languages are being built into the staging folder.
    while build.poll() is None and not any(project.glob(".site-new-*/assets")):
        time.sleep(0.05)
    build.send_signal(signum)
    _, stderr = build.communicate(timeout=120)
    assert build.returncode == 128 + signum
    assert "was left as it was, and the unfinished build was removed." in stderr
    assert "Traceback" not in stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not list(project.glob(".site-*"))
    assert run_command(project, "check").returncode == 0  # the sources are untouched


def test_the_readme_gives_hosts_the_policy_the_pages_carry() -> None:
    """The headers the README gives for nginx and Apache hold the pages' policy,
    word for word, and so does ARCHITECTURE.md where it shows the pages' policy."""
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    architecture = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert readme.count(html_policy.CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'") == 2
    assert f"\n  {html_policy.CONTENT_SECURITY_POLICY}\n" in architecture
