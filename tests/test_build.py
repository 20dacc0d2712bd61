"""The build is all or nothing: a staff member's mistake stops it with a message
naming the file, the line and the fix, and the previous site/ stays as it was.

The build checks every page and data file first, with the function `make
check` runs (validate.py): most messages are asserted by running the check
in-process; a few real builds show that such a mistake leaves site/ as it was,
and the mistakes only the build itself finds (a missing heading, a label a
template uses) are asserted by a build."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import all_html_files, copy_project, edit, read_html, run_build, run_command


def assert_failed_and_site_untouched(project: Path, result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not list(project.glob(".site-*")), "a staging folder was left behind"
    return result.stdout + result.stderr


def failed_check_output(project: Path) -> str:
    """What `make check` prints for a mistake that stops the build: the build
    runs the same check first, and prints the same problems."""
    result = run_command(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout + result.stderr


def _png(width: int, height: int) -> bytes:
    """A black PNG image of this size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(3 * width) for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def added_to(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site, with a previous build in site/, to whose about
    pages staff added what builds (two images, and a link to a heading made
    from data), built once for the tests that read what each became."""
    project = copy_project(tmp_path_factory.mktemp("added"))
    images = project / "docs" / "images"
    images.mkdir()
    (images / "plant.png").write_bytes(_png(640, 480))
    (images / "diagram.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"></svg>', encoding="utf-8")
    for name, words in (("about.md", ("廠房", "流程圖")), ("about.en.md", ("Plant", "Diagram"))):
        page = project / "docs" / name
        page.write_text(page.read_text(encoding="utf-8") + f"\n![{words[0]}](images/plant.png)\n\n![{words[1]}](images/diagram.svg)\n", encoding="utf-8")
    # The events list's headings come from the events, not from the page's Markdown.
    about = project / "docs" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee the [coming events](events/index.md#upcoming).\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


LABEL_DELETED = "docs/_data/labels.yml, label 'footer.privacy': the site uses this label, but the file has no label of that name. Fix: add it back"


class Stopped(NamedTuple):
    """What a stopped build printed, and the lines its mistakes were put on."""

    output: str
    link_line: int
    style_line: int


@pytest.fixture(scope="module")
def stopped_while_rendering(tmp_path_factory: pytest.TempPathFactory) -> Stopped:
    """What a build prints, and the lines of the mistakes, after three mistakes
    that only rendering the pages finds: a link to a heading the page lacks
    (in English), a label the templates use deleted (in every language), and
    a style given to a link in Markdown's {: …} (in Traditional Chinese, and
    so in Simplified). The build must stop and leave site/ as it was."""
    project = copy_project(tmp_path_factory.mktemp("mistaken"))
    link_line = _append(project / "docs" / "about.en.md", "See the [figures](statistics.md#approval).")
    style_line = _append(project / "docs" / "about.md", '見[統計數字](statistics.md){: style="color: red" }。')
    edit(project / "docs" / "_data" / "labels.yml", "footer.privacy:\n  zh-Hant: 私隱政策\n  en: Privacy policy\n", "")
    return Stopped(assert_failed_and_site_untouched(project, run_build(project)), link_line, style_line)


def _append(page: Path, paragraph: str) -> int:
    """Add `paragraph` at the end of `page`; the line it is on."""
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\n{paragraph}\n", encoding="utf-8")
    return len(text.splitlines()) + 2


def test_clean_build_replaces_the_previous_site(added_to: Path) -> None:
    assert (added_to / "site" / "en" / "funding" / "index.html").exists()
    assert "previous build" not in (added_to / "site" / "index.html").read_text(encoding="utf-8")
    assert not list(added_to.glob(".site-*"))


def test_broken_front_matter_names_file_line_and_fix(project: Path) -> None:
    edit(project / "docs" / "about.en.md", "description: ", "description: [unclosed ")
    output = assert_failed_and_site_untouched(project, run_build(project))
    assert "docs/about.en.md, line 2: the front matter" in output
    assert "Fix: " in output


def test_file_not_saved_as_utf8_is_named(project: Path) -> None:
    page = project / "docs" / "notices.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("big5", errors="replace"))
    output = failed_check_output(project)
    assert "docs/notices.md, line " in output
    assert "not saved as UTF-8" in output
    assert "save it again with the encoding 'UTF-8'" in output


def test_every_problem_is_listed_at_once(project: Path) -> None:
    (project / "docs" / "privacy.md").write_text("no heading here\n", encoding="utf-8")
    (project / "docs" / "privacy.en.md").write_text("---\ntitle: [x\n---\n# P\n", encoding="utf-8")
    output = failed_check_output(project)
    assert "2 problems found" in output
    assert "docs/privacy.md, line 1: the page has no title" in output
    assert "docs/privacy.en.md, line " in output


def test_link_to_no_file_names_its_line_and_the_nearest_name(project: Path) -> None:
    # MkDocs named the page but not the line, and stopped at the first language.
    about = project / "docs" / "about.en.md"
    line = len(about.read_text(encoding="utf-8").splitlines()) + 2
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [Funding](fundng.md) and ![chart](images/none.png).\n", encoding="utf-8")
    output = assert_failed_and_site_untouched(project, run_build(project))
    assert f"docs/about.en.md, line {line}: the link 'fundng.md' leads to no file. Fix: write the path of a file in docs/" in output
    assert "the nearest file name is 'funding.md'." in output
    assert f"docs/about.en.md, line {line}: the link 'images/none.png' leads to no file." in output
    assert "Aborted with" not in output  # stopped by the check, before MkDocs


def test_web_or_email_address_written_as_a_file_gets_its_own_fix(project: Path) -> None:
    about = project / "docs" / "about.en.md"
    line = len(about.read_text(encoding="utf-8").splitlines()) + 2
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the seminar](www.example.org/seminar) or write to [us](info@example.org).\n", encoding="utf-8")
    result = run_command(project, "check")
    assert f"docs/about.en.md, line {line}: the link 'www.example.org/seminar' leads to no file. Fix: to link to another site, write its full address, starting https://: 'https://www.example.org/seminar'." in result.stderr
    assert f"docs/about.en.md, line {line}: the link 'info@example.org' leads to no file. Fix: to link to an email address, write 'mailto:info@example.org'." in result.stderr


@pytest.mark.parametrize("link,message", [
    # /statistics/ leads an English reader to the Chinese page, and nowhere
    # once the site is published below its root; MkDocs left it as it was.
    ("/statistics/#approvals", "the link '/statistics/#approvals' is an address on this site, which is different in each language and wherever the site is published. "
     "Fix: write the path of a file in docs/, from this page's folder, such as 'funding.md' or '../data/approvals.csv'; the nearest file name is 'statistics.md'."),
    # From the Chinese page, whose translator copied it, it led to the English page.
    ("statistics.en.md#approvals", "the link 'statistics.en.md#approvals' names the English file, and leads to the English page from every language. "
     "Fix: write 'statistics.md', the Traditional Chinese file's name, as every link does"),
])
def test_link_that_would_lead_astray_stops_the_build_naming_its_line(project: Path, link: str, message: str) -> None:
    about = project / "docs" / "about.en.md"
    line = len(about.read_text(encoding="utf-8").splitlines()) + 2
    about.write_text(about.read_text(encoding="utf-8") + f"\nSee the [figures]({link}).\n", encoding="utf-8")
    assert f"docs/about.en.md, line {line}: {message}" in failed_check_output(project)


def test_link_to_no_heading_stops_the_build_naming_its_line(stopped_while_rendering: Stopped) -> None:
    """MkDocs finds this one as it builds, but named neither the line nor the
    headings there are (cleanprod/engine/anchor_warnings.py)."""
    output, line = stopped_while_rendering.output, stopped_while_rendering.link_line
    assert (f"docs/about.en.md, line {line}: the link 'statistics.md#approval' leads to no heading '#approval' of statistics.en.md. "
            "Fix: after '#', write the id of the heading you mean; statistics.en.md has: approvals-over-time, promotion, demonstration, partners, first-phase, approvals, awareness.") in output


def test_link_to_a_heading_made_from_data_builds(added_to: Path) -> None:
    assert read_html(added_to / "site", "en/about/").select_one('a[href="../events/#upcoming"]')
    assert read_html(added_to / "site", "en/events/").select_one("#upcoming")


def test_label_without_english_text_is_named(project: Path) -> None:
    edit(project / "docs" / "_data" / "labels.yml", "  en: Important notices\n", "")
    output = failed_check_output(project)
    assert "labels.yml, label 'footer.notices': no en text" in output


def test_label_deleted_but_used_is_named_once(stopped_while_rendering: Stopped) -> None:
    # Before, the footer's link lost its words, and a search page label ended in a traceback.
    output = stopped_while_rendering.output
    assert output.count(LABEL_DELETED) == 1, output
    assert "Traceback" not in output


def test_every_mistake_found_while_rendering_is_listed_at_once(stopped_while_rendering: Stopped) -> None:
    """Three mistakes only the build finds, each found by more than one
    language's build or by another language's than the others: all three are
    listed, each once, in one numbered list, as the check lists what it
    finds; the build does not stop at the first."""
    output, line, style_line = stopped_while_rendering
    assert output.count("The site was not built: ") == 1, output
    assert "The site was not built: 3 problems found.\n" in output
    assert f"  1. {LABEL_DELETED}" in output
    assert f"  2. docs/about.en.md, line {line}: the link 'statistics.md#approval' leads to no heading '#approval' of statistics.en.md." in output
    assert f"  3. docs/about.md, line {style_line}: the <a> has a style attribute. Fix: remove 'style=…'" in output
    assert "Aborted with" not in output and "Traceback" not in output


def test_unclosed_quotation_mark_in_labels_names_its_line(project: Path) -> None:
    labels = project / "docs" / "_data" / "labels.yml"
    line = labels.read_text(encoding="utf-8").splitlines().index("  en: Important notices") + 1
    edit(labels, "  en: Important notices\n", '  en: "Important notices\n')
    output = failed_check_output(project)
    assert f"docs/_data/labels.yml, line {line}: the file cannot be read" in output
    assert "Traceback" not in output


def test_glossary_entry_that_is_not_a_term_names_its_line(project: Path) -> None:
    glossary = project / "docs" / "_data" / "glossary.yml"
    lines = glossary.read_text(encoding="utf-8").splitlines()
    glossary.write_text("\n".join(lines + ["软件: 1"]) + "\n", encoding="utf-8")
    output = failed_check_output(project)
    assert "Traceback" not in output
    assert (
        f"docs/_data/glossary.yml, line {len(lines) + 1}: '软件: 1' is not a term and its replacement. "
        "Fix: write the term as the plain conversion gives it" in output
    )


def test_glossary_that_is_not_a_list_of_terms_is_named(project: Path) -> None:
    (project / "docs" / "_data" / "glossary.yml").write_text("- 资讯\n- 信息\n", encoding="utf-8")
    output = failed_check_output(project)
    assert "docs/_data/glossary.yml, the whole file: the file is not a list of 'term: replacement' lines" in output


def test_broken_link_stops_the_build(project: Path) -> None:
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[見此](no-such-page.md)\n", encoding="utf-8")
    output = failed_check_output(project)
    assert "no-such-page.md" in output


@pytest.mark.slow
def test_same_sources_build_the_same_files(site: Path, tmp_path: Path) -> None:
    from cleanprod.engine import build

    again = tmp_path / "again"
    build.build(again)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_bad_csv_stops_the_build_naming_file_row_and_column(project: Path) -> None:
    edit(project / "docs" / "data" / "approvals.csv", "2009/10,demonstration,25", "2009/10,demonstration,twenty-five")
    output = failed_check_output(project)
    assert "docs/data/approvals.csv, row 7, column 'approved': found 'twenty-five', expected a whole number" in output


def test_unknown_data_in_a_page_names_the_line(project: Path) -> None:
    edit(project / "docs" / "statistics.en.md", "[[data:approvals.csv|chart]]", "[[data:approval.csv|chart]]")
    output = failed_check_output(project)
    assert "docs/statistics.en.md, line " in output
    assert "there is no data file 'approval.csv'" in output and "use one of: approvals-over-time.csv, approvals.csv, awareness.csv," in output


def test_every_image_of_the_theme_carries_its_size(site: Path) -> None:
    """The header's logo too: its link is named by the site's name, so the image says nothing."""
    for url in ("", "en/funding/", "zh-Hans/cases/"):
        logos = read_html(site, url).select(".md-logo img")
        assert logos and all((img["width"], img["height"], img["alt"]) == ("24", "24", "") for img in logos), url
    sizeless = [f.relative_to(site) for f in all_html_files(site) for img in read_html(site, str(f.relative_to(site))).select("img") if not img.get("width")]
    assert sizeless == []


def test_images_carry_their_size_and_all_but_the_first_load_lazily(added_to: Path) -> None:
    """So that the text does not jump as images arrive, and a phone fetches
    an image further down only when the reader scrolls near it."""
    for url in ("about/", "en/about/", "zh-Hans/about/"):
        shown = [(img["src"].rsplit("/", 1)[-1], img.get("width"), img.get("height"), img.get("loading")) for img in read_html(added_to / "site", url).select("article img")]
        assert shown == [("plant.png", "640", "480", None), ("diagram.svg", "320", "200", "lazy")], url
