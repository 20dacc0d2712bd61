"""Data placed in pages with one line, the same in every language:
`[[data:approvals.csv|total|year=2011/12]]`. What may follow `data:`, the
views and their filters, is views.py's registry, from which the staff guide's
table of views is made.

A table, chart or catalogue stands alone on its line; a figure may stand inside
a sentence. Directives are checked with the data before anything is rendered:
the check finds each directive's view (`Placed`), and the page is rendered
with what the check found, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cleanprod.render import views
from cleanprod.content.datasets import Dataset
from cleanprod.content.funding import RULES_FILE, Rules
from cleanprod.problems import Problem

DIRECTIVE = re.compile(r"\[\[[ \t]*data[ \t]*:([^\]|]+)((?:\|[^\]|]+)*)\]\]")
# The start of what was meant as a directive: typed in full-width, or with capitals.
_LOOKS_LIKE = re.compile(r"[\[【［]{2}[ \t　]*data[ \t　]*[:：]", re.IGNORECASE)
_WRITTEN_AS = re.compile(r"[^\n]*?(?:[\]】］]{2}|$)", re.MULTILINE)  # from there to its closing brackets, or the end of the line


@dataclass(frozen=True)
class Directive:
    text: str
    file: str
    view: str  # the word after the first '|'
    where: dict[str, str]


@dataclass(frozen=True)
class Placed:
    """A directive as the check found it: what it asks for, and the view that shows it."""

    directive: Directive
    view: views.View


def parse(match: re.Match[str]) -> Directive:
    parts = [p.strip() for p in match.group(2).split("|")[1:]]
    view = parts[0] if parts else ""
    where = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
    return Directive(match.group(0), match.group(1).strip(), view, {k.strip(): v.strip() for k, v in where.items()})


def check(
    page: Path,
    markdown: str,
    first_line: int,
    datasets: dict[str, Dataset],
    rules: Rules | None,
    unusable: set[str] = frozenset(),
) -> tuple[list[Placed], list[Problem]]:
    """Every directive in a page must name an existing file, view and filter:
    each one's view, in the page's order, and the problems.

    Directives naming a file in `unusable` (one with its own problems, or the
    funding rules where they have problems) are skipped.
    """
    found: list[tuple[int, str, str]] = []  # (where in the page, what, fix)
    placed: list[Placed] = []
    matches = list(DIRECTIVE.finditer(markdown))
    written = {match.start() for match in matches}
    for near in _LOOKS_LIKE.finditer(markdown):
        if near.start() not in written:
            shown = _WRITTEN_AS.match(markdown, near.start())[0].strip()
            found.append((near.start(), f"'{shown}' is meant as a data line, but is not written as one", "write it with ordinary (half-width) brackets, colon and |, and 'data' in small letters, as in [[data:approvals.csv|total]]"))
    for match in matches:
        directive = parse(match)
        if directive.file in unusable or directive.file == RULES_FILE and rules is None:
            continue
        view = views.resolve(directive, datasets, rules)
        if isinstance(view, views.View):
            placed.append(Placed(directive, view))
        else:
            found.append((match.start(), f"{match.group(0)}: {view[0]}", view[1]))
    return placed, [Problem(page, f"line {first_line + markdown.count(chr(10), 0, start)}", what, fix) for start, what, fix in sorted(found)]


BLOCK_MARK = "<!-- data block {} -->"
_ID = re.compile(r'(?<![\w-])id="([^"]+)"')  # an element's id, not a data-id


def replace(markdown: str, placed: list[Placed], render: Callable[[Placed], str]) -> tuple[str, list[str]]:
    """Put each directive's rendering in its place: the directives in
    `markdown` are those the check found (`placed`), in the same order. The
    zh-Hans page is the zh-Hant page converted, and its directives too.

    A directive alone on its line that renders HTML (a table, a listing, a
    form) is left out of Markdown's way: Markdown would only parse that HTML
    again, which on a listing of thousands of records takes most of the build.
    It is replaced by a marker, and its HTML is returned, for `restore` to put
    in once Markdown has run.
    """
    blocks: list[str] = []
    checked = iter(placed)

    def put(match: re.Match[str]) -> str:
        html = render(next(checked))
        starts_line = match.start() == 0 or markdown[match.start() - 1] == "\n"
        ends_line = match.end() == len(markdown) or markdown[match.end()] == "\n"
        return keep(html, blocks) if starts_line and ends_line and html.startswith("<") else html

    return DIRECTIVE.sub(put, markdown), blocks


def keep(html: str, blocks: list[str]) -> str:
    """The marker that stands for a block of HTML until `restore` puts it in."""
    blocks.append(html)
    return BLOCK_MARK.format(len(blocks) - 1)


def ids(blocks: list[str]) -> set[str]:
    """The ids in the blocks kept out of Markdown, which MkDocs did not see:
    a link to one from another page (events/index.md#upcoming) is to a
    heading the page has."""
    return {found for block in blocks for found in _ID.findall(block)}


def restore(html: str, blocks: list[str]) -> str:
    """Put back the blocks that `replace` kept out of Markdown."""
    for number, block in enumerate(blocks):
        html = html.replace(BLOCK_MARK.format(number), block, 1)
    return html
