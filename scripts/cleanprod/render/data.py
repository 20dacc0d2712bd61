"""Data views (views.py) rendered for one page in one language.

Each renderer below is named by its view's entry in views.VIEWS, and is
given the page's data and the directive as the check read it: the view is
chosen once, by the check, never again here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from cleanprod import languages
from cleanprod.content.cases import Case, Cases
from cleanprod.content.datasets import Dataset
from cleanprod.content.events import Event, Events
from cleanprod.content.funding import Rules
from cleanprod.content.news import NewsItem
from cleanprod.render import cases as render_cases, catalogue as render_catalogue, events as render_events, funding, news as render_news, partners
from cleanprod.render.chart import bar_chart, stated_chart
from cleanprod.render.markup import ANSWERING
from cleanprod.render.table import pivot_table, plain_table, stated_pivot

if TYPE_CHECKING:
    from cleanprod.render.directives import Directive, Placed

ELIGIBILITY = "eligibility"  # the script of the eligibility checker and the subsidy calculator


@dataclass
class PageData:
    """What a page's directives are rendered with."""

    datasets: dict[str, Dataset]
    lang: str
    labels: dict[str, str]
    data_prefix: str  # link from this page to the data folder, e.g. '../data/'
    home_prefix: str  # link from this page to its language's home, e.g. '../'
    file_facts: dict[str, tuple[date, str]]  # file → (last update, as text)
    rules: Rules
    events: Events
    news: list[NewsItem]  # this language's, newest first
    cases: Cases
    today: date  # the build date: events before it are past
    charts: int = 0
    scripts: set[str] = field(default_factory=set)  # the scripts the rendered views need

    def render(self, placed: Placed) -> str:
        """A checked directive's view, in this page's language; the page then loads the view's scripts."""
        html = placed.view.render(self, placed.directive)
        self.scripts.update(placed.view.scripts)
        return html

    def record_header(self, record: Event | Case | NewsItem | None) -> str:
        """The details panel of an event or case page, or the date line of a news page."""
        sectors = self.datasets["sectors.csv"]
        if isinstance(record, Event):
            self.scripts.add("events")
            return render_events.panel(record, self.events, self.datasets["venues.csv"], sectors, self.labels, f"../{record.slug}.ics", self.today)
        if isinstance(record, Case):
            return render_cases.panel(record, self.cases, sectors, self.labels)
        if isinstance(record, NewsItem):
            return render_news.header(record, self.labels)
        return ""

    def chart_id(self) -> str:
        """An id for the page's next chart, which its title and description are named by."""
        self.charts += 1
        return f"chart-{self.charts}"

    def download(self, dataset: Dataset) -> str:
        """The link that downloads a data file, under its table."""
        link = escape(self.data_prefix + dataset.name)
        return f'<p class="data-source"><a href="{link}" download>{escape(self.labels["data.download"])} ({escape(dataset.name)})</a></p>'


Renderer = Callable[[PageData, "Directive"], str]


# Data files


def table(page: PageData, d: Directive) -> str:
    dataset = page.datasets[d.file]
    made = pivot_table if "x-pivot" in dataset.schema else plain_table
    return made(dataset, page.lang, page.labels) + page.download(dataset)


def chart(page: PageData, d: Directive) -> str:
    dataset = page.datasets[d.file]
    made = stated_chart if "x-chart" in dataset.schema else bar_chart
    return made(dataset, page.lang, page.labels, page.chart_id())


def total(page: PageData, d: Directive) -> str:
    return languages.get(page.lang).figure(page.datasets[d.file].total(d.where))


def value(page: PageData, d: Directive) -> str:
    """One column's value in the one row the filters match (the check made sure of it)."""
    dataset = page.datasets[d.file]
    [row] = dataset.rows_where(d.where)
    found = row[d.view]
    if isinstance(found, int):
        return escape(dataset.value_text(d.view, row, page.lang))  # with 'over', 'about' where the source says so
    return escape(languages.get(page.lang).date(found) if isinstance(found, date) else dataset.label(d.view, found, page.lang))


def names(page: PageData, d: Directive) -> str:
    dataset = page.datasets[d.file]
    return f"<ol {ANSWERING}>" + "".join(f"<li>{escape(dataset.name_of(row, page.lang))}</li>" for row in dataset.rows) + "</ol>"


def by_year(page: PageData, d: Directive) -> str:
    dataset = page.datasets[d.file]
    return stated_pivot(dataset, page.lang, page.labels) + page.download(dataset)


def directory(page: PageData, d: Directive) -> str:
    return partners.directory(page.datasets[d.file], page.datasets["sectors.csv"], page.lang, page.labels)


def catalogue(page: PageData, d: Directive) -> str:
    ordered = [(page.datasets[n], *page.file_facts[n]) for n in sorted(page.datasets)]
    return render_catalogue.catalogue(ordered, page.lang, page.labels, page.data_prefix)


# The funding rules


def _apply_page(page: PageData) -> str:
    return page.home_prefix + "apply/"


def current(page: PageData, d: Directive) -> str:
    return funding.current(page.rules, page.lang, page.labels, _apply_page(page))


def rules(page: PageData, d: Directive) -> str:
    return funding.rules_table(page.rules.phase(d.where.get("phase")), page.lang, page.labels)


def history(page: PageData, d: Directive) -> str:
    return funding.history(page.rules, page.lang, page.labels)


def caps_chart(page: PageData, d: Directive) -> str:
    return funding.caps_chart(page.rules, page.lang, page.labels, page.chart_id())


def summary(page: PageData, d: Directive) -> str:
    phase = page.rules.phase(d.where.get("phase"))
    return funding.summary(phase.measure(d.where["measure"]), page.lang, page.labels, past=not page.rules.is_current(phase))


def conditions(page: PageData, d: Directive) -> str:
    return funding.conditions(page.rules.phase(d.where.get("phase")), page.datasets["sectors.csv"], page.lang, page.labels, _apply_page(page))


def examples(page: PageData, d: Directive) -> str:
    return funding.examples(page.rules.phase(d.where.get("phase")), page.lang, page.labels)


def checker(page: PageData, d: Directive) -> str:
    return funding.checker(page.rules, page.datasets["sectors.csv"], page.rules.places, page.lang, page.labels) + _eligibility_data(page)


def calculator(page: PageData, d: Directive) -> str:
    return funding.calculator(page.rules, page.lang, page.labels) + _eligibility_data(page)


def _eligibility_data(page: PageData) -> str:
    """The data eligibility.js reads, which the first of its forms on a page carries."""
    if ELIGIBILITY in page.scripts:
        return ""
    return funding.script_data(page.rules, page.datasets["sectors.csv"], page.lang, page.labels, _apply_page(page))


# Records, listed


def cases_index(page: PageData, d: Directive) -> str:
    return render_cases.index(page.lang, page.cases, page.datasets["sectors.csv"], page.labels, page.home_prefix)


def events_index(page: PageData, d: Directive) -> str:
    return render_events.index(page.lang, page.events, page.datasets["venues.csv"], page.datasets["sectors.csv"], page.labels, page.home_prefix, page.today)


def news_index(page: PageData, d: Directive) -> str:
    return render_news.index(page.news, page.labels, page.home_prefix)


def news_latest(page: PageData, d: Directive) -> str:
    return render_news.latest(page.news, page.labels, page.home_prefix)
