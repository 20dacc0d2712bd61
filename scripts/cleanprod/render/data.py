"""A data directive (see directives.py) rendered for one page in one language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape

from cleanprod import cases as cases_module, events as events_module, languages, news as news_module
from cleanprod.cases import Case, Cases
from cleanprod.datasets import Dataset
from cleanprod.directives import CATALOGUE, SCRIPTED_VIEWS, Directive
from cleanprod.events import Event, Events
from cleanprod.funding import RULES_FILE, Rules
from cleanprod.news import NewsItem
from cleanprod.render import cases as render_cases, events as render_events, funding, news as render_news, partners
from cleanprod.render.catalogue import catalogue
from cleanprod.render.chart import bar_chart, stated_chart
from cleanprod.render.table import pivot_table, plain_table, stated_pivot
from cleanprod.search_index import ANSWERING


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

    def render(self, d: Directive) -> str:
        if d.file == RULES_FILE:
            return self._funding(d)
        if d.file == events_module.FOLDER:
            self.scripts.add("events")
            return render_events.index(self.lang, self.events, self.datasets["venues.csv"], self.datasets["sectors.csv"], self.labels, self.home_prefix, self.today)
        if d.file == cases_module.FOLDER:
            self.scripts.add("cases")
            return render_cases.index(self.lang, self.cases, self.datasets["sectors.csv"], self.labels, self.home_prefix)
        if d.file == news_module.FOLDER:
            view = render_news.latest if d.view == "latest" else render_news.index
            return view(self.news, self.labels, self.home_prefix)
        if d.file == CATALOGUE:
            ordered = [(self.datasets[n], *self.file_facts[n]) for n in sorted(self.datasets)]
            return catalogue(ordered, self.lang, self.labels, self.data_prefix)
        dataset = self.datasets[d.file]
        if d.view == "table":
            table = pivot_table if "x-pivot" in dataset.schema else plain_table
            return table(dataset, self.lang, self.labels) + self._download(dataset)
        if d.view == "by-year":
            return stated_pivot(dataset, self.lang, self.labels) + self._download(dataset)
        if d.view == "chart":
            self.charts += 1
            chart = stated_chart if "x-chart" in dataset.schema else bar_chart
            return chart(dataset, self.lang, self.labels, f"chart-{self.charts}")
        if d.view == "directory":
            self.scripts.add("directory")
            return partners.directory(dataset, self.datasets["sectors.csv"], self.lang, self.labels)
        if d.view == "list":
            return f"<ol {ANSWERING}>" + "".join(f"<li>{escape(dataset.name_of(row, self.lang))}</li>" for row in dataset.rows) + "</ol>"
        if d.view == "total":
            return languages.get(self.lang).figure(dataset.total(d.where))
        [row] = dataset.rows_where(d.where)  # directives.check made sure exactly one matches
        value = row[d.view]
        if isinstance(value, int):
            return escape(dataset.value_text(d.view, row, self.lang))  # with 'over', 'about' where the source says so
        return escape(languages.get(self.lang).date(value) if isinstance(value, date) else dataset.label(d.view, value, self.lang))

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

    def _funding(self, d: Directive) -> str:
        phase = self.rules.phase(d.where.get("phase"))
        sectors = self.datasets["sectors.csv"]
        apply_page = self.home_prefix + "apply/"
        script_data = ""
        if d.view in SCRIPTED_VIEWS and SCRIPTED_VIEWS[d.view] not in self.scripts:
            self.scripts.add(SCRIPTED_VIEWS[d.view])  # the first form on the page carries the script's data
            script_data = funding.script_data(self.rules, sectors, self.lang, self.labels, apply_page)
        match d.view:
            case "current":
                return funding.current(self.rules, self.lang, self.labels, apply_page)
            case "rules":
                return funding.rules_table(phase, self.lang, self.labels)
            case "history":
                return funding.history(self.rules, self.lang, self.labels)
            case "chart":
                self.charts += 1
                return funding.caps_chart(self.rules, self.lang, self.labels, f"chart-{self.charts}")
            case "summary":
                return funding.summary(phase.measure(d.where["measure"]), self.lang, self.labels, past=not self.rules.is_current(phase))
            case "conditions":
                return funding.conditions(phase, sectors, self.lang, self.labels, apply_page)
            case "examples":
                return funding.examples(phase, self.lang, self.labels)
            case "checker":
                return funding.checker(self.rules, sectors, self.rules.places, self.lang, self.labels) + script_data
            case "calculator":
                return funding.calculator(self.rules, self.lang, self.labels) + script_data

    def _download(self, dataset: Dataset) -> str:
        link = escape(self.data_prefix + dataset.name)
        return (
            f'<p class="data-source"><a href="{link}" download>{escape(self.labels["data.download"])} ({escape(dataset.name)})</a></p>'
        )
