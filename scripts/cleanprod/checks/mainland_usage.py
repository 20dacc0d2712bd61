"""Hong Kong words left on the built Simplified Chinese pages.

The Simplified pages are converted from the Traditional ones, character by
character and then through the glossary (chinese.py). A new page may use a
Hong Kong word the glossary does not yet hold (甚么, 透过, 公吨): a Mainland
reader then reads Hong Kong text in Simplified characters. Such words are
listed in docs/_data/hong-kong-terms.yml, and this check reads every built
Simplified page for them, as a reader sees it: its text, its title and
description, the labels its scripts show (JSON), but not code, and not a part
marked as written in another language (an English name). The fix is a line in
the glossary, or, on a hand-written .zh-Hans.md page, the page itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from cleanprod import languages
from cleanprod.paths import DOCS, GLOSSARY_FILE, HONG_KONG_TERMS_FILE, ROOT
from cleanprod.problems import Problem
from cleanprod.content.structured import line_of, read_yaml

_SKIPPED = {"code", "pre", "kbd", "samp", "style", "svg"}  # code, and drawings whose words are the page's own figures
_READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "content")
SIMPLIFIED = next(language for language in languages.TABLE if language.simplified)  # the pages read here (zh-Hans)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def read_terms(path: Path = HONG_KONG_TERMS_FILE) -> tuple[tuple[str, ...], list[Problem]]:
    """The listed Hong Kong words, and every problem with the file."""
    terms, node_of, problems = read_yaml(path)
    if problems:
        return (), problems
    if not isinstance(terms, list):
        return (), [Problem(path, "the whole file", "the file is not a list of words", "write one word to a line, each after '- ', such as '- 透过'")]
    found: list[str] = []
    for index, term in enumerate(terms):
        if isinstance(term, str) and term.strip():
            found.append(term.strip())
        else:
            problems.append(Problem(path, line_of(node_of(), [index]), f"'{term}' is not a word", "write the word as the Simplified page shows it, after '- ', such as '- 透过'"))
    return tuple(found), problems


class _ReaderText(HTMLParser):
    """The text of a page that a Simplified Chinese reader reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._open: list[tuple[str, bool]] = []  # each open element, and whether its text is left out

    def _left_out(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        left_out = (
            self._left_out()
            or tag in _SKIPPED
            or (tag == "script" and values.get("type") != "application/json")
            or (lang is not None and not lang.startswith(SIMPLIFIED.code))
        )
        if not left_out:
            self.parts += [value for name, value in attrs if name in _READ_ATTRIBUTES and value]
        if tag not in _VOID:
            self._open.append((tag, left_out))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._left_out():
            self.parts.append(data)


def reader_text(html: str) -> str:
    parser = _ReaderText()
    parser.feed(html)
    return "\n".join(parser.parts)


@dataclass(frozen=True)
class Finding:
    page: Path  # the built page
    url: str  # its address from the site's root
    term: str


def findings(site: Path, terms: tuple[str, ...]) -> list[Finding]:
    """Each listed word on each built Simplified page, by page."""
    folder = site / SIMPLIFIED.url_prefix
    found = []
    for page in sorted(folder.rglob("*.html")):
        if "pagefind" in page.relative_to(site).parts:
            continue
        text = reader_text(page.read_text(encoding="utf-8"))
        url = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
        found += [Finding(page, url, term) for term in terms if term in text]
    return found


def _source(url: str, docs: Path) -> Path | None:
    """The hand-written .zh-Hans.md page published at `url`, if there is one."""
    key = url.removeprefix("/" + SIMPLIFIED.url_prefix).strip("/") or "index"
    for name in (f"{key}.{SIMPLIFIED.code}.md", f"{key}/index.{SIMPLIFIED.code}.md"):
        if (docs / name).is_file():
            return docs / name
    return None


def problems(site: Path, docs: Path = DOCS, terms_file: Path = HONG_KONG_TERMS_FILE) -> list[Problem]:
    """The built Simplified pages' Hong Kong words, each with its page and its fix."""
    terms, found = read_terms(terms_file)
    glossary = GLOSSARY_FILE.relative_to(ROOT).as_posix()
    for finding in findings(site, terms):
        what = f"the Simplified Chinese page {finding.url} shows '{finding.term}', which is Hong Kong usage"
        written = _source(finding.url, docs)
        if written is not None:
            found.append(Problem(written, "the page's text", what, f"write the Mainland word instead of '{finding.term}' in this hand-written Simplified page"))
        else:
            found.append(Problem(
                finding.page, "the page's text", what,
                f"add a line '{finding.term}: <the Mainland word>' to {glossary}, which the Simplified pages are converted through",
            ))
    return found
