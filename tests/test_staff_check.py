"""`make check`: what a staff member runs before committing. It reports every
problem in pages and data, pages without a translation, and translations older
than their zh-Hant page, in words a member of staff can act on."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from conftest import edit, failed_check, run_command


def git(project: Path, *args: str, when: str = "2026-01-05T10:00:00+08:00") -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
    subprocess.run(
        ["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", *args],
        cwd=project, check=True, capture_output=True, env=env,
    )


@pytest.fixture
def repository(project: Path) -> Path:
    """The project copy as a git repository with everything committed."""
    git(project, "init", "-q")
    git(project, "add", "docs")
    git(project, "commit", "-q", "-m", "Pages")
    return project


def test_clean_content_passes(repository: Path) -> None:
    result = run_command(repository, "check")
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout
    assert "Translations to write or update" not in result.stdout


def test_changed_zh_hant_page_makes_its_english_page_stale(repository: Path) -> None:
    edit(repository / "docs" / "funding.md", "# ", "# 新")
    result = run_command(repository, "check")
    assert result.returncode == 0  # a stale translation is reported, not a failure
    assert "docs/funding.en.md: the English page is older than docs/funding.md" in result.stdout
    assert "Bring the English page up to date and commit both" in result.stdout


def test_stale_translation_found_from_git_history(repository: Path) -> None:
    edit(repository / "docs" / "about.md", "# ", "# 新")
    git(repository, "commit", "-q", "-am", "zh-Hant only", when="2026-02-01T09:30:00+08:00")
    result = run_command(repository, "check")
    assert "docs/about.en.md: the English page is older than docs/about.md (changed 2026-02-01 09:30; English last changed 2026-01-05 10:00)" in result.stdout
    edit(repository / "docs" / "about.en.md", "# ", "# New ")
    git(repository, "commit", "-q", "-am", "English too", when="2026-02-03T16:00:00+08:00")
    assert "about.en.md" not in run_command(repository, "check").stdout


def test_missing_translation_is_named_with_the_file_to_write(repository: Path) -> None:
    (repository / "docs" / "privacy.en.md").unlink()
    (repository / "docs" / "guide.en.md").write_text("# Guide\n", encoding="utf-8")
    result = run_command(repository, "check")
    assert "docs/privacy.md: there is no English page; readers of the English site see the Traditional Chinese (zh-Hant) page, with a line saying it is not yet translated. Write docs/privacy.en.md" in result.stdout
    missing = "there is no Traditional Chinese (zh-Hant) page; neither Chinese site has this page, and the menu (which names each page by its Traditional Chinese file) cannot lead to it"
    assert f"docs/guide.en.md: {missing}. Write docs/guide.md" in result.stdout
    # The menu check says the same, and does not ask for a menu line instead.
    assert f"docs/guide.en.md, the whole file: {missing}. Fix: write docs/guide.md." in result.stderr
    assert "under nav" not in result.stderr


def test_mistakes_fail_the_check_with_file_place_and_fix(repository: Path) -> None:
    edit(repository / "docs" / "about.en.md", "description: ", "description: [unclosed ")
    edit(repository / "docs" / "data" / "approvals.csv", "113", "11x")
    result = failed_check(repository, 2)
    assert "docs/about.en.md, line 2: the front matter" in result.stderr
    assert "docs/data/approvals.csv, row 2, column 'approved': found '11x', expected a whole number" in result.stderr


def test_full_width_colon_in_front_matter_is_named(repository: Path) -> None:
    """A Chinese keyboard in full-width mode types 'title：'. The file is
    named once, for that, and not also as a missing translation."""
    edit(repository / "docs" / "events" / "2011-10-27-logo-ceremony.md", "title: 第三屆", "title：第三屆")
    edit(repository / "docs" / "about.md", "description: ", "description:\u3000")
    edit(repository / "docs" / "_data" / "labels.yml", '  en: "Last revised: "', '  en："Last revised: "')
    result = failed_check(repository, 3)
    assert "docs/_data/labels.yml, line 7: the name 'en' is followed by a full-width colon or space." in result.stderr
    assert "docs/events/2011-10-27-logo-ceremony.md, line 2: the name 'title' is followed by a full-width colon or space. Fix: write 'title: ' with the ordinary colon ':'" in result.stderr
    assert "docs/about.md, line 2: the name 'description' is followed by a full-width colon or space." in result.stderr
    assert "Translations to write or update" not in result.stdout


def test_search_words_mistakes_are_named_with_their_lines(project: Path) -> None:
    """docs/_data/search-words.yml: a language the site is not written in, a
    word given as its own (or in other characters), a site's word that is
    itself replaced, an empty one."""
    (project / "docs" / "_data" / "search-words.yml").write_text(
        "zh-Hant:\n  補貼: 資助\n  申請: 申請\n  津貼: 補貼\n  傢具: 家具\nzh-Hans:\n  补贴: 资助\nen:\n  grant:\n",
        encoding="utf-8",
    )
    result = failed_check(project, 5)
    assert "docs/_data/search-words.yml, line 3: '申請' is given as the site's word for itself. Fix: delete the line" in result.stderr
    assert "docs/_data/search-words.yml, line 4: the site's word '補貼' is itself listed as a word the site does not use. Fix: write the word the site uses after '津貼:', as '補貼' has it" in result.stderr
    assert "docs/_data/search-words.yml, line 6: 'zh-Hans' is not zh-Hant or en. Fix: put each word under 'zh-Hant:' (for both Chinese languages) or 'en:'" in result.stderr
    assert "docs/_data/search-words.yml, line 5: '傢具' is the site's word '家具' in other characters, which the search finds already. Fix: delete the line" in result.stderr
    assert "docs/_data/search-words.yml, line 9: 'grant: None' is not a word and the site's word for it. Fix: write the word readers search for, a colon and a space, and the word the site uses, such as 'grant: funding'" in result.stderr


def test_headings_images_and_file_names_fail_the_check(project: Path) -> None:
    """Mistakes the build and axe let through: a second title, a skipped
    heading level, an image without a description or too heavy for a phone,
    a file name with spaces."""
    docs = project / "docs"
    (docs / "images").mkdir()
    (docs / "images" / "plant.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    about = docs / "about.en.md"
    start = about.read_text(encoding="utf-8").count("\n") + 1
    # Straight from a camera: a JPEG 4000 × 3000 pixels (its header), 2.4 MB.
    (docs / "images" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xc0\x00\x11\x08" + struct.pack(">HH", 3000, 4000) + b"\x03" + bytes(2_400_000))
    (docs / "images" / "phone.heic").write_bytes(bytes(50_000))  # as an iPhone saves a photo
    (docs / "images" / "scan.png").write_text("not an image", encoding="utf-8")  # renamed, not converted
    about.write_text(about.read_text(encoding="utf-8") + "\n#### Costs\n\n![](images/plant.svg)\n\n```\n# a shell comment, not a title\n```\n\n# Results\n\n![Plant](images/plant.svg)\n![Workshop](images/photo.jpg)\n![Boiler](images/phone.heic)\n![Scan](images/scan.png)\n", encoding="utf-8")
    for name in ("2015-06-15-new-phase-applications.md", "2015-06-15-new-phase-applications.en.md"):
        (docs / "news" / name).rename(docs / "news" / name.replace("-new-phase-applications", " New Phase"))
    result = failed_check(project, 8)
    assert f"docs/about.en.md, line {start + 13}: the image 'images/phone.heic' is a .heic file, which browsers do not show. Fix: save it as JPEG (a photo) or PNG (a drawing or a screenshot)" in result.stderr
    assert f"docs/about.en.md, line {start + 14}: the file 'images/scan.png' is not a PNG image, though its name says so. Fix: open it in an image editor and save it again" in result.stderr
    assert f"docs/about.en.md, line {start + 12}: the image 'images/photo.jpg' is 2,400 kB, and readers on phones download it whole. Fix: save it at most 1200 pixels wide" in result.stderr
    assert f"docs/about.en.md, line {start + 1}: the heading '#### Costs' skips a level: the heading before it is level 2 ('##'). Fix: write it as '### Costs'" in result.stderr
    assert f"docs/about.en.md, line {start + 3}: the image 'images/plant.svg' has no description. Fix: between the square brackets, write what the image shows" in result.stderr
    assert f"docs/about.en.md, line {start + 9}: the page has a second title ('# Results'); a page has one. Fix: make it a section heading: '## Results'." in result.stderr
    assert "docs/news/2015-06-15 New Phase.md, the file name: the name becomes the page's web address, and may hold only lowercase letters, digits and hyphens. Fix: rename it 'news/2015-06-15-new-phase.md'" in result.stderr
    assert "docs/news/2015-06-15 New Phase.en.md, the file name:" in result.stderr


def test_heading_id_given_twice_fails_the_check(project: Path) -> None:
    """A link to about.md#sectors would stop at the first of two headings with that id."""
    about = project / "docs" / "about.en.md"
    text = about.read_text(encoding="utf-8")
    first = text[: text.index("{#sectors}")].count("\n") + 1
    about.write_text(text + "\n## More sectors {#sectors}\n", encoding="utf-8")
    result = failed_check(project, 1)
    assert f"docs/about.en.md, line {text.count(chr(10)) + 2}: the heading id 'sectors' is already given to the heading on line {first}. Fix: give this heading another short English id, such as '{{#sectors-2}}', or remove it." in result.stderr


def test_file_named_for_no_language_of_the_site_fails_the_check(project: Path) -> None:
    """about.zh-hans.md would be published as a Traditional Chinese page called about.zh-hans."""
    docs = project / "docs"
    for name in ("privacy.zh-hans.md", "notices.EN.md", "about.zh-TW.md", "orphan.zh-Hans.md"):
        (docs / name).write_text("# 頁\n\n內容。\n", encoding="utf-8")
    result = failed_check(project, 4)
    assert "docs/privacy.zh-hans.md, the file name: the name ends '.zh-hans.md', which is not how the site names a language. Fix: rename it 'privacy.zh-Hans.md'." in result.stderr
    assert "docs/notices.EN.md, the file name: the name ends '.EN.md', which is not how the site names a language. Fix: rename it 'notices.en.md'." in result.stderr
    assert ("docs/about.zh-TW.md, the file name: the name ends '.zh-TW.md', which is not how the site names a language. Fix: name it for one of the site's languages: "
            "'about.md' (Traditional Chinese (zh-Hant)), 'about.en.md' (English), 'about.zh-Hans.md' (Simplified Chinese (zh-Hans)), which replaces the converted page.") in result.stderr
    assert ("docs/orphan.zh-Hans.md, the file name: a Simplified Chinese page replaces the one converted from its Traditional Chinese page, and there is no docs/orphan.md. "
            "Fix: write docs/orphan.md first, or correct this file's name to match an existing page.") in result.stderr
    assert "notices.EN" not in result.stdout  # not a page to translate (Write docs/notices.EN.en.md)


def test_problems_are_listed_from_the_top_of_each_file(project: Path) -> None:
    """The schema's problems came in the order of the entries' names: 'end' (line 6) before 'start' (line 5)."""
    event = project / "docs" / "events" / "2025-03-25-online-seminar.md"
    edit(event, "start: 2025-03-25 14:30", "start: 2025-03-25 9:30")
    edit(event, "end: 2025-03-25 16:00", "end: 2025/03/25 16:00")
    result = failed_check(project, 2)
    assert "1. docs/events/2025-03-25-online-seminar.md, line 5: 'start' is '2025-03-25 9:30'" in result.stderr
    assert "2. docs/events/2025-03-25-online-seminar.md, line 6: 'end' is '2025/03/25 16:00'" in result.stderr


def test_entry_given_twice_is_named_not_quietly_replaced(project: Path) -> None:
    """YAML keeps the second of two entries with one name, so a line copied
    and not changed replaced the first without a word."""
    edit(project / "docs" / "news" / "2015-06-15-new-phase-applications.md", "date: 2015-06-15", "title: 新階段\ndate: 2015-06-15")
    edit(project / "docs" / "_data" / "labels.yml", "footer.privacy:", "footer.notices:\n  zh-Hant: 告示\n  en: Notices\nfooter.privacy:")
    result = failed_check(project, 2)
    assert "docs/news/2015-06-15-new-phase-applications.md, line 3: the front matter (between the '---' lines) is not valid: 'title' is given twice. Fix: keep one of the two 'title:' lines and delete the other." in result.stderr
    assert "docs/_data/labels.yml, line 11: the file cannot be read: 'footer.notices' is given twice. Fix: keep one of the two 'footer.notices:' lines" in result.stderr


def test_front_matter_entry_left_empty_is_named_as_such(project: Path) -> None:
    """Not "'title' is 'None', expected string", which YAML's word for nothing makes of it."""
    edit(project / "docs" / "news" / "2015-06-15-new-phase-applications.md", "title: ", "title:\n# ")
    result = failed_check(project, 1)
    assert "docs/news/2015-06-15-new-phase-applications.md, line 2: 'title' has no value. Fix: write its value after 'title:', on the same line." in result.stderr


def test_page_no_menu_leads_to_and_menu_line_naming_no_page_fail_the_check(project: Path) -> None:
    """MkDocs is told not to mind pages outside the menu (events, news and
    case studies are listed by their folders' pages), so it published such a page
    where no link led; and a misspelt menu line stopped it with a message about its configuration."""
    docs = project / "docs"
    (docs / "how-to-apply.md").write_text("# 申請方法\n\n內容。\n", encoding="utf-8")
    (docs / "how-to-apply.en.md").write_text("# How to apply\n\nText.\n", encoding="utf-8")
    (docs / "events" / "guide.en.md").write_text("# Guide\n\nText.\n", encoding="utf-8")  # its folder's list leads to it, or the event checks name it
    config = project / "mkdocs.yml"
    edit(config, "  - privacy.md", "  - privcy.md")
    line = config.read_text(encoding="utf-8").split("\n").index("  - privcy.md") + 1
    result = run_command(project, "check")
    assert result.returncode == 1
    assert "docs/how-to-apply.md, the whole file: no menu or list of the site leads to this page, so readers could find it only by searching. Fix: add a line '- how-to-apply.md' under nav: in mkdocs.yml" in result.stderr
    assert "how-to-apply.en.md, the whole file" not in result.stderr  # the page once, by its Traditional Chinese file
    assert f"mkdocs.yml, line {line}: the menu (nav) names 'privcy.md', which is not in docs/. Fix: write the name of a page's Traditional Chinese file" in result.stderr
    assert "docs/privacy.md, the whole file: no menu or list" in result.stderr
    assert "guide.en.md, the whole file: no menu" not in result.stderr


def test_broken_list_of_codes_is_named_once_not_at_every_page_using_it(project: Path) -> None:
    """Events and case studies take their sector and venue codes from these
    files; each page said its code was not allowed ("use one of: .")."""
    data = project / "docs" / "data"
    edit(data / "sectors.csv", "furniture,家具製造業,Furniture manufacturing", "furniture,家具製造業,")
    edit(data / "venues.csv", "online,網上舉行,Online", "online,網上舉行")
    result = failed_check(project, 2)
    assert "docs/data/sectors.csv, row 9, column 'name_en': the value is empty. Fix: fill it in." in result.stderr
    assert "docs/data/venues.csv, row 2: the row has 2 values but the header has 3 columns." in result.stderr


def test_data_line_that_shows_nothing_or_is_not_read_fails_the_check(project: Path) -> None:
    """A filter no row matches showed 0 as the figure; a data line typed in
    full-width or with a capital was published as it was written."""
    notices = project / "docs" / "notices.md"
    start = notices.read_text(encoding="utf-8").count("\n") + 1
    notices.write_text(notices.read_text(encoding="utf-8") + "\n[[data:approvals.csv|total|year=2011-12]]\n\n［［data：approvals.csv｜total］］ or [[Data:approvals.csv|total]]\n\n[[ data:approvals.csv | total ]]\n", encoding="utf-8")
    result = failed_check(project, 3)
    assert f"docs/notices.md, line {start + 1}: [[data:approvals.csv|total|year=2011-12]]: no row of approvals.csv has year=2011-12. Fix: use one of: 2008/09, 2009/10, 2010/11, 2011/12." in result.stderr
    assert f"docs/notices.md, line {start + 3}: '［［data：approvals.csv｜total］］' is meant as a data line, but is not written as one. Fix: write it with ordinary (half-width) brackets" in result.stderr
    assert f"docs/notices.md, line {start + 3}: '[[Data:approvals.csv|total]]' is meant as a data line" in result.stderr
    assert "[[ data:approvals.csv | total ]]" not in result.stderr  # spaces are read as they are meant


def test_date_that_is_no_real_date_is_named_with_its_line(project: Path) -> None:
    """PyYAML stopped the check with a bare "month must be in 1..12" and no file or line."""
    edit(project / "docs" / "news" / "2015-06-15-new-phase-applications.md", "date: 2015-06-15", "date: 2026-13-01")
    edit(project / "docs" / "data" / "funding-rules.yml", "  - phase: \"2008-04\"", "  - phase: \"2008-04\"\n    started: 2008-02-30")
    result = failed_check(project, 2)
    assert ("docs/news/2015-06-15-new-phase-applications.md, line 3: the front matter (between the '---' lines) is not valid: '2026-13-01' is not a real date (month must be in 1..12). "
            "Fix: write a real date as year-month-day, such as 2026-08-12") in result.stderr
    assert "docs/data/funding-rules.yml, line " in result.stderr and "'2008-02-30' is not a real date (day is out of range for month)" in result.stderr
    assert "Traceback" not in result.stderr


def test_what_a_page_would_load_from_another_site_fails_the_check(project: Path) -> None:
    """The site loads nothing from other sites; a page may link to them."""
    about = project / "docs" / "about.en.md"
    start = about.read_text(encoding="utf-8").count("\n") + 1
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\n![Factory](https://example.com/factory.jpg)\n\n<iframe src='//www.youtube.com/embed/abc' title='Video'></iframe>\n\n"
        + "<script>track()</script>\n\nSee [the factory](https://example.com/factory.jpg).\n"
        # Code shows readers what to write; nothing in it is loaded or followed.
        + "\n```html\n<iframe src='https://example.com/map'></iframe>\n<script src='https://example.com/a.js'></script>\n```\n\n"
        + "Write `![Factory](https://example.com/factory.jpg)` or `[x](no-such-page.md)`.\n",
        encoding="utf-8",
    )
    result = failed_check(project, 3)
    assert f"docs/about.en.md, line {start + 1}: the image 'https://example.com/factory.jpg' would be loaded from another site. Fix: save the image in docs/images/" in result.stderr
    assert f"docs/about.en.md, line {start + 3}: the <iframe> would load '//www.youtube.com/embed/abc' from another site. Fix: link to it instead" in result.stderr
    assert f"docs/about.en.md, line {start + 5}: the page has a script written into it. Fix: remove it" in result.stderr


def test_links_command_reports_a_broken_link(project: Path, site: Path) -> None:
    """On the site as built (a copy of the suite's build), then with a link broken."""
    shutil.rmtree(project / "site")
    shutil.copytree(site, project / "site")
    assert run_command(project, "links").returncode == 0
    page = project / "site" / "en" / "about" / "index.html"
    edit(page, 'href="../funding/"', 'href="../fundng/"')
    result = run_command(project, "links")
    assert result.returncode == 1
    assert "BROKEN  /en/about/index.html: '../fundng/' leads to no page or file" in result.stdout
    assert "correct the link in the page's Markdown file" in result.stderr


def _append(page: Path, markdown: str) -> int:
    """Add `markdown` to the end of `page`: the line its first line is on."""
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n" + markdown, encoding="utf-8")
    return text.count("\n") + 2


def test_markdown_that_python_markdown_publishes_otherwise_fails_the_check(project: Path) -> None:
    """GitHub shows each as meant; Python-Markdown leaves a row's extra cells
    out of the page, publishes a list right under a line of text as part of
    that paragraph and a list indented by two spaces beside the item above it,
    and a link typed with a Chinese keyboard's brackets (（）, 【】) or a space
    before its address as plain text. A '|' written '\\|' or in code is part
    of a cell, not the end of one."""
    table = _append(project / "docs" / "about.en.md", "| Measure | Cap |\n|---|--:|\n| Verification | HK$15,000 | 100% |\n| `a|b` | c \\| d |\n")
    lists = _append(project / "docs" / "about.en.md", "To apply, a factory must be:\n- Hong Kong-owned\n- in the delta\n  - Dongguan\n\n- in a target sector\n    - textiles\n")
    links = _append(project / "docs" / "about.md", "見[資助]（funding.md）和【統計】(statistics.md)。\n\n見[資格] (eligibility.md)，【注意】（見下文）。\n")
    result = failed_check(project, 6)
    for expected in [
        f"docs/about.en.md, line {table + 2}: the table row has 3 cells and the table's heading row 2, so its last cell would be left out of the page. Fix: give the heading row a cell for each column, or remove the extra '|' (write '\\|' for a '|' inside a cell).",
        f"docs/about.en.md, line {lists + 1}: the list starts right under a line of text, so it would be published as part of that paragraph. Fix: leave a blank line above the list.",
        f"docs/about.en.md, line {lists + 3}: the list item is indented by 2 spaces, so it would not be published under the item above it. Fix: indent it by 4 spaces, 4 for each level.",
        f"docs/about.md, line {links}: '[資助]（funding.md）' has full-width brackets, so it would be published as plain text, not as a link. Fix: write it as '[資助](funding.md)', with half-width brackets and nothing between ']' and '('.",
        f"docs/about.md, line {links}: '【統計】(statistics.md)' has full-width brackets",
        f"docs/about.md, line {links + 2}: '[資格] (eligibility.md)' has a space between its text and its address",
    ]:
        assert expected in result.stderr


def test_simplified_characters_in_traditional_chinese_text_fail_the_check(project: Path) -> None:
    """A keyboard set to Simplified, or a copied mainland text, in a zh-Hant
    page or a _zh-Hant column would be published to Hong Kong readers as it
    is. Characters both scripts use (家具, 后, 台) and Hong Kong's own forms
    outside Big5 (户, 着) are Traditional Chinese, and pass."""
    about = _append(project / "docs" / "about.md", "计划为港资工厂提供资助。\n\n皇后大道、台灣、住户、穿着、家具。\n\n`资助` 寫在代碼中。\n")
    edit(project / "docs" / "cases" / "2011-dyeing-heat-recovery.md", "title: 示例：染廠廢水餘熱回收", "title: 示例：染厂废水余热回收")
    edit(project / "docs" / "data" / "partners.csv", "示例家具廠有限公司", "示例家具厂有限公司")
    edit(project / "docs" / "_data" / "labels.yml", "zh-Hant: 找不到這一頁", "zh-Hant: 找不到这一页")
    result = failed_check(project, 4)
    assert f"docs/about.md, line {about}: '计划为港资工厂提供资助' has Simplified characters in a Traditional Chinese text. Fix: type it again with the keyboard set to Traditional Chinese (计 → 計, 为 → 為, 资 → 資, 厂 → 廠); the Simplified Chinese page is made from this one." in result.stderr
    assert "docs/cases/2011-dyeing-heat-recovery.md, line 2: '示例：染厂废水余热回收'" not in result.stderr  # a run is named without the punctuation around it
    assert "docs/cases/2011-dyeing-heat-recovery.md, line 2: '染厂废水余热回收' has Simplified characters" in result.stderr
    assert "docs/data/partners.csv, row 3, column 'name_zh-Hant': '示例家具厂有限公司' has Simplified characters in a Traditional Chinese text. Fix: type it again with the keyboard set to Traditional Chinese (厂 → 廠)" in result.stderr
    assert "docs/_data/labels.yml, label 'notfound.title': '找不到这一页' has Simplified characters in a Traditional Chinese text. Fix: type it again with the keyboard set to Traditional Chinese (这 → 這, 页 → 頁)" in result.stderr
