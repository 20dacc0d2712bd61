"""Find the Markdown pages under docs/ and check what MkDocs would pass over.

MkDocs quietly shows a page whose front matter is not valid YAML with the
front matter as text, and reads a file saved in another encoding as garbage;
here either stops the build with the file and line named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from cleanprod import languages
from cleanprod.problems import Problem
from cleanprod.content.structured import LOADER, error_line, fix_for, full_width_colons

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_HEADING_1 = re.compile(r"^#[ \t]+\S", re.MULTILINE)
# Code: a fenced block (to its closing fence, or the end of the page) or `inline`.
_CODE = re.compile(r"^[ ]{0,3}(```|~~~).*?(?:^[ ]{0,3}\1[ \t]*$|\Z)|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")
FRONT_MATTER_LINE = 2  # the line of the file the front matter starts on, under the first '---'


@dataclass(frozen=True)
class Page:
    """One Markdown file: its path, language, front matter and body."""

    path: Path
    lang: str
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the line of the file the body starts on
    front_matter: str = ""  # the YAML between the '---' lines, as written (for line numbers)

    @cached_property
    def prose(self) -> str:
        """The body with its code (fenced blocks and `inline`) blanked out, every
        line and character kept in its place: a link, image, heading or tag
        written in code is an example for the reader, which the page does not
        show and the checks do not follow."""
        return _CODE.sub(lambda code: _NOT_NEWLINE.sub(" ", code[0]), self.body)


def language_of(path: Path) -> str:
    """The language a file is written in, from its suffix (about.en.md → en)."""
    suffixes = path.suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in languages.ALL:
        return suffixes[-2][1:]
    return languages.DEFAULT.code


def ending(lang: str) -> str:
    """How a page's file name ends in `lang`: about.md, about.en.md, about.zh-Hans.md."""
    return ".md" if languages.get(lang).is_default else f".{lang}.md"


def file_name(key: str, lang: str) -> str:
    """The file of the page `key` (as page_key gives it) in `lang`: about.md → about.en.md."""
    return key.removesuffix(".md") + ending(lang)


def plainly_named(key: str) -> bool:
    """Whether a page's key has one dot, before md (about.md): about.zh-hans.md
    is a misnamed page, which page_structure.py reports, not a page to
    translate or to put in the menu."""
    return "." not in key.removesuffix(".md")


def page_key(path: Path, docs: Path) -> str:
    """The path a page has in every language: about.en.md and about.md → about.md."""
    relative = path.relative_to(docs).as_posix()
    suffix = f".{language_of(path)}.md"
    return relative[: -len(suffix)] + ".md" if relative.endswith(suffix) else relative


def markdown_files(docs: Path) -> list[Path]:
    """Every page under docs/, in a stable order, leaving out build data."""
    return sorted(p for p in docs.rglob("*.md") if "_data" not in p.relative_to(docs).parts)


def read_page(path: Path) -> tuple[Page | None, list[Problem]]:
    """Read one page; return it, or the problems that stop it being built."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                f"line {line}",
                "the file is not saved as UTF-8 text",
                "open it in your editor and save it again with the encoding 'UTF-8'",
            )
        ]
    text = text.replace("\r\n", "\n")
    meta: dict = {}
    body, body_line, front_matter = text, 1, ""
    match = _FRONT_MATTER.match(text)
    if match:
        typed_full_width = full_width_colons(path, match.group(1) or "", first_line=FRONT_MATTER_LINE)
        if typed_full_width:
            return None, typed_full_width
        try:
            loaded = yaml.load(match.group(1) or "", Loader=LOADER) or {}
        except yaml.YAMLError as error:
            line = (error_line(error, match.group(1) or "") or 0) + FRONT_MATTER_LINE - 1
            return None, [
                Problem(
                    path,
                    f"line {line}",
                    f"the front matter (between the '---' lines) is not valid: {getattr(error, 'problem', error)}",
                    fix_for(error, "write each entry as 'name: value', close each quotation mark, and put quotes around a value that contains ':' or '#'"),
                )
            ]
        if not isinstance(loaded, dict):
            return None, [
                Problem(
                    path,
                    f"line {FRONT_MATTER_LINE}",
                    "the front matter is not a list of 'name: value' entries",
                    "write each entry on its own line as 'name: value'",
                )
            ]
        meta = loaded
        front_matter = match.group(1) or ""
        body = text[match.end() :]
        body_line = text[: match.end()].count("\n") + 1
    page = Page(path, language_of(path), meta, body, body_line, front_matter)
    if "title" not in meta and not _HEADING_1.search(body):
        return page, [
            Problem(
                path,
                f"line {body_line}",
                "the page has no title",
                "start the page with a heading line such as '# Page title'",
            )
        ]
    return page, []


def read_all(docs: Path) -> tuple[list[Page], list[Problem]]:
    """Read every page under docs/, collecting every problem rather than stopping at one."""
    pages: list[Page] = []
    problems: list[Problem] = []
    for path in markdown_files(docs):
        page, found = read_page(path)
        problems.extend(found)
        if page is not None:
            pages.append(page)
    return pages, problems


def insert_after_title(markdown: str, html: str) -> str:
    """`html` placed after the page's '# title' line (or first, if it has none)."""
    if not html:
        return markdown
    match = _HEADING_1.search(markdown)
    if not match:
        return f"{html}\n\n{markdown}"
    end = markdown.find("\n", match.start())
    end = len(markdown) if end < 0 else end
    return f"{markdown[:end]}\n\n{html}\n{markdown[end:]}"
