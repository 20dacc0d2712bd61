"""What a page's readers rely on that the build does not check: headings in
order, each id given once, images with a description, in a format browsers
show and light enough for a phone, table rows no wider than their heading
row, lists that Python-Markdown reads as lists, and a file name that makes a
plain web address and names a language of the site. Found before the build,
each with its page, its line and the fix.

Screen reader users move through a page by its headings, so a second page
title, or a heading that skips a level (## then ####), loses them; axe does
not report either (its heading-order rule is advice, outside WCAG A and AA).
An image written ![](photo.jpg) is published with an empty description,
which screen readers and axe take to mean decoration; a photo straight from
a camera weighs megabytes, more than a reader on a phone should wait for, and
one from a phone may be HEIC, which browsers do not show. A table row with
more cells than the heading row loses the extra cells: Python-Markdown leaves
them out of the page without a word. A list written right under a line of
text, or a list inside a list indented by two spaces (both of which GitHub
shows as lists), is published as part of the paragraph, or flattened. A
file name with spaces or capitals becomes a web address with %20 in it, or
one that works on a laptop and not on the server; one ending .zh-hans.md or
.EN.md would be published as a Traditional Chinese page of that name, and a
Simplified Chinese page with no Traditional Chinese page would stand alone,
in one language.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from cleanprod import languages
from cleanprod.content import images
from cleanprod.checks.page_links import IMAGE
from cleanprod.content.pages import Page, ending, file_name, page_key
from cleanprod.problems import Problem

_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_TABLE_RULE = re.compile(r"^[ ]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")  # the line under a table's heading row: |---|:--:|
_CELL_EDGE = re.compile(r"(?<!\\)\|")  # a '|' that ends a cell, not one written '\|'
_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")  # '- item', '1. item', with its indent
_HEADING_ID = re.compile(r"\{:?[ \t]*#([\w-]+)[^}]*\}$")  # the id a heading is given: '## Target sectors {#sectors}'
IMAGE_BYTES = 100_000  # the most an image may weigh: a page and its images should load fast on a phone
IMAGE_WIDTH = 1200  # pixels: wider than the text column on any screen
SHOWN = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")  # the image files every current browser shows
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a page's or folder's name, without its language and .md
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?")  # what a staff member may write for a language: en, zh-Hans, zh_HK


def problems(page: Page, docs: Path) -> list[Problem]:
    """Each problem with `page`'s headings, images, tables, lists and file name."""
    lines = _lines(page)
    return _file_name(page, docs) + _headings(page, lines) + _images(page, lines) + _tables(page, lines) + _lists(page, lines)


def _lines(page: Page) -> list[tuple[int, str]]:
    """The body's lines, code blanked out, with their line numbers in the file."""
    return list(enumerate(page.prose.split("\n"), page.body_line))


def _headings(page: Page, lines: list[tuple[int, str]]) -> list[Problem]:
    """One page title ('# …'), no heading more than one level below the one
    before it, and no id given to two headings (a link to it would stop at
    the first)."""
    found = []
    level, titled = 1, False  # the page's title is level 1, from '# …' or its front matter
    ids: dict[str, int] = {}  # each heading id given in the page, with its line
    for number, line in lines:
        heading = _HEADING.match(line)
        if not heading:
            continue
        marks, text = heading[1], heading[2]
        if (given := _HEADING_ID.search(text)) and ids.setdefault(given[1], number) != number:
            found.append(Problem(page.path, f"line {number}", f"the heading id '{given[1]}' is already given to the heading on line {ids[given[1]]}", f"give this heading another short English id, such as '{{#{given[1]}-2}}', or remove it"))
        if len(marks) == 1 and titled:
            found.append(Problem(page.path, f"line {number}", f"the page has a second title ('# {text}'); a page has one", f"make it a section heading: '## {text}'"))
        elif len(marks) > level + 1:
            deeper = "#" * (level + 1)
            found.append(Problem(page.path, f"line {number}", f"the heading '{marks} {text}' skips a level: the heading before it is level {level} ('{'#' * level}')", f"write it as '{deeper} {text}', so that screen reader users can follow the page's outline"))
        titled = titled or len(marks) == 1
        level = len(marks)
    return found


def _cells(row: str) -> int:
    """How many cells a table row has: '| a | b |' and 'a | b' have two."""
    inner = row.strip().removeprefix("|")
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return len(_CELL_EDGE.split(inner))


def _last(extra: int) -> str:
    return "its last cell" if extra == 1 else f"its last {extra} cells"


def _tables(page: Page, lines: list[tuple[int, str]]) -> list[Problem]:
    """No table row has more cells than the table's heading row."""
    found = []
    width = 0  # the cells of the heading row of the table being read; 0 outside a table
    for (number, line), (_, following) in zip(lines, [*lines[1:], (0, "")]):
        if width and "|" in line and not _TABLE_RULE.match(line):  # a row of the table
            if (cells := _cells(line)) > width:
                found.append(Problem(page.path, f"line {number}", f"the table row has {cells} cells and the table's heading row {width}, so {_last(cells - width)} would be left out of the page", "give the heading row a cell for each column, or remove the extra '|' (write '\\|' for a '|' inside a cell)"))
        elif "|" in line and "|" in following and _TABLE_RULE.match(following):  # a heading row
            width = _cells(line)
        elif "|" not in line:
            width = 0
    return found


def _lists(page: Page, lines: list[tuple[int, str]]) -> list[Problem]:
    """Each list has a blank line above it, and a list inside another is
    indented by four spaces, as Python-Markdown needs (and every other
    Markdown reads too)."""
    found = []
    in_list = False  # whether the line before belongs to a list
    before = ""  # the line before
    for number, line in lines:
        item = _LIST_ITEM.match(line)
        if item and not in_list and before.strip() and not before.lstrip().startswith(("#", "<", "|", ":", "!!!", "???")):
            found.append(Problem(page.path, f"line {number}", "the list starts right under a line of text, so it would be published as part of that paragraph", "leave a blank line above the list"))
        elif item and in_list and len(item[1]) % 4:
            found.append(Problem(page.path, f"line {number}", f"the list item is indented by {len(item[1])} spaces, so it would not be published under the item above it", f"indent it by {len(item[1]) // 4 * 4 + 4} spaces, 4 for each level"))
        if item:
            in_list = True
        elif line.strip() and not line.startswith((" ", "\t")) and not before.strip():  # text after a blank line ends the list
            in_list = False
        before = line
    return found


def _images(page: Page, lines: list[tuple[int, str]]) -> list[Problem]:
    """Each image has a description between its square brackets, and is light
    enough for a phone."""
    found = []
    for number, line in lines:
        for image in IMAGE.finditer(line):
            address = image[2]
            if not image[1].strip():
                found.append(Problem(page.path, f"line {number}", f"the image '{address}' has no description", f"between the square brackets, write what the image shows for readers who cannot see it, such as '![Heat exchanger fitted to a dyeing machine]({address})'"))
            file = page.path.parent / unquote(address.split("#")[0].split("?")[0])
            if "://" in address or not file.is_file():
                continue  # another site's (page_links.py), or no file (MkDocs' link check)
            kind = file.suffix.lower()
            if kind not in SHOWN:
                found.append(Problem(page.path, f"line {number}", f"the image '{address}' is a {kind or 'nameless'} file, which browsers do not show", "save it as JPEG (a photo) or PNG (a drawing or a screenshot), and write its new name here"))
            elif kind != ".svg" and images.size(file) == (0, 0):
                found.append(Problem(page.path, f"line {number}", f"the file '{address}' is not a {kind[1:].upper()} image, though its name says so", "open it in an image editor and save it again as JPEG or PNG; a file renamed from another format does not change its format"))
            elif (size := file.stat().st_size) > IMAGE_BYTES:
                found.append(Problem(page.path, f"line {number}", f"the image '{address}' is {size / 1000:,.0f} kB, and readers on phones download it whole", f"save it at most {IMAGE_WIDTH} pixels wide, as JPEG at quality 75 or as WebP, so that it is under {IMAGE_BYTES // 1000} kB"))
    return found


def _file_name(page: Page, docs: Path) -> list[Problem]:
    """The page's name and folders: lowercase letters, digits and hyphens,
    then the language as the site writes it; and a hand-written Simplified
    Chinese page replaces a Traditional Chinese one."""
    suffix = ending(page.lang)
    *folders, name = page.path.relative_to(docs).parts
    stem, _, written = name.removesuffix(".md").rpartition(".")
    if stem and _LANGUAGE.fullmatch(written) and f".{written}.md" != suffix:  # about.zh-hans.md, about.EN.md, about.zh-HK.md, about.zh-Hant.md
        meant = next((lang for lang in languages.ALL if lang.lower() == written.lower().replace("_", "-")), None)
        named = ", ".join(f"'{file_name(stem, lang)}' ({languages.get(lang).name})" for lang in languages.ALL)
        fix = f"rename it '{file_name(stem, meant)}'" if meant else f"name it for one of the site's languages: {named}, which replaces the converted page"
        return [Problem(page.path, "the file name", f"the name ends '.{written}.md', which is not how the site names a language", fix)]
    converted = languages.get(page.lang)
    if converted.source is not None and not (docs / (key := page_key(page.path, docs))).exists():
        return [Problem(page.path, "the file name", f"a {converted.name.partition(' (')[0]} page replaces the one converted from its {languages.get(converted.source).name.partition(' (')[0]} page, and there is no docs/{key}", f"write docs/{key} first, or correct this file's name to match an existing page")]
    parts = [*folders, name.removesuffix(suffix)]
    if all(NAME.fullmatch(part) for part in parts):
        return []
    plain = ["-".join(re.findall(r"[a-z0-9]+", part.lower())) for part in parts]
    if all(plain):
        fix = f"rename it '{'/'.join(plain)}{suffix}' (in docs/), and its other languages' files to match"
    else:
        fix = "rename it with lowercase English letters, digits and hyphens, such as 'energy-workshop.md', and its other languages' files to match"
    return [Problem(page.path, "the file name", "the name becomes the page's web address, and may hold only lowercase letters, digits and hyphens", fix)]
