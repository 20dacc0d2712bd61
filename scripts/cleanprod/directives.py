"""Data placed in pages with one line, the same in every language.

    [[data:approvals.csv|table]]                  the table, in the page's language
    [[data:approvals.csv|chart]]                  a bar chart, with its table
    [[data:approvals.csv|total]]                  the sum of the value column: 1,802
    [[data:approvals.csv|total|year=2011/12]]     the sum over matching rows: 695
    [[data:awareness.csv|activities]]             one column's value (one matching row)
    [[data:catalogue]]                            every data file, for the open data page
    [[data:events|index]]                         every event: upcoming, then past by year, with filters
    [[data:news|index]]  [[data:news|latest]]     every news item, or the latest few
    [[data:cases|index]]                          every case study, with filters, totals and a chart
    [[data:partners.csv|directory]]               the awardee directory, searchable, with counts
    [[data:sectors.csv|list]]                     a file's names (x-names), as a list
    [[data:funding-rules.yml|rules]]              the funding rules table (the latest phase,
                                                  or phase=2008-04); also: current (the phase in
                                                  force and its sources), history, chart (how
                                                  the caps grew), conditions, examples,
                                                  checker, calculator, and, inside a sentence,
                                                  summary|measure=assessment

A table, chart or catalogue stands alone on its line; a figure may stand inside
a sentence. Directives are checked with the data before anything is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cleanprod.datasets import Dataset
from cleanprod.funding import RULES_FILE, Rules
from cleanprod.problems import Problem

DIRECTIVE = re.compile(r"\[\[[ \t]*data[ \t]*:([^\]|]+)((?:\|[^\]|]+)*)\]\]")
# The start of what was meant as a directive: typed in full-width, or with capitals.
_LOOKS_LIKE = re.compile(r"[\[【［]{2}[ \t　]*data[ \t　]*[:：]", re.IGNORECASE)
_WRITTEN_AS = re.compile(r"[^\n]*?(?:[\]】］]{2}|$)", re.MULTILINE)  # from there to its closing brackets, or the end of the line
BLOCK_VIEWS = ("table", "chart")
CATALOGUE = "catalogue"
FUNDING_VIEWS = ("current", "rules", "history", "chart", "conditions", "examples", "checker", "calculator", "summary")
LISTINGS = {"events": ("index",), "news": ("index", "latest"), "cases": ("index",)}  # pages that are records, listed
SCRIPTED_VIEWS = {"checker": "eligibility", "calculator": "eligibility"}  # view → the script it needs


@dataclass(frozen=True)
class Directive:
    text: str
    file: str
    view: str
    where: dict[str, str]


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
) -> list[Problem]:
    """Every directive in a page must name an existing file, view and filter.

    Directives naming a file in `unusable` (one with its own problems) are skipped.
    """
    found: list[tuple[int, str, str]] = []  # (where in the page, what, fix)
    matches = list(DIRECTIVE.finditer(markdown))
    written = {match.start() for match in matches}
    for near in _LOOKS_LIKE.finditer(markdown):
        if near.start() not in written:
            shown = _WRITTEN_AS.match(markdown, near.start())[0].strip()
            found.append((near.start(), f"'{shown}' is meant as a data line, but is not written as one", "write it with ordinary (half-width) brackets, colon and |, and 'data' in small letters, as in [[data:approvals.csv|total]]"))
    for match in matches:
        directive = parse(match)
        if directive.file in unusable:
            continue
        problem = _funding_problem(directive, rules) if directive.file == RULES_FILE else _problem(directive, datasets)
        if problem:
            found.append((match.start(), f"{match.group(0)}: {problem[0]}", problem[1]))
    return [Problem(page, f"line {first_line + markdown.count(chr(10), 0, start)}", what, fix) for start, what, fix in sorted(found)]


def _problem(d: Directive, datasets: dict[str, Dataset]) -> tuple[str, str] | None:
    if d.file == CATALOGUE:
        return None
    if d.file in LISTINGS:
        views = LISTINGS[d.file]
        return None if d.view in views else (f"'{d.view}' is not a view of {d.file}", f"use one of: {', '.join(views)}")
    if d.file not in datasets:
        return f"there is no data file '{d.file}'", f"use one of: {', '.join(sorted(datasets))}"
    dataset = datasets[d.file]
    names = [f["name"] for f in dataset.schema["fields"]]
    views = [*BLOCK_VIEWS, "total", *names] if "x-pivot" in dataset.schema else ["table", *names]
    if "x-names" in dataset.schema:
        views.append("list")
    views += dataset.schema.get("x-views", [])
    if d.view not in views:
        return f"'{d.view}' is not a view of {d.file}", f"use one of: {', '.join(views)}"
    for name, value in d.where.items():
        if name not in names:
            return f"'{name}' is not a column of {d.file}", f"filter on one of: {', '.join(names)}"
        values = list(dict.fromkeys(str(row[name]) for row in dataset.rows))
        if value not in values:
            return f"no row of {d.file} has {name}={value}", f"use one of: {', '.join(values)}"
    matching = len(dataset.rows_where(d.where))
    if not matching:
        return "no row matches all of the filters", "remove a filter, or correct one"
    if d.view in names and matching != 1:
        return f"the filter matches {matching} rows, not one", "add filters such as year=2011/12 so that exactly one row matches"
    return None


def _funding_problem(d: Directive, rules: Rules | None) -> tuple[str, str] | None:
    if rules is None:
        return None  # the rules file has problems of its own, listed already
    if d.view not in FUNDING_VIEWS:
        return f"'{d.view}' is not a view of {RULES_FILE}", f"use one of: {', '.join(FUNDING_VIEWS)}"
    unknown = set(d.where) - {"phase", "measure"}
    if unknown:
        return f"'{sorted(unknown)[0]}' is not a filter of {RULES_FILE}", "filter on phase= or measure="
    phases = [p.phase for p in rules.phases]
    if "phase" in d.where and d.where["phase"] not in phases:
        return f"there is no phase '{d.where['phase']}'", f"use one of: {', '.join(phases)}"
    phase = rules.phase(d.where.get("phase"))
    measures = [m.measure for m in phase.measures]
    if d.view == "summary" and d.where.get("measure") not in measures:
        return "the summary needs a measure of the phase", f"add one of: {', '.join('measure=' + m for m in measures)}"
    return None


BLOCK_MARK = "<!-- data block {} -->"
_ID = re.compile(r'(?<![\w-])id="([^"]+)"')  # an element's id, not a data-id


def replace(markdown: str, render: Callable[[Directive], str]) -> tuple[str, list[str]]:
    """Put each directive's rendering in its place.

    A directive alone on its line that renders HTML (a table, a listing, a
    form) is left out of Markdown's way: Markdown would only parse that HTML
    again, which on a listing of thousands of records takes most of the build.
    It is replaced by a marker, and its HTML is returned, for `restore` to put
    in once Markdown has run.
    """
    blocks: list[str] = []

    def put(match: re.Match[str]) -> str:
        html = render(parse(match))
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
