"""Every view of data staff may place in a page, each one entry of `VIEWS`.

A page asks for a view with one line, the same in every language,
`[[data:SOURCE|WORD|name=value…]]` (directives.py): SOURCE is a data file
in docs/data, the funding rules, a folder of records or the catalogue, and
WORD the view. An entry says which source and word name it, which data files
offer it, how its filters are checked, how it is rendered (render/data.py),
the scripts its page then loads, and, with an example, what it shows: the
staff guide's table of views is made from these (`staff_table`;
`python -m cleanprod views --write` puts it in CONTRIBUTING.md).

To add a view, add its entry here and its renderer in render/data.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cleanprod.content import cases, events, news
from cleanprod.content.datasets import Dataset
from cleanprod.content.funding import RULES_FILE, Rules
from cleanprod.render import data as render

if TYPE_CHECKING:
    from cleanprod.render.directives import Directive

DATA_FILE = "a data file"  # the source of a view that data files in docs/data offer
COLUMN = "<column>"  # the word of the view that shows one column's value: the column's name
CATALOGUE = "catalogue"
EVERY_FILE = ""  # offered_by: a view every data file offers
LISTED = None  # offered_by: a view a data file offers only where its schema lists it in x-views
MARKERS = ("<!-- views:start -->", "<!-- views:end -->")  # around the table in the staff guide

Mistake = tuple[str, str]  # what is wrong, and how to fix it
Check = Callable[["Directive", dict[str, Dataset], Rules | None], Mistake | None]


@dataclass(frozen=True)
class View:
    """One view: what names it, what it takes, how it is shown, and its example."""

    source: str  # the name after 'data:' (funding-rules.yml, events), or DATA_FILE
    word: str  # after the first '|': COLUMN for any column's name, "" for nothing
    render: render.Renderer
    check: Check  # the filters (name=value) it takes, and the rows or phase they must find
    examples: tuple[tuple[str, str], ...]  # (a directive as staff write it, what it shows), for the staff guide
    offered_by: str | None = EVERY_FILE  # for DATA_FILE: the schema key a file needs to offer it, or LISTED
    scripts: tuple[str, ...] = ()  # overrides/assets/NAME.js, which the page loads where the view is


def _rows(d: Directive, datasets: dict[str, Dataset], rules: Rules | None) -> Mistake | None:
    """Filters on a data file's columns, which some row matches."""
    dataset = datasets[d.file]
    names = [f["name"] for f in dataset.schema["fields"]]
    for name, value in d.where.items():
        if name not in names:
            return f"'{name}' is not a column of {d.file}", f"filter on one of: {', '.join(names)}"
        values = list(dict.fromkeys(str(row[name]) for row in dataset.rows))
        if value not in values:
            return f"no row of {d.file} has {name}={value}", f"use one of: {', '.join(values)}"
    if not dataset.rows_where(d.where):
        return "no row matches all of the filters", "remove a filter, or correct one"
    return None


def _one_row(d: Directive, datasets: dict[str, Dataset], rules: Rules | None) -> Mistake | None:
    """Filters on a data file's columns, which exactly one row matches."""
    problem = _rows(d, datasets, rules)
    matching = len(datasets[d.file].rows_where(d.where))
    if problem is None and matching != 1:
        return f"the filter matches {matching} rows, not one", "add filters such as year=2011/12 so that exactly one row matches"
    return problem


def _phase(d: Directive, datasets: dict[str, Dataset], rules: Rules) -> Mistake | None:
    """phase= (a phase of the funding rules; the latest without it) and measure=."""
    unknown = set(d.where) - {"phase", "measure"}
    if unknown:
        return f"'{sorted(unknown)[0]}' is not a filter of {RULES_FILE}", "filter on phase= or measure="
    phases = [p.phase for p in rules.phases]
    if "phase" in d.where and d.where["phase"] not in phases:
        return f"there is no phase '{d.where['phase']}'", f"use one of: {', '.join(phases)}"
    return None


def _measure(d: Directive, datasets: dict[str, Dataset], rules: Rules) -> Mistake | None:
    """As _phase, and measure= must name a measure of the phase."""
    problem = _phase(d, datasets, rules)
    if problem:
        return problem
    measures = [m.measure for m in rules.phase(d.where.get("phase")).measures]
    if d.where.get("measure") not in measures:
        return "the summary needs a measure of the phase", f"add one of: {', '.join('measure=' + m for m in measures)}"
    return None


def _nothing(d: Directive, datasets: dict[str, Dataset], rules: Rules | None) -> Mistake | None:
    """No filter."""
    if d.where:
        return f"'{next(iter(d.where))}' is not a filter of {d.file}", f"remove it: [[data:{d.file}{'|' + d.view if d.view else ''}]] takes none"
    return None


_ELIGIBILITY = "a form that `overrides/assets/eligibility.js` runs; hidden without JavaScript"

VIEWS = (
    # Data files, in the order a mistake's fix lists their words.
    View(DATA_FILE, "table", render.table, _rows, (("[[data:approvals.csv|table]]", "the table, titles in the page's language, with totals and the source"),)),
    View(DATA_FILE, "chart", render.chart, _rows, (("[[data:approvals.csv|chart]]", "a bar chart drawn at build time, with its numbers as a table"),), offered_by="x-pivot"),
    View(
        DATA_FILE, "total", render.total, _rows,
        (("[[data:approvals.csv|total]]", "a figure inside a sentence: 1,802"), ("[[data:approvals.csv|total|year=2011/12]]", "the total of the matching rows: 695")),
        offered_by="x-pivot",
    ),
    View(
        DATA_FILE, COLUMN, render.value, _one_row,
        (
            ("[[data:awareness.csv|activities|period=2011/12]]", "one column's value in one row: 54"),
            ("[[data:approvals-over-time.csv|approved|as_of=2017-10-27]]", "a figure as its source states it: over 2,800"),
        ),
    ),
    View(DATA_FILE, "list", render.names, _rows, (("[[data:sectors.csv|list]]", "the names in a file that has them (`x-names`), as a list"),), offered_by="x-names"),
    View(
        DATA_FILE, "by-year", render.by_year, _rows,
        (("[[data:logo-awardees.csv|by-year]]", "figures by year and class as their sources give them, a gap as not published, each row's sources"),),
        offered_by=LISTED,
    ),
    View(DATA_FILE, "directory", render.directory, _rows, (("[[data:partners.csv|directory]]", "the searchable awardee directory with its counts"),), offered_by=LISTED, scripts=("directory",)),
    View(CATALOGUE, "", render.catalogue, _nothing, (("[[data:catalogue]]", "every data file, with download, size, date and data dictionary"),)),
    # The funding rules, in the order a mistake's fix lists them.
    View(RULES_FILE, "current", render.current, _phase, (("[[data:funding-rules.yml|current]]", "the phase in force, its money and where its rules were published"),)),
    View(RULES_FILE, "rules", render.rules, _phase, (("[[data:funding-rules.yml|rules]]", "the funding rules table of the latest phase (or `|phase=2008-04`)"),)),
    View(RULES_FILE, "history", render.history, _phase, (("[[data:funding-rules.yml|history]]", "every phase's measures, shares and caps side by side, with their sources"),)),
    View(RULES_FILE, "chart", render.caps_chart, _phase, (("[[data:funding-rules.yml|chart]]", "how the caps grew: each phase's highest cap, as a bar chart"),)),
    View(RULES_FILE, "conditions", render.conditions, _phase, (("[[data:funding-rules.yml|conditions]]", "who may apply for funding"),)),
    View(RULES_FILE, "examples", render.examples, _phase, (("[[data:funding-rules.yml|examples]]", "worked examples: two costs for each measure, below and above the cap"),)),
    View(RULES_FILE, "checker", render.checker, _phase, (("[[data:funding-rules.yml|checker]]", f"the eligibility checker ({_ELIGIBILITY})"),), scripts=(render.ELIGIBILITY,)),
    View(RULES_FILE, "calculator", render.calculator, _phase, (("[[data:funding-rules.yml|calculator]]", f"the subsidy calculator ({_ELIGIBILITY})"),), scripts=(render.ELIGIBILITY,)),
    View(
        RULES_FILE, "summary", render.summary, _measure,
        (("[[data:funding-rules.yml|summary|phase=2008-04|measure=assessment]]", 'one measure\'s funding in a sentence, in the past tense for an earlier phase: "The government paid 50% of the cost, up to HK$15,000 per application."'),),
    ),
    # Records, listed.
    View(cases.FOLDER, "index", render.cases_index, _nothing, (("[[data:cases|index]]", "every case study, with filters, totals and a chart by sector"),), scripts=("cases",)),
    View(events.FOLDER, "index", render.events_index, _nothing, (("[[data:events|index]]", "every event: upcoming, then past by year, with filters"),), scripts=("events",)),
    View(news.FOLDER, "index", render.news_index, _nothing, (("[[data:news|index]]", "every news item, newest first, with the news feed"),)),
    View(news.FOLDER, "latest", render.news_latest, _nothing, (("[[data:news|latest]]", "the latest few news items, with a link to the rest"),)),
)
RECORD_FOLDERS = (cases.FOLDER, events.FOLDER, news.FOLDER)  # the sources that list pages of their own


def offered(dataset: Dataset) -> list[tuple[str, View]]:
    """(word, view) for each view a data file offers, in the order a fix lists them."""
    schema = dataset.schema
    listed = schema.get("x-views", [])
    found: list[tuple[str, View]] = []
    for view in (v for v in VIEWS if v.source == DATA_FILE and (v.offered_by == EVERY_FILE or v.offered_by in schema)):
        found += [(f["name"], view) for f in schema["fields"]] if view.word == COLUMN else [(view.word, view)]
    for word in listed:  # views a file offers because its schema lists them (x-views)
        found += [(word, v) for v in VIEWS if v.source == DATA_FILE and v.word == word and (word, v) not in found]
    return found


def resolve(d: Directive, datasets: dict[str, Dataset], rules: Rules | None) -> View | Mistake:
    """The view a directive names, its filters checked; else what is wrong with it, and the fix."""
    if d.file in datasets:
        choices = offered(datasets[d.file])
    elif any(v.source == d.file for v in VIEWS):
        choices = [(v.word, v) for v in VIEWS if v.source == d.file]
    else:
        return f"there is no data file '{d.file}'", f"use one of: {', '.join(sorted(datasets))}"
    view = next((view for word, view in choices if word == d.view), None)
    if view is None:
        words = [word for word, _ in choices]
        return f"'{d.view}' is not a view of {d.file}", f"use one of: {', '.join(words)}" if all(words) else f"write it as [[data:{d.file}]]"
    return view.check(d, datasets, rules) or view


def staff_table() -> str:
    """The staff guide's table of views: each example, and what it shows."""
    rows = [f"| `{_cell(example)}` | {_cell(shows)} |" for view in VIEWS for example, shows in view.examples]
    return "\n".join(["| write | to show |", "|---|---|", *rows]) + "\n"


def _cell(text: str) -> str:
    """Text in a Markdown table's cell, whose '|' would end the cell."""
    return text.replace("|", "\\|")


def write_staff_table(guide: Path) -> bool:
    """Put `staff_table` between the MARKERS in `guide`; True if it changed."""
    text = guide.read_text(encoding="utf-8")
    start, end = (re.escape(marker) for marker in MARKERS)
    updated = re.sub(f"{start}\n.*?{end}", lambda _: f"{MARKERS[0]}\n{staff_table()}{MARKERS[1]}", text, count=1, flags=re.DOTALL)
    if updated == text:
        return False
    guide.write_text(updated, encoding="utf-8")
    return True
